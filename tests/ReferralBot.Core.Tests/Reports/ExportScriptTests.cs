using System.Globalization;
using System.Text;
using CsvHelper;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Tests.Support;

namespace ReferralBot.Core.Tests.Reports;

public sealed class ExportScriptTests
{
    [Fact]
    public async Task Export_gives_the_members_and_the_ledger_as_csv_exact_to_the_cent()
    {
        var (chat, alex) = await ReportScriptTests.CampaignAsync();
        await using var _ = chat;

        var said = await chat.SendAsync("admin", "/export glow-serum");

        var documents = said.Replies.OfType<DocumentReply>().ToList();
        Assert.Equal(["members-glow-serum-2026-12-25.csv", "ledger-glow-serum-2026-12-25.csv", "payouts-glow-serum-2026-12-25.csv"], documents.Select(d => d.FileName));
        Assert.All(documents, d => Assert.Equal("text/csv", d.MediaType));
        Assert.Equal([0xEF, 0xBB, 0xBF], documents[0].Content.Take(3)); // UTF-8 BOM for spreadsheets

        var members = Rows(documents[0]);
        Assert.Equal("code,name,role,unique_clicks,sign_ups,purchases,refunded,revenue,earnings,currency,tier,joined_at", Header(documents[0]));
        Assert.Equal(["JANE20", "Jane", "influencer", "3", "2", "3", "2", "200.00", "70.00", "SGD", "Bronze", "2026-11-24T09:00:00Z"], members.Single(r => r[0] == "JANE20"));
        Assert.Equal(["KIM10", "Kim", "influencer", "30", "0", "0", "0", "0.00", "0.00", "SGD", "Bronze", "2026-11-24T09:00:00Z"], members.Single(r => r[0] == "KIM10"));
        Assert.Equal([alex, "Alex", "customer", "1", "1", "1", "0", "30.00", "5.00", "SGD", "", "2026-11-24T09:00:00Z"], members.Single(r => r[0] == alex));
        Assert.Equal(6, members.Count); // Jane, Kim, Alex, and Bob, Mei and Ned who joined with their codes

        var ledger = Rows(documents[1]);
        Assert.Equal("entry_id,created_at,order_id,kind,code,name,amount,currency,rate_percent,tier,reverses_entry_id,payable_at", Header(documents[1]));
        Assert.Equal(16, ledger.Count);
        Assert.Equal(117.50m, ledger.Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)));
        Assert.Equal(70.00m, ledger.Where(r => r[4] == "JANE20" && r[3] != "discount").Sum(r => decimal.Parse(r[6], CultureInfo.InvariantCulture)));
        var firstCommission = ledger.First();
        Assert.Equal(["1", "commission", "JANE20", "Jane", "10.00", "SGD", "10.00", "Bronze", ""], firstCommission[2..11]);
        Assert.Equal("2026-11-24T09:00:00Z", firstCommission[1]);
        Assert.Equal("2026-12-24T09:00:00Z", firstCommission[11]); // the purchase's time and the default 30-day hold
        Assert.Contains(ledger, r => r[2] == "4" && r[3] == "commission" && r[6] == "-8.00" && r[10] != "");
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_is_refused_an_export()
    {
        await using var chat = await ChatScript.StartAsync();

        var said = await chat.SendAsync("jane", "/export");

        Assert.Contains("for campaign admins", said.Text);
        Assert.Empty(said.Replies.OfType<DocumentReply>());
    }

    private static string Header(DocumentReply document) => Encoding.UTF8.GetString(document.Content).TrimStart('\uFEFF').Split("\r\n")[0];

    private static List<string[]> Rows(DocumentReply document)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(document.Content)), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        reader.Read();
        reader.ReadHeader();
        while (reader.Read()) rows.Add(reader.Parser.Record!);
        return rows;
    }
}
