using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Tests.Support;
using HallOps.Web;
using HallOps.Web.Components.Pages.Wall;
using HallOps.Web.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Xunit.Abstractions;
using static HallOps.Tests.Components.WallTestHall;

namespace HallOps.Tests.Components;

/// <summary>
/// The wall screen (/wall) rendered with bUnit over a real SQLite database: the grid shows what the
/// database holds, and a committed change reaches the page through the hall event feed, re-rendering
/// only the card it concerns.
/// </summary>
public sealed class WallScreenTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Generous: the page reads a real database, possibly while other tests load the machine.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The page reads the hall's name from its options on each of its own renders (the header); a card
    /// or the status never does. Renaming the hall behind the page's back after the first render makes
    /// the header tell whether the page itself rendered again.
    /// </summary>
    private const string RenamedHall = "改名后的大厅";

    private readonly BunitContext _ctx = new();
    private readonly HallDatabaseFile _file = new();
    private readonly HallOptions _hall = new() { Name = "测试政务服务中心" };
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
    private WallTestHall _data = null!;

    public async Task InitializeAsync()
    {
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices();
        _ctx.Services.AddLogging(logging => logging.AddProvider(new TestOutputLogger(output)));
        _ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _ctx.Services.AddSingleton<TimeProvider>(_time);
        _ctx.Services.AddSingleton(Options.Create(_hall));
        _ctx.Services.AddSingleton<HallEventFeed>();
        _ctx.Services.AddSingleton<HallSaveChangesInterceptor>();
        _ctx.Services.AddHallDbContext(_file.Provider, _file.ConnectionString);
        _ctx.Services.AddSingleton(new CalendarSettings(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), OpeningHours.Default));
        _ctx.Services.AddSingleton<CalendarSource>();
        _ctx.Services.AddSingleton(AlertTiming.Default);
        _ctx.Services.AddSingleton<CoverageMonitor>();
        _ctx.Services.AddSingleton<WallService>();
        _ctx.Services.AddSingleton<WallReadModel>();

        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        _data = await WallTestHall.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public void Grid_ShowsEveryWindowByFloor_WithNumberNameUnitAndHolders()
    {
        var cut = RenderWall();

        Assert.Equal("zh-CN", cut.Find(".wall").GetAttribute("data-locale"));
        var floors = cut.FindAll("section.wall-floor");
        Assert.Equal([GroundFloor, UpperFloor], floors.Select(f => Text(f, ".wall-floor-name")));
        Assert.Equal(["01", "02", "03"], NumbersOn(cut, GroundFloor));
        Assert.Equal(["10", "12"], NumbersOn(cut, UpperFloor));

        var staffed = CardOf(cut, 1);
        Assert.Equal(["wall-card", "is-staffed"], staffed.ClassList);
        Assert.Equal("1号窗口 医保", staffed.GetAttribute("aria-label"));
        Assert.Equal("01", Text(staffed, ".wall-card-number"));
        Assert.Equal("医保", Text(staffed, ".wall-card-name"));
        Assert.Equal("县医疗保障局", Text(staffed, ".wall-card-unit"));
        Assert.Equal("张晓明", Text(staffed, ".wall-card-a-name"));
        Assert.Equal(["李静", "王建华"], BHolders(staffed));
        Assert.Null(staffed.QuerySelector(".wall-card-gap"));

        var backedByOne = CardOf(cut, 2);
        Assert.Contains("is-staffed", backedByOne.ClassList);
        Assert.Equal(["张晓明"], BHolders(backedByOne));

        var gap = CardOf(cut, 3);
        Assert.Equal(["wall-card", "is-config-gap"], gap.ClassList);
        Assert.Equal("03", Text(gap, ".wall-card-number"));
        Assert.Equal("户籍", Text(gap, ".wall-card-name"));
        Assert.Equal("县公安局", Text(gap, ".wall-card-unit"));
        Assert.Equal("刘洋", Text(gap, ".wall-card-a-name"));
        Assert.Equal("⚠ 未配B岗", Text(gap, ".wall-card-gap"));
        Assert.Null(gap.QuerySelector(".wall-card-backup"));

        var closed = CardOf(cut, 12);
        Assert.Equal(["wall-card", "is-closed"], closed.ClassList);
        Assert.Equal("12", Text(closed, ".wall-card-number"));
        Assert.Equal("出入境", Text(closed, ".wall-card-name"));
        Assert.Equal("县公安局", Text(closed, ".wall-card-unit"));
        Assert.Equal("暂停服务", Text(closed, ".wall-card-state"));
        Assert.Null(closed.QuerySelector(".wall-card-holder"));
        Assert.Null(closed.QuerySelector(".wall-card-backup"));

        var upstairs = CardOf(cut, 10);
        Assert.Contains("is-staffed", upstairs.ClassList);
        Assert.Equal("赵丽", Text(upstairs, ".wall-card-a-name"));
        Assert.Equal(["陈敏"], BHolders(upstairs));

        Assert.Equal(["开放窗口 4/5", "B岗顶岗 0", "空岗 0（今日累计 0 分钟）", "未配B岗 1", "下一工作日预计空岗 0"], FooterOf(cut));
    }

    [Fact]
    public async Task RenamingAWindow_ReRendersOnlyItsCard_NotThePageNorTheOtherCards()
    {
        var cut = RenderWall();
        var cards = CardsByNumber(cut);
        var before = RenderCounts(cards);
        RenameHallBehindThePage();

        await ChangeAsync(async db => (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[3])).Name = "户籍临时窗口");

        cut.WaitForAssertion(() => Assert.Equal("户籍临时窗口", Text(CardOf(cut, 3), ".wall-card-name")), Wait);
        await SettleAsync(cut);
        Assert.Equal("3号窗口 户籍临时窗口", CardOf(cut, 3).GetAttribute("aria-label"));
        Assert.Same(cards[3].Instance, CardsByNumber(cut)[3].Instance);
        Assert.True(cards[3].RenderCount > before[3], "the changed card renders again");
        AssertNotRenderedAgain(cards, before, except: 3);
        Assert.False(PageRenderedAgain(cut), "the page itself must not render again for one card's change");
    }

    [Fact]
    public async Task ChangingAPostsAHolder_ReRendersOnlyTheCardOfItsWindow()
    {
        var cut = RenderWall();
        var cards = CardsByNumber(cut);
        var before = RenderCounts(cards);
        RenameHallBehindThePage();

        // Only the holder changes: the feed carries "post:<id>", which the page maps to window 1.
        await ChangeAsync(async db =>
            (await db.PostHolders.SingleAsync(h => h.PostId == _data.PostIds[1] && h.Role == PostRole.A)).StaffMemberId = _data.StaffIds["孙涛"]);

        cut.WaitForAssertion(() => Assert.Equal("孙涛", Text(CardOf(cut, 1), ".wall-card-a-name")), Wait);
        await SettleAsync(cut);
        Assert.Equal(["李静", "王建华"], BHolders(CardOf(cut, 1)));
        Assert.True(cards[1].RenderCount > before[1], "the changed card renders again");
        AssertNotRenderedAgain(cards, before, except: 1);
        Assert.False(PageRenderedAgain(cut), "the page itself must not render again for one card's change");
    }

    [Fact]
    public async Task AddingAWindowToAFloor_ShowsItInNumberOrder_AndKeepsTheOtherCardsAsTheyWere()
    {
        var cut = RenderWall();
        var cards = CardsByNumber(cut);
        var before = RenderCounts(cards);

        await ChangeAsync(db =>
        {
            var post = new Post { Name = "居住证受理" };
            post.Holders.Add(new PostHolder { StaffMemberId = _data.StaffIds["王建华"], Role = PostRole.A });
            post.Holders.Add(new PostHolder { StaffMemberId = _data.StaffIds["孙涛"], Role = PostRole.B });
            db.Windows.Add(new ServiceWindow
            {
                Number = 4,
                Name = "居住证",
                FloorId = _data.GroundFloorId,
                HomeUnitId = _data.PoliceUnitId,
                Posts = [post],
            });
            return Task.CompletedTask;
        });

        cut.WaitForAssertion(() => Assert.Equal(["01", "02", "03", "04"], NumbersOn(cut, GroundFloor)), Wait);
        cut.WaitForAssertion(() => Assert.Equal(["孙涛"], BHolders(CardOf(cut, 4))), Wait);
        await SettleAsync(cut);
        Assert.Equal(["10", "12"], NumbersOn(cut, UpperFloor));
        var added = CardOf(cut, 4);
        Assert.Equal(["wall-card", "is-staffed"], added.ClassList);
        Assert.Equal("居住证", Text(added, ".wall-card-name"));
        Assert.Equal("县公安局", Text(added, ".wall-card-unit"));
        Assert.Equal("王建华", Text(added, ".wall-card-a-name"));
        Assert.Equal(["开放窗口 5/6", "B岗顶岗 0", "空岗 0（今日累计 0 分钟）", "未配B岗 1", "下一工作日预计空岗 0"], FooterOf(cut));

        var after = CardsByNumber(cut);
        foreach (var (number, card) in cards)
        {
            Assert.Same(card.Instance, after[number].Instance);
        }
        AssertNotRenderedAgain(cards, before);
    }

    [Fact]
    public async Task MovingAWindowToAnotherFloor_MovesItsCardUnderThatFloor()
    {
        var cut = RenderWall();

        await ChangeAsync(async db => (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[10])).FloorId = _data.GroundFloorId);

        cut.WaitForAssertion(() => Assert.Equal(["01", "02", "03", "10"], NumbersOn(cut, GroundFloor)), Wait);
        Assert.Equal(["12"], NumbersOn(cut, UpperFloor));
        Assert.Equal("赵丽", Text(CardOf(cut, 10), ".wall-card-a-name"));
        Assert.Single(cut.FindAll("article[data-window='10']"));
    }

    [Fact]
    public async Task Footer_CountsOpenWindowsAndConfigGaps_AndUpdatesWhenAWindowIsDeactivated()
    {
        var cut = RenderWall();
        Assert.Equal(["开放窗口 4/5", "B岗顶岗 0", "空岗 0（今日累计 0 分钟）", "未配B岗 1", "下一工作日预计空岗 0"], FooterOf(cut));
        var cards = CardsByNumber(cut);
        var before = RenderCounts(cards);
        RenameHallBehindThePage();

        // Window 3 is the one open window without a B: closing it removes the gap from the count too.
        await ChangeAsync(async db => (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[3])).IsActive = false);

        cut.WaitForAssertion(() => Assert.Equal(["开放窗口 3/5", "B岗顶岗 0", "空岗 0（今日累计 0 分钟）", "未配B岗 0", "下一工作日预计空岗 0"], FooterOf(cut)), Wait);
        await SettleAsync(cut);
        var closed = CardOf(cut, 3);
        Assert.Equal(["wall-card", "is-closed"], closed.ClassList);
        Assert.Equal("暂停服务", Text(closed, ".wall-card-state"));
        Assert.False(PageRenderedAgain(cut), "the footer and the card show the change by themselves: the page does not render again");
        AssertNotRenderedAgain(cards, before, except: 3);
    }

    [Fact]
    public async Task AnEventAboutSomethingElse_ReRendersNoCardAndNotThePage()
    {
        var cut = RenderWall();
        var cards = CardsByNumber(cut);
        var before = RenderCounts(cards);
        var status = cut.FindComponent<WallStatus>();
        var statusBefore = status.RenderCount;
        RenameHallBehindThePage();
        var feed = _ctx.Services.GetRequiredService<HallEventFeed>();

        feed.Publish(new HallEvent(HallEvent.Kinds.Changed, "something:1", _time.GetUtcNow(), feed.InstanceId));
        feed.Publish(new HallEvent(HallEvent.Kinds.Changed, "inquiry:7", _time.GetUtcNow(), feed.InstanceId));
        // The page handles events one at a time, in order: once this later change shows, both events above are handled.
        await ChangeAsync(async db => (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[2])).Name = "综合税务");

        cut.WaitForAssertion(() => Assert.Equal("综合税务", Text(CardOf(cut, 2), ".wall-card-name")), Wait);
        await SettleAsync(cut);
        AssertNotRenderedAgain(cards, before, except: 2);
        Assert.False(PageRenderedAgain(cut), "an event about something else must not render the page");
        Assert.Equal(statusBefore + 1, status.RenderCount); // touched by the window change only
    }

    [Fact]
    public async Task FiveWallScreens_ShareOneReadOfTheHall_AndABurstOfChangesIsNotReadOncePerScreenPerChange()
    {
        var model = _ctx.Services.GetRequiredService<WallReadModel>();
        var walls = Enumerable.Range(0, 5).Select(_ => RenderWall()).ToList();
        Assert.Equal(1, model.Reads);

        const int changes = 10;
        for (var i = 1; i <= changes; i++)
        {
            var name = $"综合受理{i}";
            await ChangeAsync(async db => (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[2])).Name = name);
        }

        foreach (var wall in walls)
        {
            wall.WaitForAssertion(() => Assert.Equal($"综合受理{changes}", Text(CardOf(wall, 2), ".wall-card-name")), Wait);
        }
        // One read per change at most, shared by every screen (per screen it would be 5 × 10).
        Assert.InRange(model.Reads - 1, 1, changes);
    }

    [Fact]
    public async Task OneCommitThatChangesSeveralThings_IsReadOnce_SoTheScreensGetOneFrameForIt()
    {
        // A presence change and the alerts it raises are one commit (CoverageMonitor.SaveWithAlertsAsync):
        // the screens must show them together, from one shared read, not one read and frame per event.
        var model = _ctx.Services.GetRequiredService<WallReadModel>();
        var cut = RenderWall();
        var readsBefore = model.Reads;

        await ChangeAsync(async db =>
        {
            (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[1])).Name = "不动产综合";
            (await db.Windows.SingleAsync(w => w.Id == _data.WindowIds[2])).Name = "税务综合";
        });

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("不动产综合", Text(CardOf(cut, 1), ".wall-card-name"));
            Assert.Equal("税务综合", Text(CardOf(cut, 2), ".wall-card-name"));
        }, Wait);
        await SettleAsync(cut);
        Assert.Equal(readsBefore + 1, model.Reads);
    }

    [Fact]
    public async Task AB4_AGapCountsItsMinutesToday_FromThePresenceHistory_AsTheManagersCoverageDayDoes()
    {
        var cut = RenderWall();
        var liu = _data.StaffIds["刘洋"];

        // Window 3 has no B: its A, on post since before opening (as their sign-on recorded it),
        // leaving opens a gap at once.
        await ChangeAsync(async db =>
        {
            db.PresenceEvents.Add(new PresenceEvent { StaffMemberId = liu, State = PresenceState.OnPost, At = _time.GetUtcNow().AddHours(-2), RecordedBy = "test" });
            var presence = await db.Presences.SingleAsync(p => p.StaffMemberId == liu);
            presence.State = PresenceState.Away;
            presence.Since = _time.GetUtcNow();
            db.PresenceEvents.Add(new PresenceEvent { StaffMemberId = liu, State = PresenceState.Away, At = presence.Since, RecordedBy = "test" });
        });
        cut.WaitForAssertion(() => Assert.Equal("空岗 1（今日累计 0 分钟）", FooterOf(cut)[2]), Wait);

        // Twelve minutes later the A comes back: twelve window-minutes of gap today.
        _time.Advance(TimeSpan.FromMinutes(12));
        await ChangeAsync(async db =>
        {
            var presence = await db.Presences.SingleAsync(p => p.StaffMemberId == liu);
            presence.State = PresenceState.OnPost;
            presence.Since = _time.GetUtcNow();
            db.PresenceEvents.Add(new PresenceEvent { StaffMemberId = liu, State = PresenceState.OnPost, At = presence.Since, RecordedBy = "test" });
        });
        cut.WaitForAssertion(() => Assert.Equal("空岗 0（今日累计 12 分钟）", FooterOf(cut)[2]), Wait);
    }

    private IDbContextFactory<HallDbContext> Contexts => _ctx.Services.GetRequiredService<IDbContextFactory<HallDbContext>>();

    /// <summary>Renders /wall in the hall's language and waits for the grid to be loaded.</summary>
    private IRenderedComponent<WallScreen> RenderWall()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var cut = _ctx.Render<WallScreen>();
        cut.WaitForElement(".wall-footer", Wait);
        Assert.Equal(_data.WindowIds.Count, cut.FindAll("article.wall-card").Count);
        return cut;
    }

    /// <summary>Changes the hall as a feature would: on a short-lived context, published after the commit.</summary>
    private async Task ChangeAsync(Func<HallDbContext, Task> change)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Returns once the renderer has finished what it is doing (an event's handling included).</summary>
    private static Task SettleAsync(IRenderedComponent<WallScreen> cut) => cut.InvokeAsync(() => { });

    private void RenameHallBehindThePage() => _hall.Name = RenamedHall;

    private static bool PageRenderedAgain(IRenderedComponent<WallScreen> cut) =>
        cut.Find(".wall-title").TextContent.Contains(RenamedHall, StringComparison.Ordinal);

    private static IElement CardOf(IRenderedComponent<WallScreen> cut, int number) =>
        cut.Find($"article.wall-card[data-window='{number}']");

    private static string Text(IElement element, string selector) =>
        (element.QuerySelector(selector) ?? throw new InvalidOperationException($"No {selector} in {element.OuterHtml}")).TextContent;

    /// <summary>The B holders a card names (their order is not specified).</summary>
    private static List<string> BHolders(IElement card)
    {
        var text = Text(card, ".wall-card-backup");
        Assert.StartsWith("B", text, StringComparison.Ordinal);
        return text[1..].Split('、').Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> NumbersOn(IRenderedComponent<WallScreen> cut, string floor)
    {
        var section = Assert.Single(cut.FindAll("section.wall-floor"), s => Text(s, ".wall-floor-name") == floor);
        return section.QuerySelectorAll(".wall-card-number").Select(n => n.TextContent).ToList();
    }

    private static List<string> FooterOf(IRenderedComponent<WallScreen> cut) =>
        cut.FindAll(".wall-footer span").Select(s => s.TextContent).ToList();

    private static Dictionary<int, IRenderedComponent<WindowCard>> CardsByNumber(IRenderedComponent<WallScreen> cut) =>
        cut.FindComponents<WindowCard>().ToDictionary(c => c.Instance.Card.Number);

    private static Dictionary<int, int> RenderCounts(Dictionary<int, IRenderedComponent<WindowCard>> cards) =>
        cards.ToDictionary(c => c.Key, c => c.Value.RenderCount);

    private static void AssertNotRenderedAgain(
        Dictionary<int, IRenderedComponent<WindowCard>> cards, Dictionary<int, int> before, int? except = null)
    {
        foreach (var (number, card) in cards.Where(c => c.Key != except))
        {
            Assert.True(before[number] == card.RenderCount,
                $"window {number}'s card rendered {card.RenderCount - before[number]} more time(s) though it did not change");
        }
    }
}
