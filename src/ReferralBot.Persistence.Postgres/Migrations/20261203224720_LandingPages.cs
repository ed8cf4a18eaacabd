using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LandingPages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_ClickVisitors",
                table: "ClickVisitors");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ClickTallies",
                table: "ClickTallies");

            migrationBuilder.AddColumn<DateTime>(
                name: "PhotoRequestedAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "ClickVisitors",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "ClickTallies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Clicks",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Disclosure",
                table: "Campaigns",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LandingPages",
                table: "Campaigns",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClickVisitors",
                table: "ClickVisitors",
                columns: new[] { "MemberId", "Kind", "Source", "Visitor" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClickTallies",
                table: "ClickTallies",
                columns: new[] { "MemberId", "Kind", "Source" });

            migrationBuilder.CreateTable(
                name: "PersonPhotos",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Jpeg = table.Column<byte[]>(type: "bytea", nullable: true),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonPhotos", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_PersonPhotos_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonPhotos");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ClickVisitors",
                table: "ClickVisitors");

            migrationBuilder.DropPrimaryKey(
                name: "PK_ClickTallies",
                table: "ClickTallies");

            migrationBuilder.DropColumn(
                name: "PhotoRequestedAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ClickVisitors");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ClickTallies");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Clicks");

            migrationBuilder.DropColumn(
                name: "Disclosure",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LandingPages",
                table: "Campaigns");

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClickVisitors",
                table: "ClickVisitors",
                columns: new[] { "MemberId", "Source", "Visitor" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_ClickTallies",
                table: "ClickTallies",
                columns: new[] { "MemberId", "Source" });
        }
    }
}
