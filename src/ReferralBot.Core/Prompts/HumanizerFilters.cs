using System.Collections.Concurrent;
using System.Globalization;
using Fluid;
using Fluid.Values;
using Humanizer;

namespace ReferralBot.Core.Prompts;

/// <summary>Liquid filters backed by Humanizer, so no template builds a plural or a date by hand.</summary>
internal static class HumanizerFilters
{
    public static void Register(TemplateOptions options)
    {
        // {{ 3 | quantity: "click" }} → "3 clicks"; {{ 1 | quantity: "sign-up" }} → "1 sign-up"; {{ 100000 | quantity: "member" }} → "100,000 members"
        options.Filters.AddFilter("quantity", (input, args, context) =>
        {
            var quantity = (int)input.ToNumberValue();
            return new StringValue($"{quantity.ToString("N0", context.CultureInfo)} {Form(args.At(0).ToStringValue(), quantity)}");
        });
        // {{ 100000 | count }} → "100,000": a whole number in the reader's culture, for languages whose nouns do not
        // change with the number (中文, Bahasa Melayu, தமிழ் say "3 klik" where English needs quantity's "3 clicks").
        options.Filters.AddFilter("count", (input, _, context) =>
            new StringValue(((long)input.ToNumberValue()).ToString("N0", context.CultureInfo)));
        // {{ "click" | plural: 3 }} → "clicks"
        options.Filters.AddFilter("plural", (input, args, _) =>
            new StringValue(Form(input.ToStringValue(), (int)args.At(0).ToNumberValue())));
        // {{ 14 | ordinal }} → "14th"
        options.Filters.AddFilter("ordinal", (input, _, context) =>
            new StringValue(((int)input.ToNumberValue()).Ordinalize(context.CultureInfo)));
        // {{ 3 | words }} → "three"
        options.Filters.AddFilter("words", (input, _, context) =>
            new StringValue(((int)input.ToNumberValue()).ToWords(context.CultureInfo)));
        // {{ last_click | ago }} → "2 hours ago", against the service's clock
        options.Filters.AddFilter("ago", (input, _, context) => Ago(input, context));
        // payable in {{ payable_at | until }} → "12 days", against the service's clock
        options.Filters.AddFilter("until", (input, _, context) => Until(input, context));
    }

    // Rounded up to its largest unit: what turns payable in 29 days and 23 hours is "30 days" away, not "29 days".
    private static ValueTask<FluidValue> Until(FluidValue input, TemplateContext context)
    {
        if (Utc(input) is not { } when) return new StringValue("");
        var left = when - context.Now().UtcDateTime;
        var rounded = left >= TimeSpan.FromDays(1) ? TimeSpan.FromDays(Math.Ceiling(left.TotalDays))
            : left >= TimeSpan.FromHours(1) ? TimeSpan.FromHours(Math.Ceiling(left.TotalHours))
            : TimeSpan.FromMinutes(Math.Max(1, Math.Ceiling(left.TotalMinutes)));
        return new StringValue(rounded.Humanize(precision: 1, culture: context.CultureInfo ?? CultureInfo.InvariantCulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute));
    }

    private static DateTime? Utc(FluidValue input) => input.ToObjectValue() switch
    {
        DateTimeOffset dto => dto.UtcDateTime,
        DateTime dt => dt.ToUniversalTime(),
        _ => null,
    };

    private static ValueTask<FluidValue> Ago(FluidValue input, TemplateContext context)
    {
        var when = Utc(input);
        if (when is null) return new StringValue("");
        var now = context.Now().UtcDateTime;
        return new StringValue(when.Value.Humanize(utcDate: true, dateToCompareAgainst: now, culture: context.CultureInfo ?? CultureInfo.InvariantCulture));
    }

    // What ToQuantity does with the word, remembered: Humanizer's inflector runs its rules and a culture-aware lookup
    // on every call, and a claim's messages ask for the same few words thousands of times. The words are the
    // templates' own, so the memory is small; it is capped all the same.
    private static readonly ConcurrentDictionary<(string Word, bool One), string> Forms = new();
    private const int MaxForms = 1024;

    private static string Form(string word, int quantity)
    {
        var key = (word, quantity == 1);
        if (Forms.TryGetValue(key, out var form)) return form;
        form = key.Item2 ? word.Singularize(inputIsKnownToBePlural: false) : word.Pluralize(inputIsKnownToBeSingular: false);
        if (Forms.Count < MaxForms) Forms.TryAdd(key, form);
        return form;
    }
}
