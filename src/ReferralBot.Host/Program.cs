using Humanizer;
using ReferralBot.Channels.BotFramework.Receiving;
using ReferralBot.Channels.Telegram.Receiving;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Links;
using ReferralBot.Host.Pages;
using ReferralBot.Host.Purchases;
using ReferralBot.Host.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddReferralBotServices();
builder.AddReferralBotLogging();

var app = builder.Build();

// `dotnet ReferralBot.Host.dll migrate`: bring the database up to date and stop (once per deployment on PostgreSQL).
if (args is ["migrate", ..])
{
    var applied = await app.Services.GetRequiredService<DatabaseMigrations>().ApplyAsync(CancellationToken.None);
    Console.WriteLine($"The database is up to date ({"migration".ToQuantity(applied)} applied).");
    return 0;
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimits();
app.MapReferralLinksApi();
app.MapLandingPagesApi();
app.MapPurchasesApi();
app.MapTelegramWebhook();
app.MapBotFrameworkMessages();
app.MapHealthChecks("/healthz");

try
{
    await app.RunAsync();
}
catch (DatabaseOutOfDateException)
{
    // The host has logged why, with the command to run, and stopped: a refused start, not a crash.
    return 1;
}

return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
