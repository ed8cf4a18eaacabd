using Microsoft.EntityFrameworkCore.Migrations;
using ReferralBot.Persistence.Postgres.Clicks;

#nullable disable

namespace ReferralBot.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CampaignChangeNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => CampaignChangeTrigger.Create(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => CampaignChangeTrigger.Drop(migrationBuilder);
    }
}
