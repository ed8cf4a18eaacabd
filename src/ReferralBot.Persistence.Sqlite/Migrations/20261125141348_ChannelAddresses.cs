using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChannelAddresses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelAddresses",
                columns: table => new
                {
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChatId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelAddresses", x => new { x.Channel, x.ChatId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelAddresses");
        }
    }
}
