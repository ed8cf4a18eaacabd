namespace ReferralBot.Core.Administration;

/// <summary>An admin added in chat with <c>/admin add</c> (configured admins live in <c>Bot:Admins</c>).</summary>
public sealed class AdminGrant
{
    public int Id { get; private set; }
    public required string Channel { get; init; }
    public required string UserId { get; init; }
    public required string GrantedBy { get; init; }
    public DateTime GrantedAt { get; init; }
}
