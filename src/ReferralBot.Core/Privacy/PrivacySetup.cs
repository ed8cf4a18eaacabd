using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Privacy;

internal static class PrivacySetup
{
    internal static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<PersonalDataEraser>();
        services.AddScoped<PersonalDataExport>();
        services.AddScoped<IChatCommand, ForgetCommand>();
        services.AddScoped<IChatCommand, MyDataCommand>();
        return services;
    }
}
