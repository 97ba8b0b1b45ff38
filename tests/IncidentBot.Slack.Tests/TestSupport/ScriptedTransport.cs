using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using IncidentBot.Slack.SocketMode;

namespace IncidentBot.Slack.Tests.TestSupport;

/// <summary>
/// An in-memory <see cref="ISocketModeTransport"/>: the test queues what Slack sends (<see cref="Deliver"/>,
/// <see cref="Drop"/>) and reads what the bot sent (<see cref="Sent"/>). Like a WebSocket, it refuses sends once
/// closed; <see cref="FailSends"/> makes every send throw as a dropped connection does. Connects and closes are
/// written to the shared <see cref="Events"/> log (e.g. <c>t1 connect</c>, <c>t1 close</c>) to check their order.
/// </summary>
internal sealed class ScriptedTransport(string name = "t", ConcurrentQueue<string>? events = null) : ISocketModeTransport
{
    private readonly Channel<ReadOnlyMemory<byte>?> _incoming = Channel.CreateUnbounded<ReadOnlyMemory<byte>?>();
    private readonly ConcurrentQueue<string> _sent = new();

    public string Name { get; } = name;

    public ConcurrentQueue<string> Events { get; } = events ?? new();

    public bool FailSends { get; set; }

    public Exception? ConnectFailure { get; set; }

    public Uri? ConnectedTo { get; private set; }

    public bool Closed { get; private set; }

    public bool Disposed { get; private set; }

    public IReadOnlyList<string> Sent => [.. _sent];

    public void Deliver(string json) => _incoming.Writer.TryWrite(Encoding.UTF8.GetBytes(json));

    /// <summary>The connection closes: the next receive returns null.</summary>
    public void Drop() => _incoming.Writer.TryWrite(null);

    public Task ConnectAsync(Uri url, CancellationToken ct)
    {
        ConnectedTo = url;
        Events.Enqueue(Name + " connect");
        return ConnectFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken ct)
    {
        if (FailSends || Closed || Disposed)
        {
            throw new System.Net.WebSockets.WebSocketException("the connection was dropped");
        }

        _sent.Enqueue(Encoding.UTF8.GetString(message.Span));
        return Task.CompletedTask;
    }

    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken ct) => await _incoming.Reader.ReadAsync(ct);

    public Task CloseAsync(CancellationToken ct)
    {
        if (!Closed)
        {
            Closed = true;
            Events.Enqueue(Name + " close");
        }

        _incoming.Writer.TryWrite(null);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
