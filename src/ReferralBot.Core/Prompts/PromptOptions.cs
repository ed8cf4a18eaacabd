using System.ComponentModel.DataAnnotations;

namespace ReferralBot.Core.Prompts;

/// <summary>The <c>Prompts</c> section: where the Liquid templates live.</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>Folder holding <c>&lt;locale&gt;/&lt;name&gt;.liquid</c>; relative paths start at the app's folder.</summary>
    public string Path { get; set; } = "prompts";

    public string FallbackLocale { get; set; } = "en";

    /// <summary>
    /// The country whose conventions numbers, money and dates follow in every language (ISO 3166 code): SG formats
    /// as en-SG, zh-Hans-SG, ms-SG and ta-SG.
    /// </summary>
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Prompts:Region is a two-letter country code in capitals, like SG or MY.")]
    public string Region { get; set; } = "SG";
}
