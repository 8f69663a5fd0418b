using System.Collections.Concurrent;
using System.Net;
using HallOps.Domain.Audit;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration;

/// <summary>One mechanism audits every change and publishes its event only after the commit.</summary>
[Collection(WebCollection.Name)]
public sealed class AuditAndEventTests(SeededHall hall) : IClassFixture<SeededHall>
{
    private readonly HallAppFactory _app = hall.App;

    [Fact]
    public async Task ChangingAWindow_WritesWhoWhatWhenAndBeforeAfter()
    {
        await using (var db = _app.CreateDbContext())
        using (HallActor.Use(new Actor("manager", "user-1")))
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 7);
            window.Name = "公积金提取";
            await db.SaveChangesAsync();
        }

        await using var check = _app.CreateDbContext();
        var id = await check.Windows.Where(w => w.Number == 7).Select(w => w.Id).SingleAsync();
        var entry = await check.AuditEntries
            .Where(a => a.EntityType == nameof(ServiceWindow) && a.EntityKey == id.ToString() && a.Action == AuditAction.Update)
            .OrderByDescending(a => a.At).FirstAsync();
        Assert.Equal("manager", entry.Actor);
        Assert.Equal("user-1", entry.UserId);
        Assert.Contains("\"Name\":\"公积金\"", entry.Before);
        Assert.Contains("\"Name\":\"公积金提取\"", entry.After);
        Assert.DoesNotContain("Number", entry.After);
    }

    [Fact]
    public async Task AddingARow_IsAuditedWithTheKeyTheDatabaseGenerated()
    {
        int id;
        await using (var db = _app.CreateDbContext())
        {
            var unit = new HomeUnit { Name = "县司法局" + Guid.NewGuid().ToString("N")[..6] };
            db.HomeUnits.Add(unit);
            await db.SaveChangesAsync();
            id = unit.Id;
        }

        await using var check = _app.CreateDbContext();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(HomeUnit) && a.EntityKey == id.ToString());
        Assert.Equal(AuditAction.Insert, entry.Action);
        Assert.Contains($"\"Id\":{id}", entry.After);
    }

    [Fact]
    public async Task AuditLines_CannotBeChangedOrDeleted()
    {
        await using var db = _app.CreateDbContext();
        var line = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync();
        var actor = line.Actor;

        line.Actor = "someone-else";
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(a => a.Id == line.Id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        await using var check = _app.CreateDbContext();
        Assert.Equal(actor, (await check.AuditEntries.SingleAsync(a => a.Id == line.Id)).Actor);
    }

    [Fact]
    public async Task SignInSignOutAndAFailedSignIn_AreAudited()
    {
        var client = await DemoAccounts.SignInAsync(_app, "guard");
        var home = await client.GetStringAsync("/");
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = DemoAccounts.TokenOf(home),
        }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        var stranger = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = await stranger.GetStringAsync("/account/login");
        var failed = await stranger.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = DemoAccounts.TokenOf(form),
            ["Input.UserName"] = "guard",
            ["Input.Password"] = "wrong-password",
        }));
        Assert.Contains("账号或密码不正确", await failed.Content.ReadAsStringAsync());

        await using var db = _app.CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Actor == "guard").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal([AuditAction.SignIn, AuditAction.SignOut, AuditAction.SignInFailed], actions);
    }

    [Fact]
    public async Task PasswordHashesNeverReachTheAuditLog()
    {
        await using var db = _app.CreateDbContext();

        var userLines = await db.AuditEntries.Where(a => a.EntityType == "HallUser").Select(a => a.Before + a.After).ToListAsync();

        // Identity's hashes start "AQAAAA" (format marker, base64); the line keeps only that a hash was set.
        Assert.Contains(userLines, line => line.Contains("\"PasswordHash\":\"***\""));
        Assert.All(userLines, line => Assert.DoesNotContain("AQAAAA", line));
    }

    [Fact]
    public async Task Sqlite_OrdersAndFiltersInstantsByTheMomentTheyHappened()
    {
        // 09:00 in Beijing is 01:00 UTC: stored text would sort it after 05:00 UTC; the moment sorts it first.
        var marker = Guid.NewGuid().ToString("N");
        var beijing = TimeSpan.FromHours(8);
        var early = new DateTimeOffset(2026, 11, 20, 9, 0, 0, beijing);
        var middle = new DateTimeOffset(2026, 11, 20, 5, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 11, 20, 14, 0, 0, beijing);
        await using (var db = _app.CreateDbContext())
        {
            foreach (var (at, name) in new[] { (late, "late"), (early, "early"), (middle, "middle") })
            {
                db.AuditEntries.Add(new AuditEntry { At = at, Actor = marker, Action = AuditAction.SignIn, Detail = name });
            }
            await db.SaveChangesAsync();
        }

        await using var check = _app.CreateDbContext();
        var ordered = await check.AuditEntries.Where(a => a.Actor == marker).OrderBy(a => a.At).Select(a => a.Detail).ToListAsync();
        var after = await check.AuditEntries.Where(a => a.Actor == marker && a.At > early).Select(a => a.Detail).ToListAsync();

        Assert.Equal(["early", "middle", "late"], ordered);
        Assert.Equal(["late", "middle"], after.Order().ToList());
        Assert.Equal(TimeSpan.Zero, (await check.AuditEntries.FirstAsync(a => a.Actor == marker)).At.Offset);
    }

    [Fact]
    public async Task Events_ArePublishedOnlyAfterTheCommit_AndNeverForARollback()
    {
        var feed = _app.Services.GetRequiredService<HallEventFeed>();
        var seen = new ConcurrentQueue<string>();
        using var subscription = feed.Subscribe(e =>
        {
            seen.Enqueue(e.Subject);
            return Task.CompletedTask;
        });

        await using var db = _app.CreateDbContext();
        var window = await db.Windows.SingleAsync(w => w.Number == 11);
        var subject = HallSubjects.Window(window.Id);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            window.Name = "户籍（回滚）";
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }
        db.ChangeTracker.Clear();

        window = await db.Windows.SingleAsync(w => w.Number == 11);
        await using var transaction = await db.Database.BeginTransactionAsync();
        window.Name = "户籍业务";
        await db.SaveChangesAsync();
        await Task.Delay(200); // subscribers run on their own queues: give one the chance to (wrongly) see it
        Assert.DoesNotContain(subject, seen);

        await transaction.CommitAsync();
        await Eventually.TrueAsync(() => Task.FromResult(seen.Contains(subject)), TimeSpan.FromSeconds(5), "the committed change is published");
        Assert.Single(seen, s => s == subject);
    }

    [Fact]
    public async Task AnEventsNumber_IsGivenAfterItsCommit_SoAReadStartedAtThatCountShowsTheChange()
    {
        // A clerk's page that reads everything after its own click skips the click's events by their number.
        var feed = _app.Services.GetRequiredService<HallEventFeed>();
        var numbered = new ConcurrentQueue<(string Subject, long Number)>();
        using var subscription = feed.Subscribe((e, number) =>
        {
            numbered.Enqueue((e.Subject, number));
            return Task.CompletedTask;
        });

        await using var db = _app.CreateDbContext();
        var window = await db.Windows.SingleAsync(w => w.Number == 12);
        var subject = HallSubjects.Window(window.Id);
        var before = feed.Delivered;
        window.Name = "社保业务（编号）";
        await db.SaveChangesAsync();
        var after = feed.Delivered;

        // The save returned after its events were numbered: a read begun now (count = after) sees them.
        await Eventually.TrueAsync(() => Task.FromResult(numbered.Any(n => n.Subject == subject)), TimeSpan.FromSeconds(5), "the change is delivered");
        var mine = numbered.Single(n => n.Subject == subject);
        Assert.InRange(mine.Number, before + 1, after);
        await using var read = _app.CreateDbContext();
        Assert.Equal("社保业务（编号）", (await read.Windows.SingleAsync(w => w.Id == window.Id)).Name);

        // Numbers rise in delivery order, one per event.
        var numbers = numbered.Select(n => n.Number).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
