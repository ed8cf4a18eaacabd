using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Storage;
using ReferralBot.Host.Nudges;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Nudges;

public sealed class NudgeSchedulingTests
{
    [Fact]
    public async Task Quartz_runs_the_dispatch_job_which_settles_due_nudges_without_anyone_asking()
    {
        using var host = new ShopHost(new Dictionary<string, string?> { ["Nudges:DispatchInterval"] = "00:00:00.200" });
        await host.InfluencerAsync("jane", "JANE20");
        await host.SayAsync("bob", "/start JANE20");

        await host.PurchaseAsync(ShopHost.Purchase("1001", 80m, host.Now, reference: await host.ReferenceOfAsync("bob")));
        var referrerNews = await WaitForAsync(host, n => n.Kind == NudgeKind.ReferrerPurchase && n.State == NudgeState.Queued);

        var scheduler = await host.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotNull(await scheduler.GetJobDetail(NudgeDispatchJob.Key));
        Assert.Equal(NudgeState.Queued, referrerNews.State);
        var thanks = await WaitForAsync(host, n => n.Kind == NudgeKind.ThankYou);
        Assert.Equal(NudgeState.Pending, thanks.State); // due in 10 minutes of the (fake) clock
    }

    [Theory]
    [InlineData("Nudges:QuietHours", "late", "Nudges:QuietHours")]
    [InlineData("Nudges:MaxPerWeek", "0", "MaxPerWeek")]
    [InlineData("Nudges:DispatchInterval", "00:00:00", "Nudges:DispatchInterval")]
    public async Task Bad_nudge_settings_stop_the_service_at_start_naming_the_key(string key, string value, string named)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message);
    }

    private static async Task<Nudge> WaitForAsync(ShopHost host, Func<Nudge, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            await using (var scope = host.Factory.Services.CreateAsyncScope())
            {
                var nudges = await scope.ServiceProvider.GetRequiredService<ReferralBotDbContext>().Set<Nudge>().AsNoTracking().ToListAsync();
                if (nudges.FirstOrDefault(condition) is { } found) return found;
            }

            // Quartz runs on the service's TimeProvider too: the fake clock moves it.
            host.Clock.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(50);
        }

        throw new TimeoutException("No nudge came to that state.");
    }
}
