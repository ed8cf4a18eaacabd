using Microsoft.Extensions.Options;
using ReferralBot.Core.Prompts;

namespace ReferralBot.Core.Tests.Prompts;

public sealed class PromptCatalogTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "prompts");

    [Fact]
    public void The_shipped_prompts_are_complete_and_parse()
    {
        var catalog = new PromptCatalog(Options.Create(new PromptOptions { Path = Shipped }));

        Assert.All(PromptName.All, name => Assert.NotNull(catalog.Get(name, "en")));
    }

    [Fact]
    public void A_missing_prompt_fails_start_up_and_names_the_file()
    {
        using var copy = CopyOfShipped();
        File.Delete(Path.Combine(copy.Folder, "en", "stats.liquid"));

        var error = Assert.Throws<InvalidOperationException>(() => new PromptCatalog(Options.Create(new PromptOptions { Path = copy.Folder })));

        Assert.Contains("stats.liquid", error.Message);
    }

    [Fact]
    public void A_broken_prompt_fails_start_up_and_names_the_file()
    {
        using var copy = CopyOfShipped();
        File.WriteAllText(Path.Combine(copy.Folder, "en", "help.liquid"), "{% if %}");

        var error = Assert.Throws<InvalidOperationException>(() => new PromptCatalog(Options.Create(new PromptOptions { Path = copy.Folder })));

        Assert.Contains("help.liquid", error.Message);
    }

    [Fact]
    public async Task A_locale_without_its_own_template_falls_back_to_english_and_a_regional_one_to_its_language()
    {
        using var copy = CopyOfShipped();
        Directory.CreateDirectory(Path.Combine(copy.Folder, "id"));
        File.WriteAllText(Path.Combine(copy.Folder, "id", "claim-usage.liquid"), "Kirim kode teman: /claim KODE");
        var renderer = Renderer(copy.Folder);

        Assert.Equal("Kirim kode teman: /claim KODE", await renderer.RenderAsync(PromptName.ClaimUsage, null, "id-ID"));
        Assert.StartsWith("I don't know /x.", await renderer.RenderAsync(PromptName.UnknownCommand, new { Command = "x" }, "id-ID"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quantities_are_pluralised_and_large_ones_grouped_in_the_locales_way()
    {
        var renderer = Renderer(Shipped);

        var text = await renderer.RenderAsync(PromptName.CampaignRemindQueued, new { Slug = "glow-serum", Name = "Glow Serum", Queued = 100_000, AlreadyToday = 1, LeftOut = 0 }, "en");

        Assert.StartsWith("📣 100,000 members of <b>Glow Serum</b>", text, StringComparison.Ordinal);
        Assert.Contains("\n1 member already had a reminder today", text, StringComparison.Ordinal);
        Assert.DoesNotContain("left out", text, StringComparison.Ordinal);
    }

    internal static PromptRenderer Renderer(string folder, TimeProvider? time = null)
    {
        var options = Options.Create(new PromptOptions { Path = folder });
        var catalog = new PromptCatalog(options);
        return new PromptRenderer(catalog, new LanguageSet(catalog, options), time ?? TimeProvider.System);
    }

    private static TempCopy CopyOfShipped()
    {
        var folder = Directory.CreateTempSubdirectory("prompts-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "en"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Shipped, "en")))
            File.Copy(file, Path.Combine(folder, "en", Path.GetFileName(file)));
        return new TempCopy(folder);
    }

    private sealed record TempCopy(string Folder) : IDisposable
    {
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
