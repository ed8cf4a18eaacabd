using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Administration;

internal static class AdministrationSetup
{
    internal static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddScoped<AdminDirectory>();
        services.AddScoped<AuditLog>();
        services.AddScoped<IChatCommand, AdminCommand>();
        return services;
    }
}
