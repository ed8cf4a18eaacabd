using System.Net;
using ReferralBot.Host.Tests.Security;

namespace ReferralBot.Host.Tests.Hosting;

/// <summary>
/// Where the service listens comes from the platform's own settings, as in any ASP.NET Core app: the built service the
/// security tests share listens on <c>ASPNETCORE_HTTP_PORTS</c>; <c>ASPNETCORE_URLS</c> is the PostgreSQL start's
/// (<see cref="PostgresStartTests"/>), and <c>--urls</c> the cluster's instances'.
/// </summary>
[Collection(BuiltServiceGroup.Name)]
public sealed class ListeningAddressTests(BuiltService service)
{
    [Fact]
    public void ASPNETCORE_HTTP_PORTS_sets_the_listening_port_as_container_images_do() =>
        Assert.Equal(HttpStatusCode.OK, service.FirstHealth.StatusCode);
}
