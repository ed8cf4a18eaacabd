using Fluid;
using Microsoft.Extensions.Options;

namespace ReferralBot.Core.Prompts;

/// <summary>
/// All templates, parsed once at start. A missing or broken template throws here, so the service fails to
/// start instead of failing in the middle of a chat.
/// </summary>
public sealed class PromptCatalog
{
    private readonly Dictionary<string, Dictionary<string, IFluidTemplate>> byLocale = new(StringComparer.OrdinalIgnoreCase);
    private readonly string fallbackLocale;

    /// <summary>The folders of templates: one per language (en, ms, ta, zh-Hans).</summary>
    public IReadOnlyCollection<string> Locales => byLocale.Keys;

    public string FallbackLocale => fallbackLocale;

    public PromptCatalog(IOptions<PromptOptions> options)
    {
        var root = System.IO.Path.GetFullPath(options.Value.Path, AppContext.BaseDirectory);
        fallbackLocale = options.Value.FallbackLocale;
        if (!Directory.Exists(root)) throw new InvalidOperationException($"The prompts folder '{root}' does not exist (Prompts:Path).");

        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.liquid"))
                templates[System.IO.Path.GetFileNameWithoutExtension(file)] = Parse(file);

            if (templates.Count > 0) byLocale[System.IO.Path.GetFileName(folder)] = templates;
        }

        var fallback = byLocale.GetValueOrDefault(fallbackLocale) ?? [];
        var missing = PromptName.All.Where(name => !fallback.ContainsKey(name)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"Missing prompts in '{System.IO.Path.Combine(root, fallbackLocale)}': {string.Join(", ", missing.Select(m => m + ".liquid"))}");
    }

    // A parsed template is immutable, so one parse of a file serves every catalog in the process while the file is
    // unchanged (tests start hundreds of services on the same folder, each with every language's templates).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime Written, long Length, IFluidTemplate Template)> Parsed = new();
    private static readonly FluidParser Parser = new();

    private static IFluidTemplate Parse(string file)
    {
        var info = new FileInfo(file);
        if (Parsed.TryGetValue(file, out var known) && known.Written == info.LastWriteTimeUtc && known.Length == info.Length) return known.Template;
        if (!Parser.TryParse(File.ReadAllText(file), out var template, out var error))
            throw new InvalidOperationException($"The prompt '{file}' is not valid Liquid: {error}");
        Parsed[file] = (info.LastWriteTimeUtc, info.Length, template);
        return template;
    }

    /// <summary>
    /// The template in <paramref name="language"/>'s folder (as <see cref="LanguageSet"/> matched it), else in the
    /// fallback's: a language may lack a template.
    /// </summary>
    public IFluidTemplate Get(string name, string language)
    {
        if (byLocale.TryGetValue(language, out var templates) && templates.TryGetValue(name, out var template)) return template;
        if (byLocale.TryGetValue(fallbackLocale, out var fallback) && fallback.TryGetValue(name, out template)) return template;
        throw new KeyNotFoundException($"No prompt named '{name}'. Add it to {nameof(PromptName)} and prompts/{fallbackLocale}/.");
    }
}
