using System.Buffers;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// Reads a shop webhook in the order that costs an attacker the most and us the least: the signature headers' presence,
/// form and freshness first (nothing read), then the body's size (its Content-Length, then each byte as it arrives,
/// hashed on the way), then the signature over exactly those bytes, and only then the JSON.
/// </summary>
public static class SignedBody
{
    public static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpRequest request, WebhookOptions options, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, IWebhookRequest
    {
        var timestamp = request.Headers[WebhookSignature.TimestampHeader].ToString();
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        if (WebhookSignature.CheckHeaders(options.PurchaseSecret, timestamp, signature, now, options.MaxClockSkew) is { } refusal)
            return (null, NotSigned(refusal));
        if (request.ContentLength > options.MaxBodyBytes) return (null, TooLarge(options));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = options.MaxBodyBytes;

        using var hmac = WebhookSignature.Begin(options.PurchaseSecret!, timestamp);
        var body = new ArrayBufferWriter<byte>(4_096);
        try
        {
            while (true)
            {
                var read = await request.Body.ReadAsync(body.GetMemory(4_096), cancellationToken);
                if (read == 0) break;
                hmac.AppendData(body.GetSpan()[..read]);
                body.Advance(read);
                if (body.WrittenCount > options.MaxBodyBytes) return (null, TooLarge(options));
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(options));
        }

        if (!WebhookSignature.Matches(hmac, signature)) return (null, NotSigned("The signature does not match the body."));
        var (parsed, problems) = WebhookJson.Read<T>(body.WrittenSpan);
        return problems is null ? (parsed, null) : (null, Invalid(problems));
    }

    public static IResult Invalid(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] }, title: "The request has bad fields");

    public static IResult Invalid(IDictionary<string, string[]> problems) =>
        TypedResults.ValidationProblem(problems, title: "The request has bad fields");

    private static ProblemHttpResult NotSigned(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Not signed");

    private static ProblemHttpResult TooLarge(WebhookOptions options) =>
        TypedResults.Problem($"The body is larger than {options.MaxBodyBytes} bytes (Webhooks:MaxBodyBytes).",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large");
}
