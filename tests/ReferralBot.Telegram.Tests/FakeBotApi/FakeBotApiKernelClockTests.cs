using System.Net.Sockets;
using System.Text;
using ReferralBot.FakeTelegram;

namespace ReferralBot.Telegram.Tests.FakeApi;

/// <summary>
/// The benchmark's fake clocks a send when the kernel took it in, not when its handler got to it. Two sends pipelined
/// on one connection (Linux: the clock reads TCP_INFO) arrive together, but the second is handled only once the first has waited out its latency.
/// </summary>
public sealed class FakeBotApiKernelClockTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_send_handled_late_is_clocked_when_it_arrived()
    {
        var (first, second) = await PipelinedSendsAsync(clockFromKernel: true);

        Assert.True(second - first < Latency / 3, $"clocked {(second - first).TotalMilliseconds} ms apart");
    }

    [Fact]
    public async Task Without_the_kernel_clock_the_same_send_is_clocked_when_handled()
    {
        var (first, second) = await PipelinedSendsAsync(clockFromKernel: false);

        Assert.True(second - first >= Latency - TimeSpan.FromMilliseconds(20), $"clocked {(second - first).TotalMilliseconds} ms apart");
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Second)> PipelinedSendsAsync(bool clockFromKernel)
    {
        await using var fake = await FakeBotApi.StartAsync(new FakeBotApiOptions { ClockFromKernel = clockFromKernel, Latency = (Latency, Latency) });
        var uri = new Uri(fake.BaseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var requests = Request(fake, 1001, "first") + Request(fake, 1002, "second");
        await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(requests));

        var sends = await fake.WaitForCallsAsync("sendMessage", 2, TimeSpan.FromSeconds(10));
        return (sends.Single(c => c.ChatId == 1001).At, sends.Single(c => c.ChatId == 1002).At);
    }

    private static string Request(FakeBotApi fake, long chat, string text)
    {
        var body = $"chat_id={chat}&text={text}";
        return $"POST /bot{new FakeBotApiOptions().Token}/sendMessage HTTP/1.1\r\nHost: {new Uri(fake.BaseUrl).Authority}\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\n\r\n{body}";
    }
}
