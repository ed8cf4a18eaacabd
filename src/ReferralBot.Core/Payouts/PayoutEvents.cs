using System.Text.Json;
using Microsoft.Extensions.Options;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>
/// <c>payout.created</c> (with the payout file's rows, accounts in full, for a shop that automates its transfers) and
/// <c>payout.paid</c>, queued on the caller's context for <c>Payouts:WebhookUrl</c>; nothing when no URL is set.
/// </summary>
public sealed class PayoutEvents(ReferralBotDbContext db, IOptions<PayoutOptions> options, PayoutWebhookSignal signal, TimeProvider time)
{
    public const string CreatedEvent = "payout.created";
    public const string PaidEvent = "payout.paid";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public void Created(Campaign campaign, PayoutBatch batch, IReadOnlyList<PayoutFileRow> rows) => Add(CreatedEvent, campaign, batch, rows.Select(r => new
    {
        r.Reference, r.Name, r.Code, r.Method, r.Account, r.Bank, r.Amount, r.Currency,
    }));

    public void Paid(Campaign campaign, PayoutBatch batch) => Add(PaidEvent, campaign, batch, batch.Lines.Select(l => new
    {
        l.Reference, l.Amount, batch.Currency, Account = l.Masked,
    }));

    private void Add(string type, Campaign campaign, PayoutBatch batch, IEnumerable<object> lines)
    {
        if (options.Value.WebhookUrl is not { Length: > 0 } url) return;

        var now = time.GetUtcNow().UtcDateTime;
        var id = $"{type}:{batch.Number}";
        var payload = new
        {
            Id = id,
            Type = type,
            CreatedAt = now,
            Data = new
            {
                Batch = batch.Number,
                Campaign = campaign.Slug,
                State = batch.State.ToString().ToLowerInvariant(),
                batch.Currency,
                batch.Total,
                batch.CreatedAt,
                PaidAt = batch.State == PayoutBatchState.Paid ? batch.SettledAt : null,
                Lines = lines.ToList(),
            },
        };
        db.Add(new PayoutWebhook { EventId = id, Event = type, Url = url, Payload = JsonSerializer.Serialize(payload, Json), CreatedAt = now, NextAttemptAt = now });
        db.AfterCommit(signal.Notify);
    }
}
