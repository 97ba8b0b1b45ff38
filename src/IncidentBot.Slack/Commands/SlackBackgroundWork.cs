using IncidentBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Slack.Commands;

/// <summary>Slack replies finished after the 3-second acknowledgement and posted to a <c>response_url</c>.</summary>
public sealed class SlackBackgroundWork(ILogger<SlackBackgroundWork> logger) : ReplyTracker(logger);
