using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Bot;

/// <summary>Who may run admin commands: the configured admins and the owner at the local console.</summary>
public sealed class AdminPolicy(IOptionsMonitor<BotOptions> options)
{
    public const string ConsoleChannel = "console";
    public const string ConsoleOwner = "owner";

    public bool IsAdmin(string channel, string userId) =>
        (channel == ConsoleChannel && userId == ConsoleOwner)
        || options.CurrentValue.Admins.Any(a => ChatAddress.TryParse(a, out var admin) && admin.Value == new ChatAddress(channel, userId));
}
