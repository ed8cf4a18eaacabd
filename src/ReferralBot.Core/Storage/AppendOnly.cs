using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ReferralBot.Core.Storage;

/// <summary>
/// Tables whose rows are never changed or deleted (the rewards ledger, purchases, refunds: a correction is a reversing
/// entry). The context refuses such a save whatever the database; each provider's migrations also make the database
/// itself refuse it, for anything that writes around the context. Marked in the model, so a provider finds the tables.
/// </summary>
public static class AppendOnly
{
    public const string Annotation = "ReferralBot:AppendOnly";

    public static void Mark<T>(EntityTypeBuilder<T> builder) where T : class => builder.HasAnnotation(Annotation, true);

    public static bool Is(IReadOnlyEntityType entityType) => entityType.FindAnnotation(Annotation)?.Value is true;

    /// <summary>The tables of <paramref name="model"/> marked append-only.</summary>
    public static IEnumerable<string> Tables(IReadOnlyModel model) =>
        model.GetEntityTypes().Where(Is).Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal);

    internal static void Check(DbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted && Is(entry.Metadata))
                throw new InvalidOperationException($"{entry.Metadata.GetTableName()} is append-only: add a reversing entry instead.");
        }
    }
}
