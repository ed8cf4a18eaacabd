using System.Globalization;
using ReferralBot.Core.Campaigns;
using ReferralBot.Core.Claims;
using ReferralBot.Core.Members;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Relational.Claims;

/// <summary>
/// The rows of one fresh claim (<see cref="FreshClaims"/>) on the group commit's <see cref="WriteSession"/>, on SQLite and
/// on PostgreSQL. The SQL is the same on both.
/// </summary>
/// <param name="countAtCommit">Count the sign-up just before the commit, so the referrer's row is locked only from then
/// (a store that other instances write to at the same time).</param>
public sealed class NewcomerClaimRows(WriteSession session, bool countAtCommit = false) : INewcomerClaimRows
{
    private TaskCompletionSource<int>? pendingCount;

    public bool WasDelivered(string channel, string deliveryId) => session.Scalar(NewcomerClaimSql.FindReceipt, channel, deliveryId) is not null;

    public NewcomerReferrer? FindReferrer(string code)
    {
        using var row = session.Read(NewcomerClaimSql.FindReferrer, code);
        if (!row.Read()) return null;

        string? Text(int i) => row.IsDBNull(i) ? null : row.GetString(i);
        DateTime? When(int i) => row.IsDBNull(i) ? null : row.GetDateTime(i);
        var campaign = new Campaign
        {
            Slug = row.GetString(10), Name = row.GetString(11), LandingUrl = row.GetString(12), Currency = row.GetString(13),
            State = (CampaignState)row.GetInt32(14), StartsAt = When(15), EndsAt = When(16), Offer = Text(17), Discount = Text(18),
            TimeZone = row.GetString(19), ReferrerReward = row.IsDBNull(23) ? null : row.GetDecimal(23), ShareText = Text(24), Disclosure = Text(25),
            LandingPages = row.GetBoolean(26), Language = Text(29),
        };
        var person = new Person
        {
            Channel = row.GetString(4), ExternalId = row.GetString(5), DisplayName = row.GetString(6), PrivateChatId = Text(7), Locale = row.GetString(8),
            Language = Text(28),
        };
        var member = new Member
        {
            CampaignId = row.GetInt32(1), Campaign = campaign, PersonId = row.GetInt32(2), Person = person, Voice = Text(3), Reference = row.GetString(21),
        };
        member.Codes.Add(new ReferralCode { Value = row.GetString(9), IsPrimary = true });
        return new NewcomerReferrer(row.GetInt32(0), member, campaign, row.GetBoolean(20), row.GetBoolean(22) || row.GetBoolean(27));
    }

    public int? FindPerson(string channel, string userId) => session.Scalar(NewcomerClaimSql.FindPerson, channel, userId) is { } id ? Int(id) : null;

    public bool IsMember(int campaignId, int personId) => session.Scalar(NewcomerClaimSql.FindMembership, campaignId, personId) is not null;

    public string? UpdatePerson(int personId, SenderDetails sender, DateTime now) =>
        (string?)session.Scalar(NewcomerClaimSql.UpdatePerson, personId, sender.DisplayName, sender.Username, sender.Locale, now, sender.PrivateChatId, sender.Language);

    public int AddPerson(string channel, string userId, SenderDetails sender, DateTime now) =>
        Int(session.Scalar(NewcomerClaimSql.InsertPerson, channel, userId, sender.DisplayName, sender.Username, sender.Locale, sender.PrivateChatId, now, sender.Language));

    // One statement for a round of candidates, padded to its fixed number of parameters with the last of them.
    public List<string> TakenCodes(List<string> candidates)
    {
        var values = new object?[CustomerCodeGenerator.TriesPerLength];
        for (var i = 0; i < values.Length; i++) values[i] = candidates[Math.Min(i, candidates.Count - 1)];
        using var rows = session.Read(NewcomerClaimSql.TakenCodes, values);
        var taken = new List<string>();
        while (rows.Read()) taken.Add(rows.GetString(0));
        return taken;
    }

    public int AddMember(int campaignId, int personId, string reference, string code, DateTime now)
    {
        var memberId = Int(session.Scalar(NewcomerClaimSql.InsertMember, campaignId, personId, now, reference));
        session.Execute(NewcomerClaimSql.InsertCode, code, memberId, now);
        return memberId;
    }

    public void AddClaim(int campaignId, int referredMemberId, int referrerMemberId, string code, DateTime now) =>
        session.Execute(NewcomerClaimSql.InsertClaim, campaignId, referredMemberId, referrerMemberId, code, now);

    public Task<int> CountSignUp(int referrerMemberId)
    {
        if (!countAtCommit) return Task.FromResult(Int(session.Scalar(NewcomerClaimSql.CountSignUp, referrerMemberId)));
        var counted = pendingCount = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.BeforeCommit(async () => counted.TrySetResult(Int(await session.ScalarAsync(NewcomerClaimSql.CountSignUp, referrerMemberId))));
        return counted.Task;
    }

    /// <summary>Once the transaction has ended: a count that never ran (it rolled back first) is cancelled, so nothing waits on it.</summary>
    public void End() => pendingCount?.TrySetCanceled();

    public void AddOutboxMessage(string key, int? personId, string channel, string chatId, string payload, DateTime now) =>
        session.Execute(NewcomerClaimSql.InsertOutbox, key, personId, channel, chatId, payload, now);

    public void AddReceipt(string channel, string deliveryId, DateTime now) => session.Execute(NewcomerClaimSql.InsertReceipt, channel, deliveryId, now);

    public void BeforeCommit(Func<ValueTask> work) => session.BeforeCommit(work);

    private static int Int(object? value) => Convert.ToInt32(value, CultureInfo.InvariantCulture);
}
