namespace ReferralBot.Channels.Telegram.Sending;

/// <summary>
/// A Bot API connection's stream, as the HTTP handler writes to it: the first write of a send's request waits at the
/// send queue's <see cref="WireWindow"/> until Telegram's "30 in any second" allows it, and is counted once its bytes
/// are written, on the times closest to those Telegram sees. Other writes pass at once.
/// </summary>
/// <remarks>
/// Counting it any earlier (as a message handler in front of the connection did) stamps a send before work that can
/// take tens of milliseconds: Telegram.Bot writes its JSON lazily, as the request goes out, and a send that needs a new
/// connection waits for it. A send stamped that much before Telegram sees it lets the send 30 later fit in the same
/// second: a 429 that holds every chat up for its retry_after.
/// The write runs in the send's own flow, where the queue knows which job it is; other requests (getUpdates) count nothing.
/// </remarks>
internal sealed class TelegramWireClock(Stream inner, TelegramSendQueue queue) : Stream
{
    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    // Stamped once the bytes are with the kernel, not before: a pause in between (a collection, a busy core) then
    // makes the stamp late, which only spaces the next sends further, never closer. A write that fails is counted too:
    // some of its bytes may have gone.
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // Synchronous writes are not what HttpClient's SendAsync makes; one still waits its turn, blocking.
        var entered = queue.EnterWireAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        try
        {
            inner.Write(buffer);
        }
        finally
        {
            if (entered) queue.LeftWire();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var entered = await queue.EnterWireAsync(cancellationToken);
        try
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
        finally
        {
            if (entered) queue.LeftWire();
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
