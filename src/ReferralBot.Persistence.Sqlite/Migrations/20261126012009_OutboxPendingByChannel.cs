using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutboxPendingByChannel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_SentAt_DroppedAt_DueAt",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Pending",
                table: "Outbox",
                columns: new[] { "Channel", "DueAt" },
                filter: "\"SentAt\" IS NULL AND \"DroppedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_Pending",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_SentAt_DroppedAt_DueAt",
                table: "Outbox",
                columns: new[] { "SentAt", "DroppedAt", "DueAt" });
        }
    }
}
