using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Bot;

/// <summary>The admins no chat command can remove: the owner at the local console and <c>Bot:Admins</c>.</summary>
public sealed class AdminPolicy(IOptionsMonitor<BotOptions> options)
{
    public const string ConsoleChannel = "console";
    public const string ConsoleOwner = "owner";

    public bool IsAdmin(string channel, string userId) =>
        (channel == ConsoleChannel && userId == ConsoleOwner)
        || options.CurrentValue.Admins.Any(a => ChatAddress.TryParse(a, out var admin) && admin.Value == new ChatAddress(channel, userId));

    public IEnumerable<ChatAddress> Configured => options.CurrentValue.Admins
        .Select(a => ChatAddress.TryParse(a, out var admin) ? admin : null)
        .OfType<ChatAddress>();
}
