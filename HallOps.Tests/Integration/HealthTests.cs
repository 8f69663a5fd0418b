using System.Net;
using System.Text.Json;
using HallOps.Domain.Jobs;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration;

[Collection(WebCollection.Name)]
public sealed class HealthTests(SeededHall hall) : IClassFixture<SeededHall>
{
    [Fact]
    public async Task Health_ReportsTheDatabaseAndAFreshJobsHeartbeat_ToAnonymousCallers()
    {
        var client = hall.App.CreateClient();

        // The heartbeat job runs once at start; wait for the jobs server to have beaten.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = hall.App.CreateDbContext();
            return await db.JobHeartbeats.AnyAsync(h => h.Name == JobHeartbeat.Default);
        }, TimeSpan.FromSeconds(20), "the heartbeat job runs at start");
        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_Answers503_WhenTheJobsHeartbeatIsStale()
    {
        var client = hall.App.CreateClient();
        await Eventually.TrueAsync(async () =>
        {
            await using var db = hall.App.CreateDbContext();
            return await db.JobHeartbeats.AnyAsync();
        }, TimeSpan.FromSeconds(20), "the heartbeat job runs at start");

        await ShiftBeatAsync(TimeSpan.FromHours(-1));
        try
        {
            var response = await client.GetAsync("/health");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Contains("jobs heartbeat stale", await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await ShiftBeatAsync(TimeSpan.FromHours(1));
        }
    }

    private async Task ShiftBeatAsync(TimeSpan by)
    {
        await using var db = hall.App.CreateDbContext();
        var beat = await db.JobHeartbeats.SingleAsync(h => h.Name == JobHeartbeat.Default);
        beat.BeatAt = beat.BeatAt.Add(by);
        await db.SaveChangesAsync();
    }
}
