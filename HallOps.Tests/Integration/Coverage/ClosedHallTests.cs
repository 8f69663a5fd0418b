using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>AB4, SC2.2: coverage is owed during opening hours only; the lunch break clears the alerts.</summary>
[Collection(WebCollection.Name)]
public sealed class ClosedHallTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB4_AtTheLunchBreak_OpenGapAndTakeOverAlertsAreResolved_AndTheAfternoonOpeningRaisesThemAgain()
    {
        // 刘洋 (A of window 4) leaves without a handover: besides the gaps, his B is told to take over.
        var (post4, _) = await hall.PostOfWindowAsync(4);
        await using (var a = await hall.StaffAsync("刘洋"))
        {
            var presence = a.ServiceProvider.GetRequiredService<PresenceService>();
            Assert.True((await presence.SignOnAsync(post4)).Succeeded);
            Assert.True((await presence.GoAwayAsync(new AwayRequest { Reason = AwayReason.Meeting })).Succeeded);
        }
        await hall.Monitor.ReconcileAsync();
        var morning = await hall.OpenCoverageAlertsAsync();
        Assert.Equal(24, morning.Count(a => a.Kind == AlertKinds.CoverageGap));
        Assert.Single(morning, a => a.Kind == AlertKinds.TakeOver && a.Subject == $"post:{post4}");

        var lunch = new DateTimeOffset(2026, 11, 25, 12, 30, 0, CoverageHall.Beijing);
        hall.Clock.SetUtcNow(lunch);
        await hall.Monitor.ReconcileAsync();

        Assert.Empty(await hall.OpenCoverageAlertsAsync());
        await using (var db = hall.CreateDbContext())
        {
            var ids = morning.Select(a => a.Id).ToList();
            var closed = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
            Assert.Equal(morning.Count, closed.Count);
            Assert.All(closed, a => Assert.Equal((false, (DateTimeOffset?)lunch), (a.IsOpen, a.ResolvedAt)));
        }

        var afternoon = new DateTimeOffset(2026, 11, 25, 14, 0, 0, CoverageHall.Beijing);
        hall.Clock.SetUtcNow(afternoon);
        await hall.Monitor.ReconcileAsync();

        var reopened = await hall.OpenCoverageAlertsAsync();
        Assert.Equal(
            morning.Select(a => (a.Kind, a.Subject)).Order(),
            reopened.Select(a => (a.Kind, a.Subject)).Order());
        Assert.All(reopened, a => Assert.Equal(afternoon, a.RaisedAt));
    }
}
