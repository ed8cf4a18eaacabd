namespace ReferralBot.Core.Conversation;

/// <summary>A parsed <c>/name@bot arg1 arg2…</c> line.</summary>
public sealed record CommandLine(string Name, string? AddressedTo, IReadOnlyList<string> Arguments, string ArgumentText)
{
    public static CommandLine? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length < 2 || trimmed[0] != '/' || char.IsWhiteSpace(trimmed[1])) return null;

        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        var head = space < 0 ? trimmed[1..] : trimmed[1..space];
        var rest = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        var at = head.IndexOf('@');
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var addressedTo = at < 0 ? null : head[(at + 1)..];
        var arguments = rest.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return new CommandLine(name, addressedTo, arguments, rest);
    }
}
