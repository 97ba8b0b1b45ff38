using IncidentBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Interactions;

/// <summary>Discord replies still being finished after a deferral ("thinking…"), and the interaction workers' token.</summary>
public sealed class DeferredReplies(ILogger<DeferredReplies> logger) : ReplyTracker(logger);
