namespace IncidentBot.Discord.Tests.TestSupport;

/// <summary>Base of test classes that each test gets a fresh <see cref="IndexHarness"/> (real index and store) for.</summary>
public abstract class IndexHarnessTests : IAsyncLifetime
{
    private protected IndexHarness Harness { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Harness = await IndexHarness.CreateAsync();

    public virtual Task DisposeAsync()
    {
        Harness?.Dispose();
        return Task.CompletedTask;
    }
}
