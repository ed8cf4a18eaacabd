using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace ReferralBot.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection that writes a request already in bytes and reads back only what a load
/// generator needs: the status code, then past the body (by Content-Length, or chunk by chunk). It stands in for
/// Telegram's servers, which in production run on their own machines, so it should take as little as it can of the
/// two cores it shares with the service: HttpClient spends several times more CPU on each request.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[16 * 1024];
    private int start, end;

    private RawHttpConnection(Socket socket) => this.socket = socket;

    public static async Task<RawHttpConnection> OpenAsync(Uri url)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(url.Host, url.Port);
        return new RawHttpConnection(socket);
    }

    /// <summary>A POST of <paramref name="body"/> with the given extra header lines ("Name: value").</summary>
    public static byte[] Post(Uri url, string contentType, string body, params string[] headers)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder()
            .Append("POST ").Append(url.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(url.Authority).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("\r\n")
            .Append("Content-Length: ").Append(content.Length).Append("\r\n");
        foreach (var header in headers) head.Append(header).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. content];
    }

    /// <summary>Sends the request and returns the response's status code once its whole body has been read.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        while (!request.IsEmpty) request = request[await socket.SendAsync(request, SocketFlags.None)..];

        var headerLength = await FillUntilAsync(HeaderEnd);
        var head = buffer.AsSpan(start, headerLength);
        // "HTTP/1.1 200 OK": the status is the three digits after the first space.
        if (!Utf8Parser.TryParse(head[(head.IndexOf((byte)' ') + 1)..], out int status, out _)) throw new InvalidDataException("No status line.");
        var chunked = head.IndexOf("Transfer-Encoding: chunked"u8) >= 0;
        var contentLength = ContentLength(head);
        start += headerLength + HeaderEnd.Length;

        if (chunked)
        {
            while (true)
            {
                var lineLength = await FillUntilAsync(LineEnd);
                if (!Utf8Parser.TryParse(buffer.AsSpan(start, lineLength), out int size, out _, 'x')) throw new InvalidDataException("No chunk size.");
                start += lineLength + LineEnd.Length;
                await SkipAsync(size + LineEnd.Length);
                if (size == 0) break;
            }
        }
        else
        {
            await SkipAsync(contentLength);
        }

        return status;
    }

    public void Dispose() => socket.Dispose();

    private static int ContentLength(ReadOnlySpan<byte> head)
    {
        var at = head.IndexOf("Content-Length: "u8);
        if (at < 0) return 0;
        return Utf8Parser.TryParse(head[(at + "Content-Length: "u8.Length)..], out int length, out _) ? length : throw new InvalidDataException("No content length.");
    }

    // Reads until the buffered bytes contain the marker; returns where it starts, counted from the first unread byte.
    private async Task<int> FillUntilAsync(byte[] marker)
    {
        while (true)
        {
            var found = buffer.AsSpan(start, end - start).IndexOf(marker);
            if (found >= 0) return found;
            await ReadMoreAsync();
        }
    }

    private async Task SkipAsync(int count)
    {
        while (end - start < count)
        {
            count -= end - start;
            start = end;
            await ReadMoreAsync();
        }

        start += count;
    }

    private async Task ReadMoreAsync()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            (end, start) = (end - start, 0);
        }

        if (end == buffer.Length) throw new InvalidDataException("A response header is larger than the buffer.");
        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None);
        if (read == 0) throw new IOException("The server closed the connection.");
        end += read;
    }
}
