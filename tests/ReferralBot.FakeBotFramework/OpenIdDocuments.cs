using System.Text.Json.Nodes;

namespace ReferralBot.FakeBotFramework;

/// <summary>The discovery documents the fake serves, shaped as Bot Framework's and Entra ID's are.</summary>
internal static class OpenIdDocuments
{
    public const string ChannelMetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";
    public const string TokenPath = "/botframework.com/oauth2/v2.0/token";
    public const string AuthorityMetadataPath = "/botframework.com/v2.0/.well-known/openid-configuration";
    public const string InstanceDiscoveryPath = "/common/discovery/instance";

    /// <summary>What the bot reads to find the channel's signing keys (as login.botframework.com serves it).</summary>
    public static JsonObject ChannelMetadata(string issuer, Uri baseUrl) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.botframework.com",
        ["jwks_uri"] = Url(baseUrl, KeysPath),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    /// <summary>The botframework.com tenant's v2.0 metadata, for MSAL given the tenant as an OIDC authority.</summary>
    public static JsonObject AuthorityMetadata(Uri baseUrl) => new()
    {
        ["token_endpoint"] = Url(baseUrl, TokenPath),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt", "client_secret_basic"),
        ["jwks_uri"] = Url(baseUrl, "/botframework.com/discovery/v2.0/keys"),
        ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["issuer"] = Url(baseUrl, "/botframework.com/v2.0"),
        ["authorization_endpoint"] = Url(baseUrl, "/botframework.com/oauth2/v2.0/authorize"),
        ["end_session_endpoint"] = Url(baseUrl, "/botframework.com/oauth2/v2.0/logout"),
        ["cloud_instance_name"] = "microsoftonline.com",
    };

    /// <summary>Entra ID's instance discovery answer, naming this host as the only alias.</summary>
    public static JsonObject InstanceDiscovery(Uri baseUrl) => new()
    {
        ["tenant_discovery_endpoint"] = Url(baseUrl, AuthorityMetadataPath),
        ["api-version"] = "1.1",
        ["metadata"] = new JsonArray(new JsonObject
        {
            ["preferred_network"] = baseUrl.Authority,
            ["preferred_cache"] = baseUrl.Authority,
            ["aliases"] = new JsonArray(baseUrl.Authority),
        }),
    };

    public static string Url(Uri baseUrl, string path) => baseUrl.ToString() + path.TrimStart('/');
}
