using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InfluencerFlatFee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "FlatFee",
                table: "Members",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FlatFee",
                table: "Members");
        }
    }
}
