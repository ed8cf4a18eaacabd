using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Members;

namespace ReferralBot.Core.Claims;

/// <summary>
/// Where a deep-link claim by someone new reads and writes its rows (<see cref="FreshClaims"/>): each claim is one item
/// of a group commit, run one after another on statements prepared once, in one transaction with other people's claims.
/// What an item reads cannot change before it writes. The rules stay in <see cref="FreshClaims"/>; the provider
/// project brings the SQL.
/// </summary>
public interface INewcomerClaimStore
{
    /// <summary>Runs <paramref name="claim"/> in the next group commit; its result once that has committed.</summary>
    Task<T> RunAsync<T>(Func<INewcomerClaimRows, ValueTask<T>> claim, CancellationToken cancellationToken);
}

/// <summary>The rows of one fresh claim, inside its group commit's transaction.</summary>
public interface INewcomerClaimRows
{
    bool WasDelivered(string channel, string deliveryId);

    /// <summary>The code's owner with their campaign and primary code (detached copies; ids set); null for an unknown code.</summary>
    NewcomerReferrer? FindReferrer(string code);

    int? FindPerson(string channel, string userId);

    bool IsMember(int campaignId, int personId);

    /// <summary>
    /// As <see cref="MemberDirectory.IdentifyAsync"/> does: a private chat makes them reachable again, writing un-erases,
    /// and someone without a language takes their app's. Their language after it.
    /// </summary>
    string? UpdatePerson(int personId, SenderDetails sender, DateTime now);

    int AddPerson(string channel, string userId, SenderDetails sender, DateTime now);

    /// <summary>Which of <paramref name="candidates"/> (at most <see cref="CustomerCodeGenerator.TriesPerLength"/>) are taken.</summary>
    List<string> TakenCodes(List<string> candidates);

    /// <summary>A customer membership with its primary code; its id.</summary>
    int AddMember(int campaignId, int personId, string reference, string code, DateTime now);

    void AddClaim(int campaignId, int referredMemberId, int referrerMemberId, string code, DateTime now);

    /// <summary>
    /// Adds one to the referrer's kept sign-up count; the new count. With one writer it is counted at once. Where writers
    /// run side by side it is counted just before the commit (before the other before-commit work), because the count
    /// locks the referrer's row until the commit and a burst of claims all count for the same referrer.
    /// </summary>
    Task<int> CountSignUp(int referrerMemberId);

    void AddOutboxMessage(string key, int? personId, string channel, string chatId, string payload, DateTime now);

    void AddReceipt(string channel, string deliveryId, DateTime now);

    /// <summary>Runs <paramref name="work"/> (more of these writes) after the batch's other claims, just before the commit.</summary>
    void BeforeCommit(Func<ValueTask> work);
}

/// <summary>
/// A code's owner as a fresh claim needs them; <see cref="Reachable"/>: they can be told of the sign-up;
/// <see cref="GeneralPath"/>: an experiment runs on the campaign (the general path gives variants) or the code is blocked
/// (the general path refuses it), so the general path takes the claim.
/// </summary>
public sealed record NewcomerReferrer(int MemberId, Member Member, Campaign Campaign, bool Reachable, bool GeneralPath);
