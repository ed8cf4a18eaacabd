using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ClicksLeanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId_OccurredAt",
                table: "Clicks");

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId",
                table: "Clicks",
                column: "CampaignId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId",
                table: "Clicks");

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId_OccurredAt",
                table: "Clicks",
                columns: new[] { "CampaignId", "OccurredAt" });
        }
    }
}
