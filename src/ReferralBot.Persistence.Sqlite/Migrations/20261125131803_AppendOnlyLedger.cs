using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReferralBot.Persistence.Sqlite.Migrations
{
    /// <summary>
    /// The rewards ledger, purchases and refunds are append-only: the database itself refuses to change or delete
    /// a row, so a refund can only add reversing entries.
    /// </summary>
    public partial class AppendOnlyLedger : Migration
    {
        private static readonly string[] Tables = ["LedgerEntries", "Purchases", "Refunds"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                foreach (var operation in new[] { "UPDATE", "DELETE" })
                {
                    migrationBuilder.Sql(
                        $"CREATE TRIGGER \"TR_{table}_No{operation}\" BEFORE {operation} ON \"{table}\" " +
                        $"BEGIN SELECT RAISE(ABORT, '{table} is append-only: add a reversing entry instead'); END;");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_NoUPDATE\";");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"TR_{table}_NoDELETE\";");
            }
        }
    }
}
