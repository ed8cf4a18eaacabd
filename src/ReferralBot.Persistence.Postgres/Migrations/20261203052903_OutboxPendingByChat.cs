using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OutboxPendingByChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Outbox_PendingByChat",
                table: "Outbox",
                columns: new[] { "Channel", "ChatId", "DueAt", "Id" },
                filter: "\"SentAt\" IS NULL AND \"DroppedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_PendingByChat",
                table: "Outbox");
        }
    }
}
