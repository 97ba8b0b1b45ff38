using System.Net.WebSockets;
using Microsoft.Extensions.Logging;

namespace IncidentBot.Discord.Gateway;

/// <summary>Heartbeats, sends and closing: the parts of a connection that write to the socket.</summary>
public sealed partial class GatewayConnection
{
    public void Dispose()
    {
        _sendLimiter.Dispose();
        _sendLock.Dispose();
    }

    private async Task HeartbeatLoopAsync(Heartbeater heartbeater, CancellationToken ct)
    {
        try
        {
            await Task.Delay(heartbeater.FirstDelay, _shard.Time, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested && !_end.Task.IsCompleted)
            {
                if (!heartbeater.TryBeat(_shard.Time.GetUtcNow()))
                {
                    // No ACK between two beats: the connection is dead even if the socket looks open.
                    End(new GatewayDisconnect(GatewayCloseAction.Resume, "no heartbeat ACK since the last heartbeat (zombie connection)", Immediate: true));
                    return;
                }

                await SendAsync(GatewayCommands.Heartbeat(_session.Sequence), ct).ConfigureAwait(false);
                await Task.Delay(heartbeater.Interval, _shard.Time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one payload within the size limit and the per-connection send budget.</summary>
    private async Task SendAsync(byte[] payload, CancellationToken ct)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            // Discord would close the connection with 4002; nothing we send should ever be this big.
            LogOversized(_shard.ShardId, payload.Length);
            return;
        }

        using var lease = await _sendLimiter.AcquireAsync(1, ct).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            LogSendBudget(_shard.ShardId);
            return;
        }

        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _transport.SendAsync(payload, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            End(new GatewayDisconnect(GatewayCloseAction.Resume, $"send failed: {ex.Message}"));
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void End(GatewayDisconnect disconnect) => _end.TrySetResult(disconnect);

    private async Task CloseAsync(int closeCode)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var locked = false;
        try
        {
            // One send at a time on a WebSocket: wait for a heartbeat being sent, but not for long.
            locked = await _sendLock.WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            await _transport.CloseAsync(closeCode, closeCode == 1000 ? "closing" : "reconnecting", timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is being abandoned; a failed close changes nothing.
        }
        finally
        {
            if (locked)
            {
                _sendLock.Release();
            }
        }
    }

    private static async Task IgnoreCancellationAsync(Task? task)
    {
        if (task is null)
        {
            return;
        }

        try
        {
            await task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId}/{ShardCount} ready")]
    private partial void LogReady(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord shard {ShardId} resumed its session")]
    private partial void LogResumed(int shardId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: ignored an unreadable gateway payload ({Error})")]
    private partial void LogMalformed(int shardId, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Discord shard {ShardId}: ignored unknown opcode {Op}")]
    private partial void LogUnknownOp(int shardId, int op);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord shard {ShardId}: handling a gateway payload failed; reconnecting")]
    private partial void LogReceiveFailed(Exception ex, int shardId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord shard {ShardId}: refused to send a {Bytes}-byte payload (the limit is 4096)")]
    private partial void LogOversized(int shardId, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord shard {ShardId}: gateway send budget exhausted; payload dropped")]
    private partial void LogSendBudget(int shardId);
}
