using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HallOps.Tests.Browser;

/// <summary>
/// 办件列表 (TL0, TL5) in a real browser at the desk's 1920×1080: the manager filters to the red
/// (overdue) cases, sees only those, masked, and the export link carries the same filter; a case
/// added meanwhile appears without a reload.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CaseListBrowserTests(ITestOutputHelper output) : BrowserTest
{
    [SkippableFact]
    public async Task CaseList_TheManagerFiltersToRedCases_AtTheDesk()
    {
        var host = await StartAsync();
        var (red, total) = await SeedAsync(host);

        var context = await host.NewContextAsync(1920, 1080);
        var page = await host.OpenAsync(context, "manager", "/", "/manage/cases", "#case-table");
        await BrowserHost.FontsReadyAsync(page);
        await Expect(page.Locator("#case-total")).ToHaveTextAsync($"共 {total} 件", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });

        await page.Locator(".case-light-select").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "红灯（超期）" }).ClickAsync();

        await Expect(page.Locator("#case-total")).ToHaveTextAsync($"共 {red} 件", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        var lights = page.Locator("#case-table tbody td[data-light]");
        await Expect(lights).ToHaveCountAsync(Math.Min(red, 20));
        Assert.All(await lights.EvaluateAllAsync<string[]>("cells => cells.map(c => c.dataset.light)"), l => Assert.Equal("Red", l));
        var applicants = await page.Locator("#case-table tbody td[data-applicant]").AllInnerTextsAsync();
        Assert.All(applicants, a => Assert.Contains("*", a));
        await Expect(page.Locator("#case-export")).ToHaveAttributeAsync("href", "/manage/cases.xlsx?light=Red");
        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways");

        var path = BrowserHost.ScreenshotPath("case-list-1920x1080.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot {path}");

        // Live: an overdue case entered now appears without a reload — received as late as a case
        // can be and be red today, so that it heads the list (newest first) whatever the date.
        await page.EvaluateAsync("() => window.__noReload = true");
        var daysAgo = await NewestRedDaysAgoAsync(host);
        await AddAsync(host, [("2026-777777", -daysAgo, CaseState.Accepted, "诸葛孔明")]);
        await Expect(page.Locator("#case-total")).ToHaveTextAsync($"共 {red + 1} 件", new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
        await Expect(page.Locator("#case-table tbody td[data-applicant]").Filter(new LocatorFilterOptions { HasText = "诸**明" })).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page reloaded to show the change");
    }

    /// <summary>Sixty cases received over the last four weeks: overdue, due soon, open without a clock and closed.</summary>
    private static async Task<(int Red, int Total)> SeedAsync(BrowserHost host)
    {
        await using (var db = host.App.CreateDbContext())
        {
            var window = await db.Windows.SingleAsync(w => w.Number == 1);
            var matter = new Matter { Code = "340100-BDC-001", Name = "不动产首次登记", WindowId = window.Id };
            var version = new MatterVersion
            {
                Number = 1, StatutoryDays = 20, CommittedDays = 5, ChangedAt = DateTimeOffset.UtcNow, ChangedBy = "test",
                Materials = [new MatterMaterial { Order = 1, Name = "不动产登记申请书" }],
            };
            matter.Versions.Add(version);
            db.Matters.Add(matter);
            await db.SaveChangesAsync();
            matter.CurrentVersionId = version.Id;
            await db.SaveChangesAsync();
        }
        string[] names = ["张三明", "李四", "欧阳娜娜", "王小五", "赵六"];
        var cases = Enumerable.Range(0, 60).Select(i => (
            Number: $"2026-{410 + i:D6}",
            DaysAgo: -(i % 28),
            State: (i % 6) switch { 0 => CaseState.Received, 1 => CaseState.Completed, _ => CaseState.Accepted },
            Applicant: names[i % names.Length])).ToList();
        var stored = await AddAsync(host, cases);
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return (stored.Count(c => CaseWorkflow.LightNow(c, now) == CaseLight.Red), stored.Count);
    }

    /// <summary>The fewest days ago an open case can have been received and be overdue (red) now, by today's working calendar.</summary>
    private static async Task<int> NewestRedDaysAgoAsync(BrowserHost host)
    {
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = host.App.CreateDbContext();
        var matter = await db.Matters.Include(m => m.CurrentVersion).SingleAsync(m => m.Code == "340100-BDC-001");
        return Enumerable.Range(1, 60).First(days =>
            CaseWorkflow.LightNow(Build(matter, 0, 0, ("probe", -days, CaseState.Accepted, "probe"), calendar, now), now) == CaseLight.Red);
    }

    private static async Task<List<ServiceCase>> AddAsync(BrowserHost host, IEnumerable<(string Number, int DaysAgo, CaseState State, string Applicant)> cases)
    {
        var calendar = await host.App.Services.GetRequiredService<CalendarSource>().GetAsync();
        var now = host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var db = host.App.CreateDbContext();
        var matter = await db.Matters.Include(m => m.CurrentVersion).SingleAsync(m => m.Code == "340100-BDC-001");
        var handlers = await db.StaffMembers.OrderBy(s => s.Id).Take(5).Select(s => s.Id).ToListAsync();
        var rows = cases.Select((c, i) => Build(matter, handlers[i % handlers.Count], i, c, calendar, now)).ToList();
        db.Cases.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }

    private static ServiceCase Build(
        Matter matter, int handler, int i, (string Number, int DaysAgo, CaseState State, string Applicant) c, WorkingCalendar calendar, DateTimeOffset now)
    {
        var received = now.AddDays(c.DaysAgo).AddHours(-1);
        var row = new ServiceCase
        {
            Number = c.Number,
            ExternalNumber = $"SP{c.Number.Replace("-", "")}",
            Source = i % 3 == 0 ? CaseSource.Import : CaseSource.Window,
            MatterId = matter.Id,
            MatterVersionId = matter.CurrentVersionId!.Value,
            WindowId = matter.WindowId,
            HandlerStaffId = handler,
            ApplicantName = c.Applicant,
            State = c.State,
            ReceivedAt = received,
            AcceptedAt = c.State == CaseState.Received ? null : received.AddMinutes(20),
            ClosedAt = c.State == CaseState.Completed ? received.AddDays(2) : null,
            CreatedAt = now,
            CreatedBy = "test",
        };
        CaseWorkflow.Recompute(row, matter.CurrentVersion!, calendar, now);
        return row;
    }
}
