using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PersonErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ErasedAt",
                table: "People",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "People");
        }
    }
}
