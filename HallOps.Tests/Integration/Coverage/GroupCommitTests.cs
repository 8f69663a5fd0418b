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
/// one reconciliation of the alerts: each still checked on what is stored, stored with its own
/// history line and its own name in the audit log, answered in its own person's language, and
/// published; a change the database refuses fails alone.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class GroupCommitTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB4_ChangesMadeWhileAnotherIsSaved_AreEachStoredUnderTheirOwnName_AndOneRefusedLeavesTheOthers()
    {
        // The A holders of windows 3, 10, 11 and 12; none has signed on today.
        var people = new[] { ("王建华", 3), ("吴磊", 10), ("徐海燕", 11), ("孙涛", 12) };
        var ids = new Dictionary<string, int>();
        var posts = new Dictionary<string, int>();
        foreach (var (name, window) in people)
        {
            ids[name] = await hall.StaffIdAsync(name);
            posts[name] = (await hall.PostOfWindowAsync(window)).PostId;
        }
        bool SavesPresenceOf(DbContext context, string name) =>
            context.ChangeTracker.Entries<StaffPresence>().Any(e => e.Entity.StaffMemberId == ids[name]);
        var feed = hall.App.Services.GetRequiredService<HallEventFeed>();
        var seen = new ConcurrentQueue<string>();
        using var subscription = feed.Subscribe(e =>
        {
            seen.Enqueue(e.Subject);
            return Task.CompletedTask;
        });

        // 王建华's save is held until three more changes wait behind it; the database then refuses
        // 徐海燕's, and 孙涛 (reading the page in English) asks to come back without having left.
        hall.Hook.BeforeSave(context => SavesPresenceOf(context, "王建华"), async () =>
        {
            await Eventually.TrueAsync(() => Task.FromResult(hall.Monitor.WaitingChanges >= 3), TimeSpan.FromSeconds(20),
                "three more presence changes wait for the save in progress");
            hall.Hook.BeforeSave(context => SavesPresenceOf(context, "徐海燕"),
                () => throw new DbUpdateException("refused by the database"));
        });
        var scopes = new List<AsyncServiceScope>();
        Task<SaveResult> Act(string name, Func<PresenceService, Task<SaveResult>> action, string culture = "zh-CN")
        {
            var userName = $"user-{ids[name]}";
            var scope = hall.SignedIn(userName, HallRoles.Staff, ids[name]);
            scopes.Add(scope);
            var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                using (HallActor.Use(new Actor(userName, userName)))
                {
                    return action(scope.ServiceProvider.GetRequiredService<PresenceService>());
                }
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
            }
        }
        try
        {
            var first = Act("王建华", p => p.SignOnAsync(posts["王建华"]));
            await Eventually.TrueAsync(() => Task.FromResult(hall.Hook.Fired), TimeSpan.FromSeconds(10), "王建华's save has begun");
            var wulei = Act("吴磊", p => p.SignOnAsync(posts["吴磊"]));
            var xuhaiyan = Act("徐海燕", p => p.SignOnAsync(posts["徐海燕"]));
            var suntao = Act("孙涛", p => p.ComeBackAsync(), culture: "en");

            Assert.True((await first).Succeeded);
            Assert.True((await wulei).Succeeded);
            await Assert.ThrowsAsync<DbUpdateException>(() => xuhaiyan);
            Assert.Equal(["You are not away."], (await suntao).Errors);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        await using var db = hall.CreateDbContext();
        foreach (var (name, _) in people)
        {
            var id = ids[name];
            var key = id.ToString(CultureInfo.InvariantCulture);
            var presence = await db.Presences.AsNoTracking().SingleOrDefaultAsync(p => p.StaffMemberId == id);
            var history = await db.PresenceEvents.AsNoTracking().Where(e => e.StaffMemberId == id).Select(e => e.RecordedBy).ToListAsync();
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(StaffPresence) && a.EntityKey == key)
                .Select(a => new { a.Action, a.Actor }).ToListAsync();
            if (name is "徐海燕" or "孙涛")
            {
                Assert.Null(presence);
                Assert.Empty(history);
                Assert.Empty(audit);
                continue;
            }
            Assert.Equal((PresenceState.OnPost, posts[name]), (presence?.State, presence?.PostId));
            Assert.Equal([$"user-{id}"], history);
            Assert.Equal([(AuditAction.Insert, $"user-{id}")], audit.Select(a => (a.Action, a.Actor)));
            await Eventually.TrueAsync(() => Task.FromResult(seen.Contains(HallSubjects.Presence(id))), TimeSpan.FromSeconds(5),
                $"{name}'s sign-on is published");
        }
        Assert.DoesNotContain(HallSubjects.Presence(ids["徐海燕"]), seen);

        // The alerts were brought in line with the changes saved: a reconciliation now changes nothing.
        var open = (await hall.OpenCoverageAlertsAsync()).Select(a => (a.Kind, a.Subject)).Order().ToList();
        await hall.Monitor.ReconcileAsync();
        Assert.Equal(open, (await hall.OpenCoverageAlertsAsync()).Select(a => (a.Kind, a.Subject)).Order().ToList());
        Assert.DoesNotContain((AlertKinds.CoverageGap, HallSubjects.Post(posts["吴磊"])), open);
    }
}
