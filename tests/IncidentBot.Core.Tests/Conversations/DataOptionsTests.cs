using IncidentBot.Core.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IncidentBot.Core.Tests.Conversations;

/// <summary>The <c>Data</c> settings are checked at start-up, and the store is registered once.</summary>
public sealed class DataOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new DataOptionsValidator().Validate(null, new DataOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal("data/incidentbot.db", new DataOptions().Path);
        Assert.Equal(30, new DataOptions().RetentionDays);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_BlankPath_Fails(string path)
    {
        var result = new DataOptionsValidator().Validate(null, new DataOptions { Path = path });

        Assert.True(result.Failed);
        Assert.Contains("Data:Path", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3651)]
    public void Validate_RetentionOutOfRange_Fails(int days)
    {
        var result = new DataOptionsValidator().Validate(null, new DataOptions { RetentionDays = days });

        Assert.True(result.Failed);
        Assert.Contains("RetentionDays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3650)]
    public void Validate_RetentionAtTheBounds_Succeeds(int days)
    {
        Assert.True(new DataOptionsValidator().Validate(null, new DataOptions { RetentionDays = days }).Succeeded);
    }

    [Fact]
    public void AddIncidentBotConversations_CalledTwice_RegistersStoreAndValidatorOnce()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();

        services.AddIncidentBotConversations(configuration);
        services.AddIncidentBotConversations(configuration);

        var store = Assert.Single(services, d => d.ServiceType == typeof(ConversationStore));
        Assert.Equal(ServiceLifetime.Singleton, store.Lifetime);
        var validator = Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<DataOptions>));
        Assert.Equal(typeof(DataOptionsValidator), validator.ImplementationType);
        Assert.Single(services, d => d.ServiceType == typeof(TimeProvider));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(UserRateLimiter));
    }
}
