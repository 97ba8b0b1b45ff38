using IncidentBot.Core.Answers;
using IncidentBot.Core.Indexing;

namespace IncidentBot.Core.Tests.TestSupport;

/// <summary>One index of corpus A shared (read-only) by the tests of a class.</summary>
public sealed class CorpusAFixture : IAsyncLifetime, IDisposable
{
    private readonly IndexHarness _harness = new();

    internal IncidentIndex Index { get; private set; } = null!;

    internal AnswerEngine Engine { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Index = await _harness.CreateReadyIndexAsync(FixtureDocs.A);
        Engine = _harness.CreateEngine(Index);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _harness.Dispose();
}
