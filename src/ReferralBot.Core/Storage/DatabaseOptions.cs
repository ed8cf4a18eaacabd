namespace ReferralBot.Core.Storage;

/// <summary>The <c>Database</c> section: which store, and who applies its migrations.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>sqlite</c> or <c>postgres</c>; when empty, told from <c>ConnectionStrings:ReferralBot</c>.</summary>
    public string? Provider { get; set; }

    /// <summary>
    /// Apply the migrations at start. Unset: yes on SQLite (one process owns the file); no on PostgreSQL, where several
    /// instances share the database and <c>dotnet ReferralBot.Host.dll migrate</c> applies them once per deployment.
    /// </summary>
    public bool? MigrateOnStart { get; set; }
}
