using Microsoft.EntityFrameworkCore;
using ReferralBot.Core.Experiments;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Relational.Experiments;

/// <summary>An exposure as one <c>INSERT … ON CONFLICT DO NOTHING</c>: whoever records first, the person keeps that variant.</summary>
public sealed class ExposureStore : IExposureStore
{
    public Task RecordAsync(ReferralBotDbContext db, ExperimentExposure exposure, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ExperimentExposures" ("ExperimentId", "PersonId", "VariantId", "ExposedAt")
            VALUES ({exposure.ExperimentId}, {exposure.PersonId}, {exposure.VariantId}, {exposure.ExposedAt})
            ON CONFLICT ("ExperimentId", "PersonId") DO NOTHING
            """, cancellationToken);
}
