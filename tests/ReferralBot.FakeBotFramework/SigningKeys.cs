using System.Text.Json.Nodes;

namespace ReferralBot.FakeBotFramework;

/// <summary>The keys the JWKS publishes, in the order they were added; keys may come and go while the fake runs.</summary>
internal sealed class SigningKeys : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<PublishedKey> published = [];
    // Every key ever made, published or not: disposed with the fake, never while a token may still be being signed.
    private readonly List<PublishedKey> made = [];
    private readonly Lazy<PublishedKey> unknown;

    public SigningKeys()
    {
        unknown = new Lazy<PublishedKey>(() => Remember(PublishedKey.Create([])));
    }

    /// <summary>A key with a kid the JWKS never lists.</summary>
    public PublishedKey Unknown => unknown.Value;

    public string Add(IEnumerable<string> endorsements)
    {
        var key = Remember(PublishedKey.Create(endorsements));
        lock (gate) published.Add(key);
        return key.KeyId;
    }

    public bool Remove(string keyId)
    {
        lock (gate) return published.RemoveAll(k => k.KeyId == keyId) > 0;
    }

    public PublishedKey? Find(string keyId)
    {
        lock (gate) return published.Find(k => k.KeyId == keyId);
    }

    public JsonObject ToJwks()
    {
        PublishedKey[] keys;
        lock (gate) keys = published.ToArray();
        return new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode?)k.ToJwk()).ToArray()) };
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var key in made) key.Rsa.Dispose();
            made.Clear();
            published.Clear();
        }
    }

    private PublishedKey Remember(PublishedKey key)
    {
        lock (gate) made.Add(key);
        return key;
    }
}
