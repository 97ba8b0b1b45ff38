using IncidentBot.Core.Answers;
using IncidentBot.Core.Documents;
using IncidentBot.Core.Indexing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IncidentBot.Core;

/// <summary>Registers the documents, index and answer services.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddIncidentBotCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedsOptions>().Bind(configuration.GetSection(SeedsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RankingOptions>().Bind(configuration.GetSection(RankingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SeedLoader>();
        services.TryAddSingleton<IncidentIndex>();
        services.TryAddSingleton<AnswerEngine>();
        services.TryAddSingleton<SourceCatalog>();
        return services;
    }
}
