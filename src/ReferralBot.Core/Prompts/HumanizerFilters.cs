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
            new StringValue(args.At(0).ToStringValue().ToQuantity((int)input.ToNumberValue(), "N0", context.CultureInfo)));
        // {{ "click" | plural: 3 }} → "clicks"
        options.Filters.AddFilter("plural", (input, args, _) =>
            new StringValue(input.ToStringValue().ToQuantity((int)args.At(0).ToNumberValue(), ShowQuantityAs.None)));
        // {{ 14 | ordinal }} → "14th"
        options.Filters.AddFilter("ordinal", (input, _, context) =>
            new StringValue(((int)input.ToNumberValue()).Ordinalize(context.CultureInfo)));
        // {{ 3 | words }} → "three"
        options.Filters.AddFilter("words", (input, _, context) =>
            new StringValue(((int)input.ToNumberValue()).ToWords(context.CultureInfo)));
        // {{ last_click | ago }} → "2 hours ago", against the service's clock
        options.Filters.AddFilter("ago", (input, _, context) => Ago(input, context));
    }

    private static ValueTask<FluidValue> Ago(FluidValue input, TemplateContext context)
    {
        DateTime? when = input.ToObjectValue() switch
        {
            DateTimeOffset dto => dto.UtcDateTime,
            DateTime dt => dt.ToUniversalTime(),
            _ => null,
        };
        if (when is null) return new StringValue("");
        var now = context.Now().UtcDateTime;
        return new StringValue(when.Value.Humanize(utcDate: true, dateToCompareAgainst: now, culture: context.CultureInfo ?? CultureInfo.InvariantCulture));
    }
}
