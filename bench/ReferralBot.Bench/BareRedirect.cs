namespace ReferralBot.Bench;

/// <summary>
/// The baseline: Kestrel with nothing but a route that answers <c>/r/{code}</c> with the 302 the service sends (same
/// landing URL and tags), no database, no logging, same GC settings.
/// </summary>
internal static class BareRedirect
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Arguments.Value(args, "--urls", "http://127.0.0.1:5102"));
        var app = builder.Build();
        app.MapGet("/r/{code}", (string code, string? s) => Results.Redirect(
            $"https://shop.example.sg/serum?utm_source={s ?? "referralbot"}&utm_medium=referral&utm_campaign=glow-serum&utm_content={code}&ref={code}"));
        app.MapGet("/healthz", () => "Healthy");
        await app.RunAsync();
        return 0;
    }
}
