using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Prompts;
using ReferralBot.FakeTelegram;
using ReferralBot.Telegram.Tests.Support;

namespace ReferralBot.Telegram.Tests.Flows;

public sealed class MenuTests
{
    [Fact]
    public async Task Every_admin_only_command_with_a_menu_prompt_is_in_the_admins_menu_only()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        using var factory = await new TelegramBotFactory(telegram)
        {
            ConfigureTestServices = services => services.AddScoped<IChatCommand, AdminOnlyCommand>(),
        }.ConnectedAsync();

        var menus = telegram.CallsTo("setMyCommands").Where(m => !m.Parameters.ContainsKey("language_code")).ToList();

        Assert.Equal(2, menus.Count);
        Assert.DoesNotContain("\"audit\"", menus[0].Parameters["commands"]);
        Assert.Contains("\"type\":\"default\"", menus[0].Parameters["scope"]);
        Assert.Contains("\"audit\"", menus[1].Parameters["commands"]);
        Assert.Contains("\"start\"", menus[1].Parameters["commands"]);
        Assert.Contains("\"type\":\"chat\"", menus[1].Parameters["scope"]);
        Assert.Contains("\"chat_id\":9000", menus[1].Parameters["scope"]);
    }

    private sealed class AdminOnlyCommand : IChatCommand
    {
        public string Name => "audit";

        public bool AdminOnly => true;

        public string? MenuPrompt => PromptName.MenuHelp;

        public Task<IReadOnlyList<Reply>> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Reply>>([]);
    }
}
