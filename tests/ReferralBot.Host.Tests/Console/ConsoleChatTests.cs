using System.IO.Pipes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReferralBot.Channels.Console;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Inbound;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Console;

public sealed partial class ConsoleChatTests
{
    [Fact]
    public async Task A_piped_script_plays_owner_and_friend_and_the_service_stops_at_its_end()
    {
        using var input = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, input.ClientSafePipeHandle));
        var output = new ObservedOutput();
        using var factory = new ReferralBotFactory(new Dictionary<string, string?> { ["ConsoleChat:Enabled"] = "true" })
        {
            ConfigureTestServices = services =>
                services.AddSingleton(new ConsoleIo(reader, output, InputIsPiped: true, UseColor: false)),
        };
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopping.TrySetResult());

        // The owner gets a code, and someone opens its link, before the script goes on in the terminal.
        var ownerStart = await factory.Services.GetRequiredService<InboundPipeline>()
            .HandleAsync(new InboundMessage("console", "owner", "owner", "Owner", "/start"), CancellationToken.None);
        var code = CodeIn(((TextReply)ownerStart.Replies[0]).Html);
        // Its answer is printed from the outbox; the script starts once all of it has been (the QR's file is its last
        // line), so nothing interleaves.
        await output.WaitForAsync($"{code}.png\n\n", TimeSpan.FromSeconds(30));

        await factory.CreateBrowser().GetAsync($"/r/{code}");
        await factory.FlushClicksAsync();
        await using (var writer = new StreamWriter(input))
        {
            await writer.WriteAsync($"/code\n/as bob\n/start {code}\n/as owner\n/stats\n");
        }

        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var transcript = output.ToString();

        Assert.Contains("You are chatting as", transcript);
        Assert.Contains($"owner › /code\nYour code: {code}", transcript);
        Assert.Contains("█", transcript); // the QR drawn in the terminal
        Assert.True(File.Exists(Path.Combine(factory.Folder, "files", $"{code}.png")));
        Assert.Contains($"Saved to {Path.Combine(factory.Folder, "files", $"{code}.png")}", transcript);
        Assert.Contains("You are now Bob (console:bob).", transcript);
        Assert.Contains($"You joined Glow Serum with Root's code {code}", transcript);
        Assert.Contains("You are now", transcript);
        Assert.Contains("1 click, last one", transcript);
        Assert.Contains("1 sign-up, last one", transcript);
    }

    private static string CodeIn(string html) => CodePattern().Match(html).Groups[1].Value;

    [GeneratedRegex("Your code: <b>([A-Z0-9]+)</b>")]
    private static partial Regex CodePattern();
}
