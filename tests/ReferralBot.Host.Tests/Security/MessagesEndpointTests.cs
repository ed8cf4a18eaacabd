using System.Net;
using System.Text;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// <c>/api/messages</c> on the built service with tokens checked: a post without a bearer token is refused from its
/// headers, its body never asked for; one too large is refused while it is read (413), not buffered.
/// </summary>
[Collection(BuiltServiceGroup.Name)]
public sealed class MessagesEndpointTests(BuiltService service)
{
    [Fact]
    public async Task A_post_without_a_bearer_token_is_refused_unread_and_one_too_large_is_a_413()
    {
        var client = service.Client;

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
        await service.StillAnswersAsync();
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json, string authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        request.Headers.ExpectContinue = true; // a body refused unread (by its header or length) is then never sent
        return client.SendAsync(request);
    }
}
