using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Staffing;
using HallOps.Tests.Support;
using HallOps.Web.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 今日在岗情况 (AB4, SC2.2) in a real browser against the real app, open all day: the manager opens
/// /manage/coverage, every window's day is drawn from the stored presence history, and a presence
/// change made meanwhile reaches the page without a reload.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CoverageDayBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task CoverageDay_TheManagerOpensThePage_TheTimelineShowsAByBAndGapStretches_AndFollowsAPresenceChange()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await hall.App.OpenTheHallNowAsync();
        await StageTodayAsync(hall);

        var context = await hall.NewContextAsync(1920, 1080);
        var page = await hall.OpenAsync(context, "manager", "/", "/manage/coverage", "#coverage-table tr[data-window='1']");
        await BrowserHost.FontsReadyAsync(page);

        await Expect(page.Locator("#coverage-title")).ToHaveTextAsync("今日在岗情况");
        await Expect(page.Locator("#coverage-table tbody tr")).ToHaveCountAsync(24);
        var bar1 = page.Locator(".cov-bar[data-timeline='1']");
        var b = bar1.Locator(".cov-seg[data-state='byb']");
        await Expect(b).ToHaveCountAsync(1);
        await Expect(b).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^\d{2}:\d{2}–\d{2}:\d{2} B岗顶岗 李静$"));
        await Expect(page.Locator(".cov-bar[data-timeline='3'] .cov-seg[data-state='gap']")).Not.ToHaveCountAsync(0);
        var gapCell = page.Locator("#coverage-table tr[data-window='3'] td[data-minutes='gap']");
        Assert.True(int.Parse(await gapCell.InnerTextAsync()) > 0, "window 3 was left as a gap for a while today");
        await Expect(page.Locator("#coverage-hours .cov-hour").First).ToBeVisibleAsync();
        await Expect(page.Locator("#coverage-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/manage/coverage/\d{4}-\d{2}-\d{2}\.xlsx$"));
        // The bars fill the width of a 1920 px screen without a horizontal scroll.
        var barWidth = await bar1.EvaluateAsync<double>("e => e.getBoundingClientRect().width");
        Assert.True(barWidth > 900, $"the timeline bar is {barWidth} px wide");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

        var path = BrowserHost.ScreenshotPath("coverage-day-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");

        // Live: 张晓明 (A of window 1) leaves now; 李静 is on post, so window 1 gets a second B stretch.
        await page.EvaluateAsync("() => window.__noReload = true");
        await using (var staff = await hall.SignedInScopeAsync("staff"))
        {
            var left = await staff.ServiceProvider.GetRequiredService<PresenceService>().GoAwayAsync(new AwayRequest { Reason = AwayReason.Business });
            Assert.True(left.Succeeded, string.Join("; ", left.Errors));
        }
        await Expect(b).ToHaveCountAsync(2, new LocatorAssertionsToHaveCountOptions { Timeout = 10_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page reloaded to show the change");
    }

    /// <summary>
    /// Today's history, spread between midnight and now: every A signs on early; 张晓明 (A of window 1)
    /// hands over to 李静 (his B, on post at window 2) and is back later; window 3's A leaves with no
    /// B on post (a gap) and comes back.
    /// </summary>
    private static async Task StageTodayAsync(BrowserHost hall)
    {
        var time = hall.App.Services.GetRequiredService<TimeProvider>();
        var calendar = await hall.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var now = time.GetUtcNow();
        var midnight = calendar.ToInstant(calendar.LocalDate(now), TimeOnly.MinValue);
        DateTimeOffset At(double fraction) => midnight + (now - midnight) * fraction;

        await using var db = hall.App.CreateDbContext();
        var aHolders = await db.PostHolders.Where(h => h.Role == PostRole.A)
            .Select(h => new { h.StaffMemberId, h.PostId, h.Post!.Window!.Number, h.StaffMember!.Name }).ToListAsync();
        var liJing = aHolders.Single(h => h.Name == "李静").StaffMemberId;
        var events = aHolders.Select(h => Event(h.StaffMemberId, h.PostId, At(0.05), PresenceState.OnPost)).ToList();
        var one = aHolders.Single(h => h.Number == 1);
        var three = aHolders.Single(h => h.Number == 3);
        events.Add(Event(one.StaffMemberId, one.PostId, At(0.35), PresenceState.Away, handoverTo: liJing));
        events.Add(Event(one.StaffMemberId, one.PostId, At(0.55), PresenceState.OnPost));
        events.Add(Event(three.StaffMemberId, three.PostId, At(0.45), PresenceState.Away));
        events.Add(Event(three.StaffMemberId, three.PostId, At(0.7), PresenceState.OnPost));
        db.PresenceEvents.AddRange(events);

        var rows = await db.Presences.ToDictionaryAsync(p => p.StaffMemberId);
        foreach (var last in events.GroupBy(e => e.StaffMemberId).Select(g => g.OrderBy(e => e.At).Last()))
        {
            if (!rows.TryGetValue(last.StaffMemberId, out var row))
            {
                row = new StaffPresence { StaffMemberId = last.StaffMemberId };
                db.Presences.Add(row);
            }
            row.State = last.State;
            row.PostId = last.PostId;
            row.Since = last.At;
            row.Reason = null;
            row.HandoverToStaffId = null;
        }
        await db.SaveChangesAsync();
        await hall.Monitor.ReconcileAsync();
    }

    private static PresenceEvent Event(int staffId, int postId, DateTimeOffset at, PresenceState state, int? handoverTo = null) => new()
    {
        StaffMemberId = staffId,
        PostId = postId,
        At = at,
        State = state,
        Reason = state == PresenceState.Away ? AwayReason.Business : null,
        HandoverToStaffId = handoverTo,
        RecordedBy = "test",
    };
}
