using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberSignUps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SignUps",
                table: "Members",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Members who were claimed before the count was kept start from their claims so far.
            migrationBuilder.Sql("""
                UPDATE "Members" SET "SignUps" = (SELECT COUNT(*) FROM "Claims" WHERE "Claims"."ReferrerMemberId" = "Members"."Id")
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SignUps",
                table: "Members");
        }
    }
}
