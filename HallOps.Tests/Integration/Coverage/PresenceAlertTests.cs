using System.Collections.Concurrent;
using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// A presence change is stored, the alerts follow at once, and the screens hear of it: window 1's
/// post has 张晓明 (account "staff") as A and 李静 (A of window 2) as B.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PresenceAlertTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private const string A = "张晓明";
    private const string B = "李静";

    [Fact]
    public async Task AB3_AB4_AAwayWithoutHandover_WarnsBToTakeOver_BLeavingTooOpensAGapThatIsPublished_AndABackResolvesIt()
    {
        var (post1, window1) = await hall.PostOfWindowAsync(1);
        var (post2, _) = await hall.PostOfWindowAsync(2);
        await using var a = await hall.StaffAsync(A, "staff");
        await using var b = await hall.StaffAsync(B);
        var asA = a.ServiceProvider.GetRequiredService<PresenceService>();
        var asB = b.ServiceProvider.GetRequiredService<PresenceService>();

        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await asB.SignOnAsync(post2)).Succeeded);
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post1));

        // AB3: A leaves without handing over while B is on post → B must take over; the post is covered.
        Assert.True((await asA.GoAwayAsync(new AwayRequest { Reason = AwayReason.Business })).Succeeded);
        var takeOver = await hall.OpenAlertAsync(AlertKinds.TakeOver, post1);
        Assert.NotNull(takeOver);
        Assert.Equal((AlertSeverity.Warning, window1), (takeOver.Severity, takeOver.WindowId));
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post1));

        // AB4: B leaves too → nobody on post → a gap alert, and its row's event reaches the feed.
        var feed = hall.App.Services.GetRequiredService<HallEventFeed>();
        var seen = new ConcurrentQueue<string>();
        using (feed.Subscribe(e =>
        {
            seen.Enqueue(e.Subject);
            return Task.CompletedTask;
        }))
        {
            Assert.True((await asB.SignOffAsync()).Succeeded);

            var gap = await hall.OpenAlertAsync(AlertKinds.CoverageGap, post1);
            Assert.NotNull(gap);
            Assert.Equal((AlertSeverity.Critical, window1, hall.Clock.GetUtcNow()), (gap.Severity, gap.WindowId, gap.RaisedAt));
            var published = HallSubjects.Alert(gap.Id);
            await Eventually.TrueAsync(() => Task.FromResult(seen.Contains(published)), TimeSpan.FromSeconds(5),
                $"the gap alert's event {published} is published on the hall event feed");
            Assert.Contains(HallSubjects.Presence(await hall.StaffIdAsync(B)), seen);

            // A comes back a minute later: the gap and the take-over clear.
            hall.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.True((await asA.ComeBackAsync()).Succeeded);

            var resolved = await hall.AlertAsync(gap.Id);
            Assert.False(resolved.IsOpen);
            Assert.Equal(hall.Clock.GetUtcNow(), resolved.ResolvedAt);
            Assert.False((await hall.AlertAsync(takeOver.Id)).IsOpen);
            Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post1));
            Assert.Null(await hall.OpenAlertAsync(AlertKinds.TakeOver, post1));
        }
    }

    [Fact]
    public async Task AB3_AAwayWithAHandoverToB_IsCoveredByB_WithNoTakeOverAlert_AndTheHandoverIsRecorded()
    {
        await using var pair = await hall.AbPairAsync();
        var (post1, post2, bId, asA) = (pair.Post1, pair.Post2, pair.BId, pair.A);
        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await pair.B.SignOnAsync(post2)).Succeeded);
        var back = hall.Clock.GetUtcNow().AddHours(1);

        var result = await asA.GoAwayAsync(new AwayRequest
        {
            Reason = AwayReason.Study, ExpectedReturn = back, HandoverToStaffId = bId, HandoverNote = "  王先生的抵押登记材料在左侧柜中  ",
        });

        Assert.True(result.Succeeded);
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.TakeOver, post1));
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post1));
        var mine = await asA.MineAsync();
        Assert.NotNull(mine?.Now);
        Assert.Equal((PresenceState.Away, bId, "王先生的抵押登记材料在左侧柜中"), (mine.Now.State, mine.Now.HandoverToStaffId, mine.Now.HandoverNote));
        Assert.Contains(mine.MyBackups, p => p.StaffId == bId && p.State == PresenceState.OnPost);
        await using var db = hall.CreateDbContext();
        var aId = await hall.StaffIdAsync(A);
        var line = await db.PresenceEvents.Where(e => e.StaffMemberId == aId).OrderByDescending(e => e.Id).FirstAsync();
        Assert.Equal((PresenceState.Away, AwayReason.Study, back, bId, "staff"), (line.State, line.Reason, line.ExpectedReturn, line.HandoverToStaffId, line.RecordedBy));

        Assert.True((await asA.ComeBackAsync()).Succeeded);
    }

    [Fact]
    public async Task AB3_AStaffPageReadingOnlyThePresenceAgain_ShowsWhatAFullReadShows()
    {
        // The staff page keeps the posts it read and, for a presence change, reads only the presence
        // again: A's own state and B's, on the same posts.
        await using var pair = await hall.AbPairAsync();
        var (post1, post2, bId, asA, asB) = (pair.Post1, pair.Post2, pair.BId, pair.A, pair.B);
        await asB.SignOffAsync(); // signed off, whatever the tests before left
        var before = await asA.MineAsync();
        Assert.NotNull(before);

        Assert.True((await asA.SignOnAsync(post1)).Succeeded);
        Assert.True((await asB.SignOnAsync(post2)).Succeeded);
        Assert.True((await asA.GoAwayAsync(new AwayRequest { Reason = AwayReason.Business, HandoverToStaffId = bId })).Succeeded);
        var again = await asA.MineAsync(before);
        var full = await asA.MineAsync();

        static object Shown(MyPresence? me) => me is null ? "none" : string.Join("; ",
            [$"{me.StaffId} {me.Name} {me.Now?.State} {me.Now?.HandoverToStaffId}",
             .. me.Posts.Select(p => $"{p.PostId} {p.Role}: " + string.Join(", ", p.Others.Select(o => $"{o.StaffId} {o.Role} {o.State}")))]);
        Assert.Equal(Shown(full), Shown(again));
        Assert.Equal(PresenceState.Away, again!.Now?.State);
        Assert.Contains(again.MyBackups, o => o.StaffId == bId && o.State == PresenceState.OnPost);
        Assert.DoesNotContain(before.MyBackups, o => o.StaffId == bId && o.State == PresenceState.OnPost);

        Assert.True((await asA.ComeBackAsync()).Succeeded);
        Assert.True((await asB.SignOffAsync()).Succeeded);
    }

    [Fact]
    public async Task AB4_ASignOnWhileTheMinuteScanRuns_LeavesNoGapAlertOnceBothHaveRun()
    {
        var (post3, _) = await hall.PostOfWindowAsync(3);
        await hall.Monitor.ReconcileAsync();
        Assert.NotNull(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post3));
        await using var a = await hall.StaffAsync("王建华");   // A of window 3
        var presence = a.ServiceProvider.GetRequiredService<PresenceService>();
        Task<SaveResult>? signingOn = null;
        // The scan reads who is on post; then 王建华 signs on while the scan goes on to read the open
        // alerts and save; his change's own reconcile runs once the scan is done.
        hall.Hook.AfterRead(
            when: command => command.CommandText.Contains("FROM \"Presences\"", StringComparison.Ordinal),
            then: () =>
            {
                signingOn = presence.SignOnAsync(post3);
                return Task.CompletedTask;
            });

        await hall.Monitor.ReconcileAsync();
        var signedOn = await signingOn!;

        Assert.True(hall.Hook.Fired);
        Assert.True(signedOn.Succeeded);
        Assert.Equal(PresenceState.OnPost, (await presence.MineAsync())?.Now?.State);
        var gap = await hall.OpenAlertAsync(AlertKinds.CoverageGap, post3);
        Assert.True(gap is null, $"a gap alert raised at {gap?.RaisedAt.ToOffset(CoverageHall.Beijing):HH:mm:ss} is open for window 3 while its A is on post");
    }
}
