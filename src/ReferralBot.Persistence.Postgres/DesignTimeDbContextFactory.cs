using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Postgres;

/// <summary>For <c>dotnet ef migrations add</c>: the model on PostgreSQL, no server or host needed.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ReferralBotDbContext>
{
    public ReferralBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ReferralBotDbContext>();
        PostgresSetup.Configure(options, PostgresSetup.DataSource("Host=localhost;Database=referralbot"));
        return new ReferralBotDbContext(options.Options);
    }
}
