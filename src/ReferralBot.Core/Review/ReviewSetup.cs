using Microsoft.Extensions.DependencyInjection;
using ReferralBot.Core.Conversation;
using ReferralBot.Core.Review.Rules;

namespace ReferralBot.Core.Review;

internal static class ReviewSetup
{
    internal static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddOptions<FraudOptions>().BindConfiguration(FraudOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReviewHolds>();
        services.AddScoped<ReviewQuery>();
        services.AddSingleton<IFraudRule, SelfReferralRule>();
        services.AddSingleton<IFraudRule, TwoReferrersRule>();
        services.AddSingleton<IFraudRule, ClaimBurstRule>();
        services.AddSingleton<IFraudRule, NewAccountsRule>();
        services.AddSingleton<IFraudRule, ClickFloodRule>();
        services.AddSingleton<IFraudRule, FastClaimsRule>();
        services.AddSingleton<IFraudRule, LeakedCodeRule>();
        services.AddSingleton<IFraudRule, RefundsRule>();
        services.AddScoped<ReviewDecisions>();
        services.AddScoped<FraudScan>();
        services.AddScoped<IChatCommand, ReviewCommand>();
        return services;
    }
}
