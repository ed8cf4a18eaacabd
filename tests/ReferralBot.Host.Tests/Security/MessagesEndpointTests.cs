using System.Net;
using System.Text;
using ReferralBot.Host.Tests.Hosting;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// <c>/api/messages</c> on the built service with tokens checked: a post without a bearer token is refused from its
/// headers, its body never asked for; one too large is refused while it is read (413), not buffered.
/// </summary>
public sealed class MessagesEndpointTests
{
    [Fact]
    public async Task A_post_without_a_bearer_token_is_refused_unread_and_one_too_large_is_a_413()
    {
        var url = $"http://127.0.0.1:{HostProcess.FreePort()}";
        await using var service = new HostProcess(new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = url,
            ["BotFramework__AppId"] = "00000000-0000-0000-0000-000000000001",
            ["BotFramework__AppPassword"] = "not-used-here",
        });
        using var client = new HttpClient { BaseAddress = new Uri(url) };
        await service.HealthAsync(url);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent("""{"type":"message","text":"hi"}""" + new string(' ', 5 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        unsigned.Headers.ExpectContinue = true;
        var refused = await client.SendAsync(unsigned);
        var notJwt = await PostAsync(client, """{"type":"message"}""", "Bearer not-a-token");
        var huge = await PostAsync(client, """{"type":"message","text":"PAD"}""".Replace("PAD", new string('x', 2 * 1024 * 1024), StringComparison.Ordinal), "Bearer a.b.c");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, notJwt.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return client.SendAsync(request);
    }
}
