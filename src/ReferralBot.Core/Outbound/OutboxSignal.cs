using ReferralBot.Core.Storage;

namespace ReferralBot.Core.Outbound;

/// <summary>Wakes the dispatcher when a message was just stored, so it does not wait for its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
