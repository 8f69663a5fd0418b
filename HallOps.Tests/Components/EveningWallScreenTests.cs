using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
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
/// The wall screen (/wall) after closing, rendered with bUnit over a real SQLite database and a fake
/// clock (SE2.2, SE4): at closing the open page turns to evening mode by itself; a guard's
/// verification re-renders that window's card, its floor's rounds and the footer — not the page,
/// not the other cards.
/// </summary>
public sealed class EveningWallScreenTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Renaming the hall behind the page's back tells whether the page itself rendered again (see <see cref="WallScreenTests"/>).</summary>
    private const string RenamedHall = "改名后的大厅";

    private readonly BunitContext _ctx = new();
    private readonly HallDatabaseFile _file = new();
    private readonly HallOptions _hall = new() { Name = "测试政务服务中心" };

    /// <summary>Thursday 26 November 2026, a working day; closing 17:00.</summary>
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 16, 59, 0, Beijing));
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
        _ctx.Services.AddSingleton<RoundPlanner>();
        _ctx.Services.AddSingleton<WallService>();
        _ctx.Services.AddSingleton<WallReadModel>();

        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        foreach (var (template, schedule) in RoundDefaults.Create(active: true))
        {
            schedule.Template = template;
            db.RoundSchedules.Add(schedule);
        }
        await db.SaveChangesAsync();
        _data = await WallTestHall.SeedAsync(db);
        await _ctx.Services.GetRequiredService<RoundPlanner>().PlanAsync(
            new DateTimeOffset(2026, 11, 26, 12, 0, 0, Beijing), new DateTimeOffset(2026, 11, 27, 12, 0, 0, Beijing));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task SE4_AtClosing_TheOpenWallTurnsToEveningMode_AndAVerificationReRendersOnlyItsCardItsFloorAndTheFooter()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var cut = _ctx.Render<WallScreen>();
        cut.WaitForElement(".wall[data-mode='day'] .wall-footer", Wait);
        Assert.Equal(5, cut.FindComponents<WindowCard>().Count);

        // 17:00: the page turns to evening by itself (the read model's timer), with no saved change.
        _time.Advance(TimeSpan.FromMinutes(1));
        cut.WaitForElement(".wall[data-mode='evening'] .wall-evening-footer", Wait);
        Assert.Empty(cut.FindComponents<WindowCard>());
        Assert.Equal("测试政务服务中心 夜间值守", cut.Find(".wall-title").TextContent);
        Assert.Equal("pending", CardOf(cut, 1).GetAttribute("data-shutdown"));
        Assert.Equal("no-check", CardOf(cut, 12).GetAttribute("data-shutdown"));
        Assert.Equal("⚠ 无人值班", cut.Find(".wall-guard-alarm").TextContent);

        // 21:10: nothing done; the guard is verifying.
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 26, 21, 10, 0, Beijing));
        cut.WaitForAssertion(() => Assert.Equal("awaiting-guard", CardOf(cut, 1).GetAttribute("data-shutdown")), Wait);
        await SettleAsync(cut);
        var cards = cut.FindComponents<ShutdownCard>().ToDictionary(c => c.Instance.Card.Number);
        var before = cards.ToDictionary(c => c.Key, c => c.Value.RenderCount);
        var floors = cut.FindComponents<EveningFloorProgress>().ToDictionary(f => f.Instance.Floor.FloorId);
        var floorsBefore = floors.ToDictionary(f => f.Key, f => f.Value.RenderCount);
        var footer = cut.FindComponent<EveningFooter>();
        var footerBefore = footer.RenderCount;
        _hall.Name = RenamedHall;

        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var check = await db.Rounds.SingleAsync(r => r.Kind == RoundKind.ShutdownCheck && r.WindowId == _data.WindowIds[2]);
            (check.VerifiedAt, check.VerifiedBy, check.VerifyResult) = (_time.GetUtcNow(), "马国强", CheckResult.Pass);
            await db.SaveChangesAsync();
        }

        cut.WaitForAssertion(() => Assert.Equal("verified", CardOf(cut, 2).GetAttribute("data-shutdown")), Wait);
        await SettleAsync(cut);
        Assert.Equal("马国强 21:10", CardOf(cut, 2).QuerySelector(".wall-shutdown-by")!.TextContent);
        Assert.Equal("窗口核查 1/3", cut.Find($".wall-rounds[data-floor='{_data.GroundFloorId}'] .wall-round-verify").TextContent);
        Assert.Contains("已核查 1", cut.Find(".wall-count-verified").TextContent);
        Assert.True(cards[2].RenderCount > before[2], "the verified window's card renders again");
        foreach (var (number, card) in cards.Where(c => c.Key != 2))
        {
            Assert.True(before[number] == card.RenderCount, $"window {number}'s card rendered again though it did not change");
        }
        Assert.True(floors[_data.GroundFloorId].RenderCount > floorsBefore[_data.GroundFloorId], "一楼's rounds render again");
        Assert.Equal(floorsBefore[_data.UpperFloorId], floors[_data.UpperFloorId].RenderCount);
        Assert.True(footer.RenderCount > footerBefore, "the footer renders again");
        Assert.DoesNotContain(RenamedHall, cut.Find(".wall-title").TextContent, StringComparison.Ordinal);
    }

    private IDbContextFactory<HallDbContext> Contexts => _ctx.Services.GetRequiredService<IDbContextFactory<HallDbContext>>();

    private static IElement CardOf(IRenderedComponent<WallScreen> cut, int number) => cut.Find($"article.wall-card[data-window='{number}']");

    private static Task SettleAsync(IRenderedComponent<WallScreen> cut) => cut.InvokeAsync(() => { });
}
