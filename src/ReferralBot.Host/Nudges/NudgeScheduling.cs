using Quartz;
using ReferralBot.Core.Nudges;
using ReferralBot.Core.Review;
using ReferralBot.Host.Review;

namespace ReferralBot.Host.Nudges;

public static class NudgeScheduling
{
    /// <summary>Quartz, in memory, with a repeating trigger for <see cref="NudgeDispatchJob"/> and one for <see cref="FraudScanJob"/>.</summary>
    public static IServiceCollection AddNudgeScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetSection(NudgeOptions.Section).Get<NudgeOptions>()?.DispatchInterval ?? new NudgeOptions().DispatchInterval;
        var scan = configuration.GetSection(FraudOptions.Section).Get<FraudOptions>()?.ScanInterval ?? new FraudOptions().ScanInterval;
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<NudgeDispatchJob>(job => job.WithIdentity(NudgeDispatchJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(NudgeDispatchJob.Key)
                .WithIdentity("nudge-dispatch-every", "referralbot")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(1)).RepeatForever()));
            quartz.AddJob<FraudScanJob>(job => job.WithIdentity(FraudScanJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(FraudScanJob.Key)
                .WithIdentity("fraud-scan-every", "referralbot")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(scan).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
