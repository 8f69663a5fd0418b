using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB4: during opening hours a post with neither A nor any B on post raises a coverage-gap alert,
/// once — however often, on however many threads and instances the reconciliation runs. Presence
/// is written straight to the database here, so that only the reconciliations under test run.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GapAlertTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB4_AtTenOnAWorkingDayWithNobodySignedOn_EveryPostOfEveryActiveWindowHasOneOpenGapAlert()
    {
        await SetEveryHolderAsync(PresenceState.SignedOff);

        await hall.Monitor.ReconcileAsync();

        var posts = await hall.ActivePostSubjectsAsync();
        var open = await hall.OpenCoverageAlertsAsync();
        Assert.Equal(24, posts.Count);
        Assert.Equal(posts, open.Where(a => a.Kind == AlertKinds.CoverageGap).Select(a => a.Subject).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(open, a => a.Kind == AlertKinds.TakeOver);
        Assert.All(open, a =>
        {
            Assert.Equal(AlertSeverity.Critical, a.Severity);
            Assert.NotNull(a.WindowId);
            Assert.Equal(CoverageHall.WednesdayTen, a.RaisedAt);
            Assert.Null(a.ResolvedAt);
        });
    }

    [Fact]
    public async Task AB4_ReconcilingAgain_KeepsTheSameAlerts_AndFiveReconcilingAtOnceRaiseEachGapOnce()
    {
        await SetEveryHolderAsync(PresenceState.SignedOff);
        await hall.Monitor.ReconcileAsync();
        var first = (await hall.OpenCoverageAlertsAsync()).Select(a => a.Id).Order().ToList();

        await hall.Monitor.ReconcileAsync();

        Assert.Equal(24, first.Count);
        Assert.Equal(first, (await hall.OpenCoverageAlertsAsync()).Select(a => a.Id).Order());

        // Everyone on post clears every gap; then the hall empties at once and five runs race to raise them.
        await SetEveryHolderAsync(PresenceState.OnPost);
        await hall.Monitor.ReconcileAsync();
        Assert.Empty(await hall.OpenCoverageAlertsAsync());
        var lastId = await LastAlertIdAsync();
        await SetEveryHolderAsync(PresenceState.SignedOff);

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => hall.Monitor.ReconcileAsync())));

        var open = await hall.OpenCoverageAlertsAsync();
        Assert.All(open.GroupBy(a => (a.Kind, a.Subject)), g => Assert.Single(g));
        Assert.Equal(await hall.ActivePostSubjectsAsync(), open.Select(a => a.Subject).Order(StringComparer.Ordinal));
        await using var check = hall.CreateDbContext();
        // Only coverage alerts: the app's other jobs (complaint deadlines …) may raise theirs meanwhile.
        Assert.Equal(24, await check.Alerts.CountAsync(a => a.Id > lastId && (a.Kind == AlertKinds.CoverageGap || a.Kind == AlertKinds.TakeOver)));
    }

    [Fact]
    public async Task AB4_AReconcileThatAnotherInstanceBeatsToRaisingOneGap_StillResolvesTheGapThatCleared()
    {
        await SetEveryHolderAsync(PresenceState.SignedOff);
        var (post16, window16) = await hall.PostOfWindowAsync(16);
        var (post17, _) = await hall.PostOfWindowAsync(17);
        await SetAsync(("林峰", PresenceState.OnPost));       // A of window 16
        await hall.Monitor.ReconcileAsync();
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post16));
        var gap17 = await hall.OpenAlertAsync(AlertKinds.CoverageGap, post17);
        Assert.NotNull(gap17);

        // At once 林峰 leaves (window 16 needs a gap alert again) and 何勇, A of window 17, arrives (its gap clears);
        // another instance raises window 16's gap between this reconcile's read of the open alerts and its save.
        await SetAsync(("林峰", PresenceState.SignedOff), ("何勇", PresenceState.OnPost));
        hall.Hook.AfterRead(
            when: command => command.CommandText.Contains("FROM \"Alerts\"", StringComparison.Ordinal),
            then: async () =>
            {
                await using var other = hall.CreateDbContext();
                other.Alerts.Add(new Alert
                {
                    Kind = AlertKinds.CoverageGap, Subject = HallSubjects.Post(post16), Severity = AlertSeverity.Critical,
                    WindowId = window16, RaisedAt = hall.Clock.GetUtcNow(),
                });
                await other.SaveChangesAsync();
            });

        await hall.Monitor.ReconcileAsync();

        Assert.True(hall.Hook.Fired);
        Assert.NotNull(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post16));
        var cleared = await hall.AlertAsync(gap17.Id);
        Assert.True(!cleared.IsOpen, "window 17's gap alert is still open after the reconcile, though 何勇 is on post");
    }

    private async Task<long> LastAlertIdAsync()
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    /// <summary>Writes every post holder's presence straight to the database, as if each had signed on or off.</summary>
    private async Task SetEveryHolderAsync(PresenceState state)
    {
        await using var db = hall.CreateDbContext();
        var holders = await db.PostHolders.Select(h => h.StaffMember!.Name).Distinct().ToListAsync();
        await SetAsync([.. holders.Select(name => (name, state))]);
    }

    private async Task SetAsync(params (string Name, PresenceState State)[] changes)
    {
        await using var db = hall.CreateDbContext();
        var names = changes.Select(c => c.Name).ToList();
        var staff = await db.StaffMembers.Where(s => names.Contains(s.Name)).ToDictionaryAsync(s => s.Name, s => s.Id);
        var presences = await db.Presences.ToDictionaryAsync(p => p.StaffMemberId);
        foreach (var (name, state) in changes)
        {
            if (!presences.TryGetValue(staff[name], out var presence))
            {
                presence = new StaffPresence { StaffMemberId = staff[name] };
                db.Presences.Add(presence);
            }
            presence.State = state;
            presence.Since = hall.Clock.GetUtcNow();
        }
        await db.SaveChangesAsync();
    }
}
