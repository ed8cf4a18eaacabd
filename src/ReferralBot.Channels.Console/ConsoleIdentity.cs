using ReferralBot.Core.Bot;

namespace ReferralBot.Channels.Console;

/// <summary>Who is typing: the owner of the machine (an admin) until <c>/as NAME</c> says otherwise.</summary>
internal sealed class ConsoleIdentity
{
    public string UserId { get; private set; } = AdminPolicy.ConsoleOwner;

    public string DisplayName { get; private set; } = OwnerName();

    public bool IsOwner => UserId == AdminPolicy.ConsoleOwner;

    /// <summary>Switches to <paramref name="name"/>; false if it has nothing usable in it.</summary>
    public bool SwitchTo(string name)
    {
        var trimmed = name.Trim().TrimStart('@');
        var id = new string(trimmed.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.').ToArray());
        if (id.Length == 0) return false;

        UserId = id;
        DisplayName = id == AdminPolicy.ConsoleOwner ? OwnerName() : char.ToUpperInvariant(trimmed[0]) + trimmed[1..];
        return true;
    }

    private static string OwnerName()
    {
        var user = Environment.UserName;
        return string.IsNullOrWhiteSpace(user) ? "Owner" : char.ToUpperInvariant(user[0]) + user[1..];
    }
}
