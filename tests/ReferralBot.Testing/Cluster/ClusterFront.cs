using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ReferralBot.Host.Purchases;

namespace ReferralBot.Testing.Cluster;

/// <summary>
/// What stands in front of the instances: a small round-robin load balancer. A request that cannot be delivered (the
/// instance is down, or died while answering) goes to the next instance, as a balancer's retry and Telegram's own
/// redelivery would do; a request may also be sent to one instance or to all at once, on purpose.
/// </summary>
public sealed class ClusterFront(IReadOnlyList<ClusterInstance> instances, string telegramSecret, string purchaseSecret) : IDisposable
{
    public const string WebhookPath = "/telegram/webhook";
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(2) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
    private int next;

    /// <summary>Requests that failed on an instance and were delivered through another.</summary>
    public int Retried => retried;

    private int retried;

    public int NextInstance() => (int)((uint)Interlocked.Increment(ref next) % (uint)instances.Count);

    /// <summary>A Telegram update to <paramref name="instance"/> (or the next one in turn); its status.</summary>
    public Task<HttpResponseMessage> UpdateAsync(string json, int? instance = null) =>
        SendAsync(instance ?? NextInstance(), url => Post(url + WebhookPath, json, request => request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", telegramSecret)));

    /// <summary>A shop's signed report (<c>/api/purchases</c> or <c>/api/refunds</c>).</summary>
    public Task<HttpResponseMessage> ShopAsync(string path, string json, int? instance = null) =>
        SendAsync(instance ?? NextInstance(), url => Post(url + path, json, request =>
        {
            var stamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(WebhookSignature.TimestampHeader, stamp);
            request.Headers.Add(WebhookSignature.SignatureHeader, "sha256=" + WebhookSignature.Sign(purchaseSecret, stamp, Encoding.UTF8.GetBytes(json)));
        }));

    /// <summary>A visitor opening a link.</summary>
    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string userAgent, int? instance = null) =>
        SendAsync(instance ?? NextInstance(), url =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url + pathAndQuery);
            request.Headers.UserAgent.ParseAdd(userAgent);
            return request;
        });

    public void Dispose() => http.Dispose();

    private static HttpRequestMessage Post(string url, string json, Action<HttpRequestMessage> sign)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        sign(request);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(int first, Func<string, HttpRequestMessage> request)
    {
        for (var attempt = 0; ; attempt++)
        {
            var instance = instances[(first + attempt) % instances.Count];
            try
            {
                var response = await http.SendAsync(request(instance.Url));
                if (response.StatusCode < HttpStatusCode.InternalServerError || attempt >= 20) return response;
                response.Dispose();
            }
            catch (HttpRequestException) when (attempt < 20)
            {
                // Down or died mid-answer: the next instance gets it (only one is ever down at a time here).
            }

            Interlocked.Increment(ref retried);
        }
    }
}
