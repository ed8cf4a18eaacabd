namespace ReferralBot.Core.Prompts;

/// <summary>The <c>Prompts</c> section: where the Liquid templates live.</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>Folder holding <c>&lt;locale&gt;/&lt;name&gt;.liquid</c>; relative paths start at the app's folder.</summary>
    public string Path { get; set; } = "prompts";

    public string FallbackLocale { get; set; } = "en";
}
