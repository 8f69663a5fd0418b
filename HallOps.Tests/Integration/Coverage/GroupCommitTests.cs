using System.Collections.Concurrent;
using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Audit;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// Presence changes made while another is being saved are saved together, in one transaction with
/// one reconciliation of the alerts: each still stored with its own history line and its own name
/// in the audit log, each published, and a change the database refuses fails alone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GroupCommitTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB4_ChangesMadeWhileAnotherIsSaved_AreEachStoredUnderTheirOwnName_AndOneRefusedLeavesTheOthers()
    {
        // The A holders of windows 3, 10, 11 and 12; none has signed on today.
        var people = new[] { ("王建华", "wangjianhua", 3), ("吴磊", "wulei", 10), ("徐海燕", "xuhaiyan", 11), ("孙涛", "suntao", 12) };
        var ids = new Dictionary<string, int>();
        var posts = new Dictionary<string, int>();
        var scopes = new List<AsyncServiceScope>();
        foreach (var (name, _, window) in people)
        {
            ids[name] = await hall.StaffIdAsync(name);
            posts[name] = (await hall.PostOfWindowAsync(window)).PostId;
        }
        var feed = hall.App.Services.GetRequiredService<HallEventFeed>();
        var seen = new ConcurrentQueue<string>();
        using var subscription = feed.Subscribe(e =>
        {
            seen.Enqueue(e.Subject);
            return Task.CompletedTask;
        });

        // 王建华's save is held until four more changes wait behind it: 吴磊's, 徐海燕's, and 孙涛's
        // from two browser tabs at once (neither tab has seen the other's sign-on).
        hall.Hook.BeforeSave(
            context => context.ChangeTracker.Entries<StaffPresence>().Any(e => e.Entity.StaffMemberId == ids["王建华"]),
            () => Eventually.TrueAsync(() => Task.FromResult(hall.Monitor.WaitingChanges >= 4), TimeSpan.FromSeconds(20),
                "four more presence changes wait for the save in progress"));
        Task<SaveResult> SignOn(string name, string userName)
        {
            var scope = hall.SignedIn(userName, HallRoles.Staff, ids[name]);
            scopes.Add(scope);
            using (HallActor.Use(new Actor(userName, userName)))
            {
                return scope.ServiceProvider.GetRequiredService<PresenceService>().SignOnAsync(posts[name]);
            }
        }
        try
        {
            var first = SignOn("王建华", "wangjianhua");
            await Eventually.TrueAsync(() => Task.FromResult(hall.Hook.Fired), TimeSpan.FromSeconds(10), "王建华's save has begun");
            var wulei = SignOn("吴磊", "wulei");
            var xuhaiyan = SignOn("徐海燕", "xuhaiyan");
            var tabs = new[] { SignOn("孙涛", "suntao"), SignOn("孙涛", "suntao") };

            Assert.True((await first).Succeeded);
            Assert.True((await wulei).Succeeded);
            Assert.True((await xuhaiyan).Succeeded);
            var outcomes = await Task.WhenAll(tabs.Select(async t =>
            {
                try
                {
                    return (await t).Succeeded;
                }
                catch (DbUpdateException)
                {
                    return false;
                }
            }));
            Assert.Equal(1, outcomes.Count(ok => ok)); // the second tab's insert of the same person is refused
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await using var db = hall.CreateDbContext();
        foreach (var (name, userName, _) in people)
        {
            var id = ids[name];
            var presence = await db.Presences.AsNoTracking().SingleAsync(p => p.StaffMemberId == id);
            Assert.Equal((PresenceState.OnPost, posts[name]), (presence.State, presence.PostId));
            var history = await db.PresenceEvents.AsNoTracking().Where(e => e.StaffMemberId == id).ToListAsync();
            Assert.Equal([userName], history.Select(e => e.RecordedBy));
            var key = id.ToString(CultureInfo.InvariantCulture);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(StaffPresence) && a.EntityKey == key).ToListAsync();
            Assert.Equal([(AuditAction.Insert, userName)], audit.Select(a => (a.Action, a.Actor)));
            await Eventually.TrueAsync(() => Task.FromResult(seen.Contains(HallSubjects.Presence(id))), TimeSpan.FromSeconds(5),
                $"{name}'s sign-on is published");
        }

        // The alerts were brought in line with all four changes: a reconciliation now changes nothing.
        var open = (await hall.OpenCoverageAlertsAsync()).Select(a => a.Id).Order().ToList();
        await hall.Monitor.ReconcileAsync();
        Assert.Equal(open, (await hall.OpenCoverageAlertsAsync()).Select(a => a.Id).Order().ToList());
        Assert.DoesNotContain(HallSubjects.Post(posts["孙涛"]), (await hall.OpenCoverageAlertsAsync()).Where(a => a.Kind == AlertKinds.CoverageGap).Select(a => a.Subject));
    }
}
