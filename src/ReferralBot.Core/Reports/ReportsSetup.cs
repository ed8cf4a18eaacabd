using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Reports;

internal static class ReportsSetup
{
    internal static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<CampaignFigures>();
        services.AddScoped<LeaderboardQuery>();
        services.AddScoped<CampaignReportQuery>();
        services.AddScoped<IChatCommand, ReportCommand>();
        services.AddScoped<CampaignExport>();
        services.AddScoped<IChatCommand, ExportCommand>();
        services.AddScoped<IChatCommand, LeaderboardCommand>();
        services.AddScoped<IChatCommand, HideCommand>();
        services.AddScoped<IChatCommand, ShowCommand>();
        return services;
    }
}
