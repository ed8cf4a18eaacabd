using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CampaignAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 170, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 170, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OldValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AuditLog_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Tiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MinPurchases = table.Column<int>(type: "INTEGER", nullable: false),
                    CommissionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tiers", x => x.Id);
                    table.CheckConstraint("CK_Tiers_CommissionPercent", "CAST(\"CommissionPercent\" AS REAL) BETWEEN 0 AND 100");
                    table.CheckConstraint("CK_Tiers_MinPurchases", "\"MinPurchases\" >= 0");
                    table.ForeignKey(
                        name: "FK_Tiers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminGrants_Channel_UserId",
                table: "AdminGrants",
                columns: new[] { "Channel", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_CampaignId_At",
                table: "AuditLog",
                columns: new[] { "CampaignId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Tiers_CampaignId_MinPurchases",
                table: "Tiers",
                columns: new[] { "CampaignId", "MinPurchases" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Tiers_CampaignId_Name",
                table: "Tiers",
                columns: new[] { "CampaignId", "Name" },
                unique: true);

            // Campaigns made before tiers existed get the default ladder every new campaign starts with.
            migrationBuilder.Sql("""
                INSERT INTO "Tiers" ("CampaignId", "Name", "MinPurchases", "CommissionPercent")
                SELECT "Id", 'Bronze', 0, '10.0' FROM "Campaigns"
                UNION ALL SELECT "Id", 'Silver', 10, '15.0' FROM "Campaigns"
                UNION ALL SELECT "Id", 'Gold', 50, '20.0' FROM "Campaigns";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminGrants");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "Tiers");
        }
    }
}
