using Quartz;
using ReferralBot.Core.Nudges;

namespace ReferralBot.Host.Nudges;

public static class NudgeScheduling
{
    /// <summary>Quartz, in memory, with one repeating trigger for <see cref="NudgeDispatchJob"/>.</summary>
    public static IServiceCollection AddNudgeScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var interval = configuration.GetSection(NudgeOptions.Section).Get<NudgeOptions>()?.DispatchInterval ?? new NudgeOptions().DispatchInterval;
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<NudgeDispatchJob>(job => job.WithIdentity(NudgeDispatchJob.Key));
            quartz.AddTrigger(trigger => trigger
                .ForJob(NudgeDispatchJob.Key)
                .WithIdentity("nudge-dispatch-every", "referralbot")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(1)).RepeatForever()));
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
