using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportsSourceAndIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "Purchases",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId_MemberId_Visitor",
                table: "Clicks",
                columns: new[] { "CampaignId", "MemberId", "Visitor" });

            migrationBuilder.CreateIndex(
                name: "IX_Clicks_CampaignId_Source_MemberId_Visitor",
                table: "Clicks",
                columns: new[] { "CampaignId", "Source", "MemberId", "Visitor" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId_MemberId_Visitor",
                table: "Clicks");

            migrationBuilder.DropIndex(
                name: "IX_Clicks_CampaignId_Source_MemberId_Visitor",
                table: "Clicks");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "Purchases");
        }
    }
}
