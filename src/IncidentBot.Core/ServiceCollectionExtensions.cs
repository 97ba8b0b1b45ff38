using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Evaluation;
using IncidentBot.Core.Health;
using IncidentBot.Core.Indexing;
using IncidentBot.Core.Synonyms;
using IncidentBot.Core.Telemetry;
using IncidentBot.Core.Timeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core;

/// <summary>Registers the documents, index and answer services.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedsOptions>().Bind(configuration.GetSection(SeedsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SeedsOptions>, SeedsOptionsValidator>());
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IndexOptions>, IndexOptionsValidator>());
        services.AddOptions<RankingOptions>().Bind(configuration.GetSection(RankingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RankingOptions>, RankingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeedLoader>();
        services.TryAddSingleton<GoldenQuestionGate>();
        services.TryAddSingleton<IncidentIndex>();
        services.TryAddSingleton<AnswerEngine>();
        services.TryAddSingleton<SourceCatalog>();
        services.TryAddSingleton<IncidentTimeline>();
        services.TryAddSingleton<SeedsWatcher>();
        services.TryAddSingleton<SynonymSource>();

        // Metrics are recorded whether or not anything exports them (an unobserved instrument costs nothing).
        services.AddMetrics();
        services.TryAddSingleton<IncidentBotMetrics>();
        services.TryAddSingleton<IndexMetrics>();
        services.TryAddSingleton<QuestionLog>();
        services.TryAddSingleton<ConnectionHealth>();
        return services;
    }
}
