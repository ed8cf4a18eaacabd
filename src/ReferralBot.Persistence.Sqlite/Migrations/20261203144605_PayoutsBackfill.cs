using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// Rewards earned before holds existed wait the default hold from their purchase, as new ones do. A migration of its
    /// own: the one before rebuilt the ledger's table (a column became nullable), which took its append-only triggers
    /// with it; they are made again here, after that rebuild has surely run.
    /// </summary>
    public partial class PayoutsBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            AppendOnlyTriggers.Rewrite(migrationBuilder, "LedgerEntries",
                "UPDATE \"LedgerEntries\" SET \"PayableAt\" = COALESCE(" +
                "(SELECT datetime(p.\"OccurredAt\", '+30 days') FROM \"Purchases\" p WHERE p.\"Id\" = \"LedgerEntries\".\"PurchaseId\"), \"CreatedAt\");");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
