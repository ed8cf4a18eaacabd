using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Payouts;

/// <summary>Wakes this instance's payout webhook sender when an event was just stored, so it does not wait for its next look.</summary>
public sealed class PayoutWebhookSignal : WakeSignal;
