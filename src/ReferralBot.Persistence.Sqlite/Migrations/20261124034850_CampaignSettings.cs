using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AttributionWindowDays",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<decimal>(
                name: "CommissionPercent",
                table: "Campaigns",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "Discount",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EndsAt",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FlatFee",
                table: "Campaigns",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsDefault",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Offer",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "ReferrerReward",
                table: "Campaigns",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartsAt",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Terms",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Default",
                table: "Campaigns",
                column: "IsDefault",
                unique: true,
                filter: "\"IsDefault\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Campaigns_Default",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "AttributionWindowDays",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CommissionPercent",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Discount",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "FlatFee",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "IsDefault",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Offer",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReferrerReward",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Terms",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "TimeZone",
                table: "Campaigns");
        }
    }
}
