using System.Text.Json;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// Reads a shop webhook: the signature is checked over the exact bytes received before anything is parsed, then
/// the JSON is read. Either the request or the problem to answer with.
/// </summary>
public static class SignedBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpRequest request, WebhookOptions options, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var body = buffer.ToArray();
        if (WebhookSignature.Check(options.PurchaseSecret, request.Headers[WebhookSignature.TimestampHeader], request.Headers[WebhookSignature.SignatureHeader],
                body, now, options.MaxClockSkew) is { } refusal)
            return (null, TypedResults.Problem(refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed"));

        try
        {
            return JsonSerializer.Deserialize<T>(body, Json) is { } parsed
                ? (parsed, null)
                : (null, Invalid("body", "A JSON object is required."));
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return (null, Invalid(field, $"Not valid JSON here: {ex.Message}"));
        }
    }

    public static IResult Invalid(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, title: "The request has bad fields");

    public static IResult Invalid(IDictionary<string, string[]> problems) =>
        TypedResults.ValidationProblem(problems, title: "The request has bad fields");
}
