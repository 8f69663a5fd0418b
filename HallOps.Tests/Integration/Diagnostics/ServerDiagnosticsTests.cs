using System.Net;
using System.Net.Http.Json;
using HallOps.Tests.Support;
using HallOps.Web.Diagnostics;

namespace HallOps.Tests.Integration.Diagnostics;

/// <summary>
/// GET /diagnostics/server: what the instance holds and has spent, for capacity planning and the circuit
/// load benchmark. Administrators only; the figures read the live process.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ServerDiagnosticsTests(SeededHall hall) : IClassFixture<SeededHall>
{
    [Theory]
    [InlineData("manager")]
    [InlineData("staff")]
    [InlineData("wall")]
    public async Task Diagnostics_AnAccountOtherThanAdmin_IsSentToAccessDenied(string userName)
    {
        var client = await DemoAccounts.SignInAsync(hall.App, userName);

        var response = await client.GetAsync("/diagnostics/server");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Diagnostics_TheAdmin_ReadsTheProcessAfterAFullCollection()
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "admin");

        var before = await client.GetFromJsonAsync<ServerFigures>("/diagnostics/server");
        var after = await client.GetFromJsonAsync<ServerFigures>("/diagnostics/server?gc=full");

        Assert.NotNull(before);
        Assert.NotNull(after);
        Assert.True(after.Gen2Collections > before.Gen2Collections, "?gc=full forces a full collection");
        Assert.True(after.Gen0Collections >= after.Gen1Collections && after.Gen1Collections >= after.Gen2Collections, "a collection of a generation collects the younger ones too");
        Assert.True(after.GcPauseMilliseconds > before.GcPauseMilliseconds, "the forced collections paused the process");
        Assert.True(after.AllocatedBytes > before.AllocatedBytes, "serving the request allocated");
        Assert.True(after.CpuMilliseconds >= before.CpuMilliseconds);
        Assert.InRange(after.HeapBytes, 1, after.WorkingSetBytes);
        Assert.Equal(Environment.ProcessorCount, after.ProcessorCount);
        Assert.True(after.FeedSubscribers >= 1, "the wall's shared read model listens to the hall feed");
        Assert.Equal(0, after.Circuits);
    }
}
