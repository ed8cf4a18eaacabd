using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Outbound;
using ReferralBot.Core.Purchases;
using ReferralBot.Core.Rewards;
using ReferralBot.Core.Tests.Nudges;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Security;

/// <summary>
/// <c>/forget yes</c> leaves no stored text with the person's name or username: not in messages to them (sent or not),
/// not in messages to others about them; <c>/mydata</c> sends everything stored about them as a JSON file.
/// </summary>
public sealed class ErasureTests
{
    [Fact]
    public async Task Forgetting_scrubs_the_name_from_every_stored_message_and_keeps_the_money_trail()
    {
        // Jane (influencer, with a voice) hears Bob joined; Bob's thank-you quotes Jane; Carol's sign-up with Bob's code
        // is news to Bob, under the name he had then.
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.SendAsync("jane", "/voice Glow with me", "Jane Lim", "janelim");
        await chat.SendAsync("carol", $"/start {await CodeOfAsync(chat, "bob")}", "Carol");
        await chat.BuysAsync("1001", "bob");
        chat.Time.Advance(TimeSpan.FromMinutes(10));
        await chat.DispatchAsync();
        await chat.SendAsync("bob", "/start", "Robert", "robert");
        var before = await MessagesAsync(chat);
        Assert.Contains(before, m => m.To == "bob" && m.Payload.Contains("Jane Lim says", StringComparison.Ordinal));
        Assert.Contains(before, m => m.To == "jane" && m.Payload.Contains("Bob just joined", StringComparison.Ordinal));
        Assert.Contains(before, m => m.To == "bob" && m.Payload.Contains("Carol just joined", StringComparison.Ordinal));

        var ledger = await chat.CountAsync<LedgerEntry>();

        await chat.SendAsync("jane", "/forget yes", "Jane Lim", "janelim");
        var janeGone = await MessagesAsync(chat);
        await chat.SendAsync("bob", "/forget yes", "Robert", "robert");
        var bothGone = await MessagesAsync(chat);

        Assert.DoesNotContain(janeGone, m => m.Payload.Contains("Jane", StringComparison.Ordinal) || m.Payload.Contains("janelim", StringComparison.Ordinal));
        Assert.Contains(janeGone, m => m.To == "bob" && m.Payload.Contains("(erased) says", StringComparison.Ordinal));
        Assert.All(janeGone.Where(m => m.To == "jane"), m => Assert.Equal("[]", m.Payload));
        Assert.DoesNotContain(bothGone, m => m.Payload.Contains("Bob", StringComparison.Ordinal) || m.Payload.Contains("Robert", StringComparison.Ordinal));
        Assert.All(bothGone.Where(m => m.To is "bob" or "jane"), m => Assert.Equal("[]", m.Payload));
        Assert.Equal(1, await chat.CountAsync<Purchase>());
        Assert.Equal(ledger, await chat.CountAsync<LedgerEntry>());
        Assert.Contains("Your code", (await chat.SendAsync("carol", "/code")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mydata_sends_everything_stored_about_the_person_as_json()
    {
        await using var chat = await NudgeScript.JaneAndBobAsync();
        await chat.BuysAsync("1001", "bob");
        var bobCode = await CodeOfAsync(chat, "bob");

        var said = await chat.SendAsync("bob", "/mydata");
        await chat.SendAsync("bob", "/forget yes");
        var erased = await chat.SendAsync("bob", "/mydata");

        var file = Assert.Single(said.Replies.OfType<DocumentReply>());
        Assert.Equal(("mydata-2026-11-24.json", "application/json"), (file.FileName, file.MediaType));
        using var document = JsonDocument.Parse(file.Content);
        var root = document.RootElement;
        Assert.Equal("Bob", root.GetProperty("person").GetProperty("displayName").GetString());
        Assert.Equal("bob", root.GetProperty("person").GetProperty("userId").GetString());
        var membership = Assert.Single(root.GetProperty("memberships").EnumerateArray());
        Assert.Equal("glow-serum", membership.GetProperty("campaign").GetString());
        Assert.Equal(bobCode, membership.GetProperty("codes")[0].GetString());
        Assert.Equal("JANE20", membership.GetProperty("joinedWith").GetProperty("code").GetString());
        Assert.Equal("1001", root.GetProperty("purchasesYouMade")[0].GetProperty("orderId").GetString());
        Assert.Equal(80m, root.GetProperty("purchasesYouMade")[0].GetProperty("amount").GetDecimal());
        Assert.DoesNotContain("Jane", System.Text.Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        // Writing again makes them known again (by this message's name); the money trail was kept for them.
        using var afterwards = JsonDocument.Parse(Assert.Single(erased.Replies.OfType<DocumentReply>()).Content);
        Assert.Equal(bobCode, afterwards.RootElement.GetProperty("memberships")[0].GetProperty("codes")[0].GetString());
        Assert.Equal("1001", afterwards.RootElement.GetProperty("purchasesYouMade")[0].GetProperty("orderId").GetString());
    }

    private static async Task<string> CodeOfAsync(ChatScript chat, string user) =>
        await chat.DbAsync(db => db.Codes.Where(c => c.Member.Person.ExternalId == user && c.IsPrimary).Select(c => c.Value).FirstAsync());

    // Once the answers are out (an answer keeps no text once sent), what is stored is the bot's own messages.
    private static async Task<List<(string To, string Payload)>> MessagesAsync(ChatScript chat)
    {
        await chat.OutboxSettledAsync();
        return await chat.DbAsync(async db => (await db.Set<OutboxMessage>().Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { p.ExternalId, m.Payload }).ToListAsync())
            .Select(x => (x.ExternalId, x.Payload)).ToList());
    }
}
