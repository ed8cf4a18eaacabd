using Microsoft.EntityFrameworkCore.Migrations;
using ReferralBot.Persistence.Postgres.Outbound;

#nullable disable

namespace ReferralBot.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxWakeups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => OutboxWakeupTrigger.Create(migrationBuilder);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => OutboxWakeupTrigger.Drop(migrationBuilder);
    }
}
