using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace ReferralBot.FakeTelegram;

/// <summary>
/// When a request reached this machine by the kernel's account: the moment its handler started, less how long ago the
/// kernel took in the connection's last data (Linux's <c>TCP_INFO</c>, <c>tcpi_last_data_recv</c>, in whole
/// scheduler ticks). A handler that starts late, because the thread reading the sockets was held up, then still clocks
/// the request when it arrived, as Telegram's servers would. Anywhere else (another OS, no socket) it is the handler's
/// start.
/// </summary>
internal static class KernelArrival
{
    private const int IpProtoTcp = 6;
    private const int TcpInfo = 11;
    // struct tcp_info: eight one-byte fields, then u32s from tcpi_rto on; tcpi_last_data_recv is the twelfth of those.
    private const int LastDataReceivedOffset = 52;

    public static DateTimeOffset Of(HttpContext http, DateTimeOffset handlerStart)
    {
        if (!OperatingSystem.IsLinux() || http.Features.Get<IConnectionSocketFeature>()?.Socket is not { } socket) return handlerStart;
        Span<byte> info = stackalloc byte[104];
        try
        {
            var length = socket.GetRawSocketOption(IpProtoTcp, TcpInfo, info);
            if (length < LastDataReceivedOffset + sizeof(uint)) return handlerStart;
        }
        catch (SocketException)
        {
            return handlerStart;
        }
        catch (ObjectDisposedException)
        {
            return handlerStart;
        }

        var sinceLastData = MemoryMarshal.Read<uint>(info[LastDataReceivedOffset..]);
        return handlerStart - TimeSpan.FromMilliseconds(sinceLastData);
    }
}
