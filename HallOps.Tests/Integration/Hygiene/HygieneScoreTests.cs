using System.Globalization;
using System.Net;
using System.Text.Json;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Hygiene;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Hygiene;

/// <summary>
/// 卫生考核得分 (HY4, HY2) on the real app and database, read on Wednesday 2026-11-25 at 10:00:
/// November's rounds of window 1 (A 张晓明) as stored — inspections, their checks and
/// rectifications, the pre-work self-checks — per window and per person, on the page's service
/// and in the workbook the manager downloads; a malformed or future month answers 400 with the reason.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class HygieneScoreTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task HY4_HY2_NovembersScores_PerWindowAndPerPerson_OnThePageAndInTheWorkbook()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (_, window1) = await hall.PostOfWindowAsync(1);
        var zhang = await hall.StaffIdAsync("张晓明");
        await using (var db = hall.CreateDbContext())
        {
            var inspection = await db.RoundTemplates.Where(t => t.Code == "hygiene-inspection").Select(t => t.Id).SingleAsync();
            var selfCheck = await db.RoundTemplates.Where(t => t.Code == "hygiene-window").Select(t => t.Id).SingleAsync();
            RoundInstance Round(string key, int template, RoundKind kind, int day, RoundState state, int? score, params CheckResult[] checks) => new()
            {
                TemplateId = template, OccurrenceKey = $"test|{key}", Kind = kind, Subject = HallSubjects.Window(window1), WindowId = window1,
                ResponsibleStaffId = zhang, AssigneeRole = HallRoles.Manager, State = state, Score = score,
                DueFrom = At(day, 9), DueBy = At(day, 17), MissedAt = At(day, 23),
                Checks = checks.Select((c, i) => new RoundCheck { Order = i + 1, Text = $"第{i + 1}项", Result = c, CheckedAt = At(day, 10), CheckedBy = "周建国" }).ToList(),
            };
            var first = Round("i1", inspection, RoundKind.HygieneInspection, 2, RoundState.Done, 80,
                CheckResult.Pass, CheckResult.Fail, CheckResult.Pass, CheckResult.Pass, CheckResult.Pass);
            var second = Round("i2", inspection, RoundKind.HygieneInspection, 16, RoundState.Late, 60,
                CheckResult.Fail, CheckResult.Fail, CheckResult.Pass, CheckResult.Pass, CheckResult.Pass);
            db.Rounds.AddRange(
                first, second,
                Round("i3", inspection, RoundKind.HygieneInspection, 23, RoundState.Due, null),
                Round("s1", selfCheck, RoundKind.HygieneSelfCheck, 2, RoundState.Done, 100),
                Round("s2", selfCheck, RoundKind.HygieneSelfCheck, 3, RoundState.Late, 100),
                Round("s3", selfCheck, RoundKind.HygieneSelfCheck, 4, RoundState.Missed, null));
            await db.SaveChangesAsync();
            db.Rectifications.AddRange(
                new Rectification { RoundId = first.Id, WindowId = window1, Item = "地面干净", Note = "纸屑", RaisedAt = At(2, 10), RaisedBy = "周建国", DueOn = new(2026, 11, 4), DoneAt = At(3, 11), DoneBy = "张晓明", DoneNote = "已清扫" },
                new Rectification { RoundId = second.Id, WindowId = window1, Item = "桌面整洁", Note = "文件堆放", RaisedAt = At(16, 10), RaisedBy = "周建国", DueOn = new(2026, 11, 18), DoneAt = At(19, 9), DoneBy = "张晓明", DoneNote = "已整理" },
                new Rectification { RoundId = second.Id, WindowId = window1, Item = "地面干净", Note = "积水", RaisedAt = At(16, 10), RaisedBy = "周建国", DueOn = new(2026, 11, 18) });
            await db.SaveChangesAsync();
        }
        // The demo's own self-checks this morning (08:00, planned as the round-plan job does; planning twice adds
        // nothing) were not done by 09:00: missed.
        var now = hall.Clock.GetUtcNow();
        await hall.App.Services.GetRequiredService<RoundPlanner>().PlanAsync(now.AddHours(-2), now.AddHours(24));
        await hall.App.Services.GetRequiredService<RoundMonitor>().CheckAsync();

        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        var scores = manager.ServiceProvider.GetRequiredService<HygieneScoreService>();
        var answer = await scores.LoadAsync("2026-11");

        var report = Assert.IsType<HygieneScoreReport>(answer.Report);
        Assert.True(report.IsCurrentMonth);
        Assert.Equal(24, report.Windows.Count);
        var line = report.Windows.Single(w => w.Number == 1).Line;
        // Two inspections (80, 60: 70 on average), three failed items; one rectification on time, two late
        // (one done after its date, one still open past it); self-checks: 2 done, 2 missed (the 4th and this morning).
        Assert.Equal(new HygieneScoreLine(window1, 2, 70, 3, 1, 2, 0, 2, 2), line);
        var person = report.Staff.Single(s => s.Name == "张晓明");
        Assert.Equal(line with { Id = zhang }, person.Line);
        var window2 = report.Windows.Single(w => w.Number == 2).Line;
        Assert.Equal((0, (double?)null, 1), (window2.Inspections, window2.AverageScore, window2.SelfChecksMissed));

        // The workbook, through the endpoint, as the manager's browser fetches it.
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");
        var response = await client.GetAsync("/manage/hygiene/scores/2026-11.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HygieneScoreService.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-11.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["按窗口", "按人员"], MiniExcel.GetSheetNames(stream));
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按窗口").Cast<IDictionary<string, object?>>().ToList();
        var row1 = rows.Single(r => Convert.ToInt32(r["窗口号"], CultureInfo.InvariantCulture) == 1);
        Assert.Equal(("不动产登记", 2, "70", 3, 1, 2, 2, 2),
            ((string?)row1["窗口名称"], Convert.ToInt32(row1["检查次数"], CultureInfo.InvariantCulture), row1["平均分"]?.ToString(),
             Convert.ToInt32(row1["不合格项"], CultureInfo.InvariantCulture), Convert.ToInt32(row1["按期整改"], CultureInfo.InvariantCulture),
             Convert.ToInt32(row1["逾期整改"], CultureInfo.InvariantCulture), Convert.ToInt32(row1["自查完成"], CultureInfo.InvariantCulture),
             Convert.ToInt32(row1["自查漏做"], CultureInfo.InvariantCulture)));
        stream.Position = 0;
        var people = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按人员").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(people, p => (string?)p["姓名"] == "张晓明" && Convert.ToInt32(p["检查次数"], CultureInfo.InvariantCulture) == 2);
    }

    [Theory]
    [InlineData("2026-13", "月份“2026-13”格式不对，应为“年-月”，例如 2026-11。")]
    [InlineData("2026-1", "月份“2026-1”格式不对，应为“年-月”，例如 2026-11。")]
    [InlineData("2026-12", "2026-12 还没有到，只能查看 2026-11 及以前的月份。")]
    [InlineData("1999-12", "只能查看 2000-01 及以后的月份。")]
    public async Task HY4_AMalformedOrFutureMonth_Answers400WithTheReason(string month, string reason)
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.GetAsync($"/manage/hygiene/scores/{month}.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(reason, problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal([reason], problem.RootElement.GetProperty("errors").GetProperty("month").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task HY4_TheWorkbookIsForManagers_NotForWindowStaff()
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "staff");

        var response = await client.GetAsync("/manage/hygiene/scores/2026-11.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(HygieneScoreService.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static DateTimeOffset At(int day, int hour) => new(2026, 11, day, hour, 0, 0, Beijing);
}
