using System.Collections.Concurrent;
using System.Text.Json;
using HallOps.Domain.Calendar;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Tests.Browser;
using HallOps.Tests.Support;
using HallOps.Web.Push;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using StackExchange.Redis;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.ScaleOut;

/// <summary>
/// The browser side of the scale-out tests: a wall screen signed in through nginx and pinned to one
/// instance by its affinity cookie, the WebSocket handshakes it makes (seen through the DevTools
/// protocol, with their HTTP status), and the staff page (/my) on another instance whose presence
/// changes the wall must show (AB4: the wall shows who is on post, within a second).
/// </summary>
public sealed class ScaleOutWall : IAsyncDisposable
{
    // Demo hall: 张晓明 (account "staff") is A of window 1; 李静 (no account) is its B.
    public const int Window = 1;
    public const string StaffAccount = "staff";
    private const string WindowAHolder = "张晓明";
    private const string WindowBHolder = "李静";

    private readonly IPlaywright _playwright;
    private readonly List<IBrowserContext> _contexts = [];

    private ScaleOutWall(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>The opening hours the cluster runs with for these tests: open all day, so the wall shows coverage at any hour.</summary>
    public static IReadOnlyDictionary<string, string?> AllDaySettings => CoverageBrowserSupport.AllDaySettings;

    public static async Task<ScaleOutWall> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            return new ScaleOutWall(playwright, await BrowserHost.LaunchChromiumAsync(playwright));
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Today is a working day (an adjusted one if the calendar says otherwise) and nobody holds
    /// window 1, so its card shows a gap; the instances' cached calendars are told by the event relay.
    /// </summary>
    public static async Task PrepareHallAsync(ScaleOutCluster cluster)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        await using (var db = cluster.Database.CreateDbContext())
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), zone).DateTime);
            var day = await db.CalendarDays.SingleOrDefaultAsync(d => d.Date == today);
            var weekend = today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (day is { Kind: CalendarDayKind.Holiday } || (day is null && weekend))
            {
                if (day is null)
                {
                    db.CalendarDays.Add(new CalendarDay { Date = today, Kind = CalendarDayKind.AdjustedWorkday, Name = "测试" });
                }
                else
                {
                    day.Kind = CalendarDayKind.AdjustedWorkday;
                }
            }
            var holders = await db.StaffMembers.Where(s => s.Name == WindowAHolder || s.Name == WindowBHolder).Select(s => s.Id).ToListAsync();
            db.Presences.RemoveRange(await db.Presences.Where(p => holders.Contains(p.StaffMemberId)).ToListAsync());
            await db.SaveChangesAsync();
        }
        // The test's context publishes nothing: tell both instances' calendars, as a manager's edit would.
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis!);
        var calendarChanged = new HallEvent(HallEvent.Kinds.Changed, HallSubjects.Calendar, TimeProvider.System.GetUtcNow(), "scale-out-test");
        await redis.GetSubscriber().PublishAsync(RedisRelayOptions.Channel, JsonSerializer.Serialize(calendarChanged));
    }

    /// <summary>Opens the wall through nginx, pinned by its affinity cookie, signed in as the wall account.</summary>
    public async Task<WallScreen> OpenWallAsync(ScaleOutCluster cluster, string affinity)
    {
        var context = await NewContextAsync(1920, 1080);
        await context.AddCookiesAsync([new Cookie { Name = "hallops_node", Value = affinity, Url = cluster.Nginx.Origin }]);
        var page = await context.NewPageAsync();
        var wall = new WallScreen(cluster, page);
        await wall.WatchAsync(context);
        await SignInAsync(page, cluster.Nginx.Origin, "wall", "/wall");
        await BrowserHost.WaitForInteractiveAsync(page, CardSelector(Window));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-connection", "up");
        return wall;
    }

    /// <summary>The staff page of window 1's A holder, straight on <paramref name="instance"/> (not through nginx).</summary>
    public async Task<IPage> OpenStaffPageAsync(AppInstance instance)
    {
        var context = await NewContextAsync(390, 844);
        var page = await context.NewPageAsync();
        await SignInAsync(page, instance.Origin, StaffAccount, "/");
        await page.GotoAsync(instance.Origin + "/my", new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await BrowserHost.WaitForInteractiveAsync(page, $"[data-sign-on='{Window}']");
        return page;
    }

    /// <summary>Closes the pages a test opened (the next test starts with none).</summary>
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        _contexts.Clear();
    }

    public static string CardSelector(int number) => $".wall-card[data-window='{number}']";

    /// <summary>
    /// Presses a button on the staff page and measures, on the browser's one clock, from the tap the
    /// page saw to the moment the wall's card of window 1 shows <paramref name="state"/>.
    /// </summary>
    public static async Task<TimeSpan> ChangeAndMeasureAsync(IPage staff, WallScreen wall, Func<Task> press, string tapSelector, string state)
    {
        await wall.Page.EvaluateAsync(
            """
            ([selector, state]) => {
                window.__cardChangedAt = null;
                const observer = new MutationObserver(() => {
                    const card = document.querySelector(selector);
                    if (window.__cardChangedAt === null && card && card.dataset.state === state) {
                        window.__cardChangedAt = Date.now();
                        observer.disconnect();
                    }
                });
                observer.observe(document.body, { childList: true, subtree: true, attributes: true });
            }
            """,
            new object[] { CardSelector(Window), state });
        await staff.EvaluateAsync(
            """
            selector => {
                window.__clickedAt = null;
                document.addEventListener('click', event => {
                    if (window.__clickedAt === null && event.target instanceof Element && event.target.closest(selector)) {
                        window.__clickedAt = Date.now();
                    }
                }, { capture: true, once: false });
            }
            """,
            tapSelector);
        await press();
        await Expect(wall.Page.Locator(CardSelector(Window))).ToHaveAttributeAsync("data-state", state, new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        var clickedAt = await staff.EvaluateAsync<long?>("() => window.__clickedAt");
        var changedAt = await wall.Page.EvaluateAsync<long?>("() => window.__cardChangedAt");
        Assert.True(clickedAt is not null, "The staff page did not see the tap.");
        Assert.True(changedAt is not null, "The wall's watcher did not see the change.");
        return TimeSpan.FromMilliseconds(changedAt.Value - clickedAt.Value);
    }

    /// <summary>
    /// The staff page's presence changes, in turn: on post (A), away (gap), back (A), … The first
    /// (signing on) is the first of its kind on both instances since they started.
    /// </summary>
    public static async Task<List<TimeSpan>> PresenceChangesAsync(IPage staff, WallScreen wall, int count)
    {
        var latencies = new List<TimeSpan>
        {
            await ChangeAndMeasureAsync(staff, wall, () => staff.Locator($"[data-sign-on='{Window}']").ClickAsync(), $"[data-sign-on='{Window}']", "bya"),
        };
        while (latencies.Count < count)
        {
            await BrowserHost.WaitForInteractiveAsync(staff, "#my-go-away");
            await staff.Locator("#my-go-away").ClickAsync();
            var confirm = staff.Locator("#my-confirm-away");
            await Expect(confirm).ToBeVisibleAsync();
            latencies.Add(await ChangeAndMeasureAsync(staff, wall, () => confirm.ClickAsync(), "#my-confirm-away", "gap"));
            if (latencies.Count == count)
            {
                break;
            }
            await BrowserHost.WaitForInteractiveAsync(staff, "#my-come-back");
            latencies.Add(await ChangeAndMeasureAsync(staff, wall, () => staff.Locator("#my-come-back").ClickAsync(), "#my-come-back", "bya"));
        }
        return latencies;
    }

    public static TimeSpan Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Browser.CloseAsync();
        }
        finally
        {
            _playwright.Dispose();
        }
    }

    private async Task<IBrowserContext> NewContextAsync(int width, int height)
    {
        var context = await BrowserHost.NewContextAsync(Browser, width, height);
        _contexts.Add(context);
        return context;
    }

    private static async Task SignInAsync(IPage page, string origin, string userName, string landingPath)
    {
        await page.GotoAsync(origin + "/account/login", new PageGotoOptions { Timeout = BrowserHost.PageLoadTimeout });
        await page.Locator("#username").FillAsync(userName);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.Locator("#login-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(origin + landingPath, new PageAssertionsToHaveURLOptions { Timeout = BrowserHost.PageLoadTimeout });
    }
}

/// <summary>A wall page and what it did: its documents (and which instance served each), its WebSocket handshakes, and any long polling.</summary>
public sealed class WallScreen(ScaleOutCluster cluster, IPage page)
{
    private readonly ConcurrentDictionary<string, string> _socketUrls = new();

    public IPage Page { get; } = page;

    /// <summary>Each main-frame document the wall loaded: path, and the instance nginx sent it to.</summary>
    public ConcurrentQueue<(string Path, AppInstance? Instance)> Documents { get; } = new();

    /// <summary>Each WebSocket handshake the page completed: its URL and HTTP status (101 = upgraded).</summary>
    public ConcurrentQueue<(string Url, int Status)> Handshakes { get; } = new();

    /// <summary>HTTP requests to /_blazor with a connection id: long polling (there must be none).</summary>
    public ConcurrentQueue<string> LongPolls { get; } = new();

    public async Task WatchAsync(IBrowserContext context)
    {
        Page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == Page.MainFrame)
            {
                var upstream = response.Headers.TryGetValue("x-hallops-upstream", out var value) ? cluster.ByUpstream(value) : null;
                Documents.Enqueue((new Uri(response.Url).AbsolutePath, upstream));
            }
        };
        Page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.AbsolutePath == "/_blazor" && url.Query.Contains("id=", StringComparison.Ordinal))
            {
                LongPolls.Enqueue($"{request.Method} {request.Url}");
            }
        };
        var devtools = await context.NewCDPSessionAsync(Page);
        devtools.Event("Network.webSocketCreated").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                _socketUrls[data.GetProperty("requestId").GetString()!] = data.GetProperty("url").GetString()!;
            }
        };
        devtools.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) =>
        {
            if (e is { } data)
            {
                var id = data.GetProperty("requestId").GetString()!;
                Handshakes.Enqueue((_socketUrls.GetValueOrDefault(id, "?"), data.GetProperty("response").GetProperty("status").GetInt32()));
            }
        };
        await devtools.SendAsync("Network.enable");
    }

    /// <summary>The Blazor circuit's WebSocket handshakes (to /_blazor through nginx).</summary>
    public List<(string Url, int Status)> CircuitHandshakes =>
        Handshakes.Where(h => h.Url.StartsWith(cluster.Nginx.Origin.Replace("http://", "ws://", StringComparison.Ordinal) + "/_blazor", StringComparison.Ordinal)).ToList();
}
