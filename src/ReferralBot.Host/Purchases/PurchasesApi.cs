using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Purchases;

namespace ReferralBot.Host.Purchases;

/// <summary>
/// <c>POST /api/purchases</c> and <c>POST /api/refunds</c>: the shop reports confirmed purchases and refunds, signed
/// with the shared secret.
/// </summary>
public static class PurchasesApi
{
    public static IEndpointRouteBuilder MapPurchasesApi(this IEndpointRouteBuilder app)
    {
        var maxBody = app.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxBodyBytes;
        app.MapPost("/api/purchases", ReportPurchaseAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(maxBody));
        app.MapPost("/api/refunds", ReportRefundAsync).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(maxBody));
        return app;
    }

    private static async Task<IResult> ReportPurchaseAsync(
        HttpRequest request, PurchaseIntake intake, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (purchase, problem) = await SignedBody.ReadAsync<PurchaseRequest>(request, options.Value, now, cancellationToken);
        if (problem is not null) return problem;
        if (purchase!.Problems(now, options.Value.MaxClockSkew) is { Count: > 0 } problems) return SignedBody.Invalid(problems);

        var outcome = await intake.RecordAsync(purchase.ToReport(), cancellationToken);
        if (outcome.IsConflict)
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The order was recorded with other values",
                Detail = $"Order '{purchase.OrderId}' was already recorded with a different {string.Join(", ", outcome.Differences!.Keys)}; nothing was changed. Use a new order id for another purchase.",
                Extensions = { ["errors"] = outcome.Differences!.ToDictionary(d => d.Key, d => new[] { d.Value }) },
            });
        return outcome.Summary is { } summary
            ? TypedResults.Ok(PurchaseResponse.From(summary))
            : SignedBody.Invalid(outcome.RefusedField!, outcome.Refusal!);
    }

    private static async Task<IResult> ReportRefundAsync(
        HttpRequest request, RefundIntake intake, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var (refund, problem) = await SignedBody.ReadAsync<RefundRequest>(request, options.Value, now, cancellationToken);
        if (problem is not null) return problem;
        if (refund!.Problems(now, options.Value.MaxClockSkew) is { Count: > 0 } problems) return SignedBody.Invalid(problems);

        var outcome = await intake.RecordAsync(refund.ToReport(now), cancellationToken);
        return outcome.Summary is { } summary
            ? TypedResults.Ok(PurchaseResponse.From(summary))
            : TypedResults.Problem($"No purchase with order id '{refund.OrderId}' has been reported; report the purchase first.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown order");
    }
}
