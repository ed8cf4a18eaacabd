using ReferralBot.Channels.BotFramework.Receiving;
using ReferralBot.Channels.Telegram.Receiving;
using ReferralBot.Host.Links;
using ReferralBot.Host.Purchases;
using ReferralBot.Host.Setup;

var builder = WebApplication.CreateBuilder(args);

builder.AddReferralBotServices();
builder.AddReferralBotLogging();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodySizeLimits();
app.MapReferralLinksApi();
app.MapPurchasesApi();
app.MapTelegramWebhook();
app.MapBotFrameworkMessages();
app.MapHealthChecks("/healthz");

app.Run();

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
