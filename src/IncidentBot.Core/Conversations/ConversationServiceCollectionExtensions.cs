using IncidentBot.Core.Feedback;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Conversations;

/// <summary>Registers the conversation store (questions and votes), the gaps report and their options.</summary>
/// <remarks>
/// <see cref="UserRateLimiter"/> is deliberately not registered: each chat adapter builds its own from its
/// own settings, so Discord and Slack limits stay independent.
/// </remarks>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentBotConversations(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataOptions>, DataOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConversationStore>();
        services.TryAddSingleton<GapFinder>();
        return services;
    }
}
