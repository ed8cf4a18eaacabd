using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ReferralBot.Core.Storage;

namespace ReferralBot.Persistence.Sqlite;

/// <summary>For <c>dotnet ef migrations add</c>: the model on SQLite, no host needed.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ReferralBotDbContext>
{
    public ReferralBotDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ReferralBotDbContext>();
        SqliteSetup.Configure(options, SqliteSetup.DefaultConnectionString);
        return new ReferralBotDbContext(options.Options);
    }
}
