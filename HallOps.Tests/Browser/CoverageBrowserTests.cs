using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// AB-post coverage (AB3, AB4) in real browsers against the real app, open all day: a member of
/// staff leaves their post on a phone, the manager's wall shows the gap at once, a holder of the
/// window acknowledges it on the staff page, and the wall shows who did.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CoverageBrowserTests(ITestOutputHelper output) : BrowserTest
{
    // Demo hall: 张晓明 (account "staff") is A of window 1 and B of window 2; 李静 (no account) is
    // A of window 2 and B of window 1.
    private const int Window = 1;
    private const int PartnerWindow = 2;
    private const string StaffAccount = "staff";
    private const string WindowBHolder = "李静";
    private const string WindowAHolder = "张晓明";

    /// <summary>AB4: a push reaches the wall within this time (the assertion; Playwright waits longer, to measure).</summary>
    private static readonly TimeSpan PushLimit = TimeSpan.FromSeconds(1);

    private const float PushMeasureTimeout = 10_000;

    private static readonly Regex GapClass = new(@"(^|\s)is-gap(\s|$)");
    private static readonly Regex AckedClass = new(@"(^|\s)is-acked(\s|$)");

    [SkippableFact]
    public async Task AGoesAwayWithNoBOnPost_TheManagersWallShowsTheGapWithinOneSecond_WithoutReload()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await PrepareHallAsync(hall);
        Assert.NotEqual(PresenceState.OnPost, await hall.PresenceOfAsync(WindowBHolder));

        var wallContext = await hall.NewContextAsync(1920, 1080);
        var wall = await hall.OpenAsync(wallContext, "manager", "/", "/wall", CardSelector(Window));
        var card = Card(wall, Window);
        // Neither A nor B of window 1 is on post yet.
        await Expect(card).ToHaveAttributeAsync("data-state", "gap");

        var phone = await hall.NewContextAsync(390, 844);
        var my = await hall.OpenAsync(phone, StaffAccount, "/", "/my", $"[data-sign-on='{Window}']");
        await my.Locator($"[data-sign-on='{Window}']").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "bya", new LocatorAssertionsToHaveAttributeOptions { Timeout = PushMeasureTimeout });
        await Expect(card.Locator(".wall-card-a-name")).ToHaveTextAsync(WindowAHolder);
        Assert.NotEqual(PresenceState.OnPost, await hall.PresenceOfAsync(WindowBHolder));

        await BrowserHost.WaitForInteractiveAsync(my, "#my-go-away");
        await my.Locator("#my-go-away").ClickAsync();
        var confirm = my.Locator("#my-confirm-away");
        await Expect(confirm).ToBeVisibleAsync();
        // No handover chosen: the page warns that B will be told to take over (AB3).
        await Expect(my.GetByText("未交代给B岗")).ToBeVisibleAsync();

        await WatchWallCardAsync(wall, Window, "is-gap", "gap");
        await StampClicksAsync(my, "#my-confirm-away");
        var watch = Stopwatch.StartNew();
        await confirm.ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-state", "gap", new LocatorAssertionsToHaveAttributeOptions { Timeout = PushMeasureTimeout });
        await Expect(card).ToHaveClassAsync(GapClass, new LocatorAssertionsToHaveClassOptions { Timeout = PushMeasureTimeout });
        watch.Stop();

        var domLatency = await DomLatencyAsync(my, wall);
        output.WriteLine($"confirm click → wall card {Window} gap: {domLatency.TotalMilliseconds:0} ms by the pages' click stamp and DOM watcher, "
            + $"{watch.ElapsedMilliseconds} ms by stopwatch (Playwright's click and assertion polling included)");
        Assert.True(domLatency <= PushLimit,
            $"The gap took {domLatency.TotalMilliseconds:0} ms from the tap to reach the wall (limit {PushLimit.TotalMilliseconds:0} ms).");
        Assert.True(await wall.EvaluateAsync<bool>("() => window.__noReload === true"), "The wall page reloaded to show the gap.");

        await Expect(card.Locator(".wall-card-gap-state")).ToHaveTextAsync("空岗！");
        await Expect(card.Locator(".wall-card-ack")).ToHaveTextAsync("未确认");
        var gap = await hall.OpenAlertAsync(AlertKinds.CoverageGap, Window);
        Assert.NotNull(gap);
        Assert.Equal(AlertSeverity.Critical, gap.Severity);
        var line = wall.Locator($".wall-alerts .wall-alert[data-alert='{gap.Id}']");
        await Expect(line).ToBeVisibleAsync();
        await Expect(line.Locator(".wall-alert-kind")).ToHaveTextAsync("空岗");
        await Expect(line.Locator(".wall-alert-window")).ToHaveTextAsync("1号窗口 不动产登记");
        await Expect(line.Locator(".wall-alert-ack")).ToHaveTextAsync("未确认");
        // AB3: A left without a handover, so B is told to take over.
        Assert.NotNull(await hall.OpenAlertAsync(AlertKinds.TakeOver, Window));
        // The person who left sees the gap on the phone, with a button to acknowledge it.
        await Expect(my.Locator($"[data-ack='{gap.Id}']")).ToBeVisibleAsync();
        await Expect(my.Locator("#my-state")).ToContainTextAsync("离岗");

        await BrowserHost.FontsReadyAsync(wall);
        var path = BrowserHost.ScreenshotPath("wall-gap-1920x1080.png");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot {path}");
    }

    [SkippableFact]
    public async Task BAcknowledgesOnTheStaffPage_TheWallShowsWhoAcknowledged()
    {
        await using var hall = await CoverageBrowserSupport.StartAllDayAsync(Database);
        await PrepareHallAsync(hall);
        // Window 1's A left without a handover; its B is not on post: a gap (AB4).
        await hall.SetPresenceAsync(WindowAHolder, PresenceState.Away, atWindow: Window, reason: AwayReason.Business);
        await hall.Monitor.ReconcileAsync();
        var gap = await hall.OpenAlertAsync(AlertKinds.CoverageGap, Window);
        Assert.NotNull(gap);
        Assert.Null(gap.AcknowledgedAt);

        var wallContext = await hall.NewContextAsync(1920, 1080);
        var wall = await hall.OpenAsync(wallContext, "manager", "/", "/wall", CardSelector(Window));
        var card = Card(wall, Window);
        var line = wall.Locator($".wall-alerts .wall-alert[data-alert='{gap.Id}']");
        await Expect(card).ToHaveAttributeAsync("data-state", "gap");
        await Expect(card).ToHaveClassAsync(GapClass);
        await Expect(card).Not.ToHaveClassAsync(AckedClass);
        await Expect(card.Locator(".wall-card-ack")).ToHaveTextAsync("未确认");
        await Expect(line.Locator(".wall-alert-ack")).ToHaveTextAsync("未确认");

        // 张晓明 holds window 1 (A; its B 李静 has no account): he may acknowledge on his phone.
        var phone = await hall.NewContextAsync(390, 844);
        var my = await hall.OpenAsync(phone, StaffAccount, "/", "/my", $"[data-ack='{gap.Id}']");
        var ack = my.Locator($"[data-ack='{gap.Id}']");
        await Expect(ack).ToBeVisibleAsync();
        await BrowserHost.FontsReadyAsync(my);
        var scrollWidth = await my.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        var innerWidth = await my.EvaluateAsync<int>("() => window.innerWidth");
        var path = BrowserHost.ScreenshotPath("my-post-390x844.png");
        await my.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"/my at 390×844: scrollWidth {scrollWidth}, innerWidth {innerWidth}; screenshot {path}");

        await WatchWallCardAsync(wall, Window, "is-acked", null);
        await StampClicksAsync(my, $"[data-ack='{gap.Id}']");
        var watch = Stopwatch.StartNew();
        await ack.ClickAsync();
        await Expect(card).ToHaveClassAsync(AckedClass, new LocatorAssertionsToHaveClassOptions { Timeout = PushMeasureTimeout });
        await Expect(card.Locator(".wall-card-ack")).ToContainTextAsync("已确认 · 张晓明", new LocatorAssertionsToContainTextOptions { Timeout = PushMeasureTimeout });
        await Expect(line.Locator(".wall-alert-ack")).ToContainTextAsync("已确认 · 张晓明", new LocatorAssertionsToContainTextOptions { Timeout = PushMeasureTimeout });
        watch.Stop();

        var domLatency = await DomLatencyAsync(my, wall);
        output.WriteLine($"acknowledge click → wall card {Window} acknowledged: {domLatency.TotalMilliseconds:0} ms by the pages' click stamp and DOM watcher, "
            + $"{watch.ElapsedMilliseconds} ms by stopwatch (Playwright's click and assertion polling included, card and alert line)");
        Assert.True(domLatency <= PushLimit,
            $"The acknowledgement took {domLatency.TotalMilliseconds:0} ms from the tap to reach the wall (limit {PushLimit.TotalMilliseconds:0} ms).");
        Assert.True(await wall.EvaluateAsync<bool>("() => window.__noReload === true"), "The wall page reloaded to show the acknowledgement.");
        // Still a gap: acknowledged is not cleared.
        await Expect(card).ToHaveAttributeAsync("data-state", "gap");
        await Expect(card).ToHaveClassAsync(GapClass);
        var wallPath = BrowserHost.ScreenshotPath("wall-acked-1920x1080.png");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = wallPath });
        output.WriteLine($"screenshot {wallPath}");

        // The staff page: the button is gone, the line says who acknowledged.
        await Expect(ack).ToHaveCountAsync(0);
        await Expect(my.Locator($"[data-alert='{gap.Id}']")).ToContainTextAsync("已确认 · 张晓明");
        var stored = await hall.AlertAsync(gap.Id);
        Assert.Equal("张晓明", stored.AcknowledgedBy);
        Assert.NotNull(stored.AcknowledgedAt);
        Assert.True(stored.IsOpen);

        // A second person (the manager) acknowledging the same alert is told who was first.
        var previousCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            await using var manager = await hall.SignedInScopeAsync("manager");
            var second = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(gap.Id, null);
            Assert.False(second.Succeeded);
            var message = Assert.Single(second.Errors);
            output.WriteLine($"second acknowledgement (manager): {message}");
            Assert.Matches(@"^该告警已由张晓明于\d{2}:\d{2}:\d{2}确认。$", message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousCulture;
        }
        var after = await hall.AlertAsync(gap.Id);
        Assert.Equal("张晓明", after.AcknowledgedBy);
        Assert.Equal(stored.AcknowledgedAt, after.AcknowledgedAt);
    }

    /// <summary>
    /// The hall open now, everyone on post at their own window except the holders of windows 1 and
    /// 2 (张晓明 and 李静, both signed off), and the alerts brought in line, before any page loads.
    /// </summary>
    private static async Task PrepareHallAsync(BrowserHost hall)
    {
        await hall.App.OpenTheHallNowAsync();
        await hall.SignOnAHoldersExceptAsync(Window, PartnerWindow);
        await hall.SetPresenceAsync(WindowBHolder, PresenceState.SignedOff);
        await hall.Monitor.ReconcileAsync();
    }

    /// <summary>
    /// Marks the wall page (a marker only a reload removes) and stamps the moment the card gets the
    /// class (and state). The assertions use these stamps — the tap the page saw to the change the wall
    /// shows, on one browser's clock — not the test's stopwatch, which also counts Playwright's own
    /// click round trip and polling.
    /// </summary>
    private static Task WatchWallCardAsync(IPage wall, int window, string className, string? state) =>
        wall.EvaluateAsync(
            """
            ([selector, className, state]) => {
                window.__noReload = true;
                window.__cardChangedAt = null;
                const done = () => {
                    const card = document.querySelector(selector);
                    return !!card && card.classList.contains(className) && (state === null || card.dataset.state === state);
                };
                const observer = new MutationObserver(() => {
                    if (window.__cardChangedAt === null && done()) {
                        window.__cardChangedAt = (performance.timeOrigin + performance.now());
                        observer.disconnect();
                    }
                });
                observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
            }
            """,
            new object?[] { CardSelector(window), className, state });

    /// <summary>Stamps the moment the page sees the first click on the element.</summary>
    private static Task StampClicksAsync(IPage page, string selector) =>
        page.EvaluateAsync(
            """
            selector => {
                window.__clickedAt = null;
                document.addEventListener('click', event => {
                    if (window.__clickedAt === null && event.target instanceof Element && event.target.closest(selector)) {
                        window.__clickedAt = (performance.timeOrigin + performance.now());
                    }
                }, true);
            }
            """,
            selector);

    /// <summary>Click on one page to change on the wall, by the pages' own stamps (one browser, one clock).</summary>
    private static async Task<TimeSpan> DomLatencyAsync(IPage clicked, IPage wall)
    {
        var clickedAt = await clicked.EvaluateAsync<long?>("() => window.__clickedAt");
        var changedAt = await wall.EvaluateAsync<long?>("() => window.__cardChangedAt");
        Assert.True(clickedAt is not null, "The page did not see the tap.");
        Assert.True(changedAt is not null, "The wall's watcher did not see the change.");
        return TimeSpan.FromMilliseconds(changedAt.Value - clickedAt.Value);
    }

    private static string CardSelector(int number) => $".wall-card[data-window='{number}']";

    private static ILocator Card(IPage page, int number) => page.Locator(CardSelector(number));
}
