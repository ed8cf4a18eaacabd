using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClickTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId_MemberId_Visitor",
                table: "Clicks");

            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId_Source_MemberId_Visitor",
                table: "Clicks");

            migrationBuilder.CreateTable(
                name: "ClickTallies",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<int>(type: "INTEGER", nullable: false),
                    UniqueClicks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClickTallies", x => new { x.MemberId, x.Source });
                    table.ForeignKey(
                        name: "FK_ClickTallies_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClickTallies_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClickVisitors",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Visitor = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClickVisitors", x => new { x.MemberId, x.Source, x.Visitor });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Purchases_Reporting",
                table: "Purchases",
                columns: new[] { "CampaignId", "NotCreditedReason", "ReferrerMemberId", "Amount", "Source", "OccurredAt", "BuyerMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ClickTallies_CampaignId",
                table: "ClickTallies",
                column: "CampaignId");

            // Clicks stored before the tallies existed are counted into them once, here.
            migrationBuilder.Sql("""
                INSERT INTO "ClickVisitors" ("MemberId", "Source", "Visitor")
                SELECT DISTINCT "MemberId", COALESCE("Source", ''), "Visitor" FROM "Clicks" WHERE "Visitor" IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "ClickTallies" ("MemberId", "Source", "CampaignId", "Clicks", "UniqueClicks")
                SELECT "MemberId", COALESCE("Source", ''), MIN("CampaignId"), COUNT(*), COUNT(DISTINCT "Visitor")
                FROM "Clicks" GROUP BY "MemberId", COALESCE("Source", '');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClickTallies");

            migrationBuilder.DropTable(
                name: "ClickVisitors");

            migrationBuilder.DropIndex(
                name: "IX_Purchases_Reporting",
                table: "Purchases");

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId_MemberId_Visitor",
                table: "Clicks",
                columns: new[] { "CampaignId", "MemberId", "Visitor" });

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId_Source_MemberId_Visitor",
                table: "Clicks",
                columns: new[] { "CampaignId", "Source", "MemberId", "Visitor" });
        }
    }
}
