using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Inbound;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.DataGenerator;

/// <summary>
/// <c>--claims N</c>: the conversation core alone, without HTTP or Telegram: N new people each send <c>/start CODE</c>
/// one after the other straight into the gateway (after 500 to warm up), on one thread. What a claim costs in the
/// core and the database, the floor under the webhook benchmark.
/// </summary>
public sealed class ClaimTimer(IServiceProvider services)
{
    public async Task RunAsync(int count, TextWriter output)
    {
        var gateway = services.GetRequiredService<InboundPipeline>();
        await gateway.HandleAsync(Message(1, "/start"), CancellationToken.None);
        string code;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>();
            code = await db.Codes.Where(c => c.Member.Person.ExternalId == "1").Select(c => c.Value).FirstAsync();
        }

        for (var i = 0; i < 500; i++) await gateway.HandleAsync(Message(1_000_000 + i, $"/start {code}"), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < count; i++) await gateway.HandleAsync(Message(2_000_000 + i, $"/start {code}"), CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            claims = count,
            seconds = Math.Round(seconds, 2),
            claimsPerSecond = Math.Round(count / seconds, 0),
            msPerClaim = Math.Round(1000 * seconds / count, 2),
            cpuMsPerClaim = Math.Round(1000 * cpuSeconds / count, 2),
        }));
    }

    private static InboundMessage Message(int user, string text)
    {
        var id = user.ToString(CultureInfo.InvariantCulture);
        return new InboundMessage("telegram", id, id, $"Reader {user}", text);
    }
}
