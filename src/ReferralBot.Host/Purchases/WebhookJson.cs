using System.Text.Json;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// The strict JSON of the webhooks: numbers must be JSON numbers (not strings), times must carry an offset, and a key
/// given twice is refused (which of two values would a reader believe?). Problems name the field and the form expected,
/// never a .NET type.
/// </summary>
public static class WebhookJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        Converters = { new OffsetDateTimeConverter() },
    };

    public static (T? Request, Dictionary<string, string[]>? Problems) Read<T>(ReadOnlySpan<byte> body)
        where T : class, IWebhookRequest
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return (null, Problem("body", $"Not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, Problem("body", "A JSON object is required."));
            if (FirstDuplicate(document.RootElement, "") is { } duplicate)
                return (null, Problem(duplicate, "Given more than once; send each field once."));
            try
            {
                return (document.RootElement.Deserialize<T>(Options), null);
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                var form = T.Forms.TryGetValue(field, out var expected) ? expected : "Not of the expected type.";
                return (null, Problem(field, form));
            }
        }
    }

    private static string? FirstDuplicate(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name)) return name;
                if (FirstDuplicate(property.Value, name) is { } inner) return inner;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
                if (FirstDuplicate(item, path) is { } inner) return inner;
        }

        return null;
    }

    // "$.amount" → "amount", "$.customer.userId" → "customer.userId"; anything else is the body as a whole.
    private static string FieldOf(string? path) =>
        path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";

    private static Dictionary<string, string[]> Problem(string field, string problem) => new() { [field] = [problem] };
}
