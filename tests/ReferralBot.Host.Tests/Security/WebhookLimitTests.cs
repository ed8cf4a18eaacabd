using System.Globalization;
using System.Net;
using ReferralBot.Host.Purchases;
using ReferralBot.Host.Tests.Support;

namespace ReferralBot.Host.Tests.Security;

/// <summary>
/// Limits come before buffering: an unsigned post is refused from its headers without its body being read, and a body
/// over <c>Webhooks:MaxBodyBytes</c> is refused (413) whether or not it says its length.
/// </summary>
[Collection(BuiltServiceGroup.Name)]
public sealed class WebhookLimitTests(BuiltService service)
{
    private const int TwentyFiveMegabytes = 25 * 1024 * 1024;

    [Theory]
    [InlineData(null, null)]
    [InlineData("1700000000", "sha256=00")]
    [InlineData("now", "sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task An_unsigned_or_malformed_post_is_refused_before_its_body_is_read(string? timestamp, string? signature)
    {
        var body = new CountingContent(TwentyFiveMegabytes, knownLength: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/purchases") { Content = body };
        // The body goes out only once the server asks for it (100 Continue), which Kestrel does when it is first read.
        request.Headers.ExpectContinue = true;
        if (timestamp is not null) request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        if (signature is not null) request.Headers.Add(WebhookSignature.SignatureHeader, signature);

        // A server that waited for the body would never answer: the body is held back until then, and this gives up.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var response = await service.Client.SendAsync(request, patience.Token);
        var servedBeforeTheAnswer = body.Served;
        body.Release();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(servedBeforeTheAnswer <= CountingContent.FirstPart, $"{servedBeforeTheAnswer} bytes were read before an unsigned post was answered");
        await service.StillAnswersAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_signed_body_over_the_limit_is_a_413_whether_or_not_it_says_its_length(bool knownLength)
    {
        var body = new CountingContent(65 * 1024, knownLength);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/purchases") { Content = body };
        request.Headers.ExpectContinue = true; // a body the server refuses by its declared length is then never sent
        request.Headers.Add(WebhookSignature.TimestampHeader, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, "sha256=" + new string('0', 64));

        body.Release();
        var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Webhooks:MaxBodyBytes", await response.Content.ReadAsStringAsync());
        await service.StillAnswersAsync();
    }

    /// <summary>
    /// A body of spaces, counting what was written. After <see cref="FirstPart"/> it holds the rest back until
    /// <see cref="Release"/>: a server that needs the whole body before it answers never gets it, so the answer coming at
    /// all, with little written, shows the server did not wait for it.
    /// </summary>
    private sealed class CountingContent(int length, bool knownLength) : HttpContent
    {
        public const int FirstPart = 64 * 1024;

        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long served;

        public long Served => Interlocked.Read(ref served);

        public void Release() => released.TrySetResult();

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            var chunk = new byte[16 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var sent = 0; sent < length; sent += chunk.Length)
            {
                if (sent == FirstPart) await released.Task.WaitAsync(cancellationToken);
                var size = Math.Min(chunk.Length, length - sent);
                await stream.WriteAsync(chunk.AsMemory(0, size), cancellationToken);
                Interlocked.Add(ref served, size);
            }
        }

        protected override bool TryComputeLength(out long size)
        {
            size = length;
            return knownLength;
        }
    }
}
