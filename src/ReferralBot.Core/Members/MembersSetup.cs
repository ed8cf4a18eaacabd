using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;

namespace ReferralBot.Core.Members;

internal static class MembersSetup
{
    internal static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<CustomerCodeGenerator>();
        services.AddScoped<CodeSuggester>();
        services.AddSingleton<CodeLengthHints>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<CampaignMemberships>();
        services.AddScoped<MembershipResolver>();
        services.AddSingleton<CodeCardBuilder>();
        services.AddScoped<ReferralLookup>();
        services.AddSingleton<Reachability>();
        services.AddScoped<IChatCommand, CodeCommand>();
        services.AddScoped<IChatCommand, QrCommand>();
        services.AddScoped<InfluencerEnrollment>();
        services.AddScoped<IChatCommand, InfluencerCommand>();
        services.AddScoped<IChatCommand, VoiceCommand>();
        return services;
    }
}
