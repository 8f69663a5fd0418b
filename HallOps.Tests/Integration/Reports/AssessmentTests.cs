using System.Diagnostics;
using System.Net;
using HallOps.Domain.Accountability;
using HallOps.Domain.Complaints;
using HallOps.Domain.Identity;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Assessment;
using HallOps.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Xunit.Abstractions;

namespace HallOps.Tests.Integration.Reports;

/// <summary>
/// 月度考核 on the real app and a real SQLite database, read on Wednesday 2026-11-25 at 10:00 (hall
/// time): rows seeded straight into the tables — confirmed derelictions by decision date (AC1–AC4),
/// complaints and their outcome (AC5), first inquiries per responder (FQ1) — show in the month they
/// belong to, for the person and the window; months are cut at the hall's midnight. Each test compares
/// the figures before and after its own rows, so the demo hall's data and the other tests do not matter.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AssessmentTests(CoverageHall hall, ITestOutputHelper output) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task AC_AConfirmedDereliction_CountsInTheMonthOfItsDecision_ForItsPersonAndWindow_WithItsSanctions()
    {
        var (_, window1) = await hall.PostOfWindowAsync(1);
        var zhang = await hall.StaffIdAsync("张晓明");
        var octoberBefore = await LoadAsync("2026-10");
        var novemberBefore = await LoadAsync("2026-11");

        await using (var db = hall.CreateDbContext())
        {
            DerelictionRecord Record(string key, DerelictionStatus status, DateOnly? decided, DerelictionSanctions sanctions) => new()
            {
                Type = DerelictionType.BadAttitude, Status = status, StaffMemberId = zhang, WindowId = window1, SourceKey = $"test:assessment:{key}",
                Summary = "态度生硬", CreatedAt = At(10, 28, 9), CreatedBy = "office", Origin = DerelictionOrigin.Hand,
                Severity = DerelictionSeverity.Minor, Sanctions = sanctions, DecisionDate = decided, DecisionMaker = "局务会",
            };
            db.DerelictionRecords.AddRange(
                // Decided on the last day of October: October's, not November's.
                Record("oct", DerelictionStatus.Confirmed, new DateOnly(2026, 10, 31), DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning),
                // Neither a draft nor a dismissed record counts.
                Record("draft", DerelictionStatus.Draft, null, DerelictionSanctions.None),
                Record("dismissed", DerelictionStatus.Dismissed, new DateOnly(2026, 11, 3), DerelictionSanctions.None));
            await db.SaveChangesAsync();
        }

        var october = await LoadAsync("2026-10");
        var november = await LoadAsync("2026-11");

        Assert.Equal(1, Window(october, 1).Derelictions - Window(octoberBefore, 1).Derelictions);
        Assert.Equal(1, Person(october, zhang).Derelictions - Person(octoberBefore, zhang).Derelictions);
        Assert.True(Person(october, zhang).Sanctions.HasFlag(DerelictionSanctions.Criticism | DerelictionSanctions.EfficiencyWarning));
        Assert.Equal(Window(novemberBefore, 1).Derelictions, Window(november, 1).Derelictions);
        Assert.Equal(Person(novemberBefore, zhang).Derelictions, Person(november, zhang).Derelictions);
        // The trend of November carries October's hall line.
        Assert.Equal(october.WindowTotal.Derelictions, november.Trend.Single(t => t.Key == "2026-10").Hall.Derelictions);
        Assert.Equal(7, november.Trend.Count);
    }

    [Fact]
    public async Task AC5_AComplaintUpheldOrPartlyUpheld_CountsAsUpheld_ANotUpheldOneOnlyAsReceived()
    {
        var (_, window2) = await hall.PostOfWindowAsync(2);
        var person = await PersonOfWindowAsync(2);
        var before = await LoadAsync("2026-11");

        await using (var db = hall.CreateDbContext())
        {
            var n = 0;
            Complaint Of(ComplaintOutcome? outcome, DateTimeOffset received) => new()
            {
                Number = $"TS-2026-{++n:0000}", Kind = ComplaintKind.Complaint, Source = ComplaintSource.Phone, ReceivedAt = received, ReceivedBy = "office",
                Content = "等候时间过长", SubjectStaffId = person, SubjectWindowId = window2, DueSoonAt = received.AddDays(4), DueAt = received.AddDays(5),
                Outcome = outcome, Status = outcome is null ? ComplaintStatus.Open : ComplaintStatus.Closed,
            };
            db.Complaints.AddRange(
                Of(ComplaintOutcome.Upheld, At(11, 3, 10)),
                Of(ComplaintOutcome.PartlyUpheld, At(11, 12, 15)),
                Of(ComplaintOutcome.NotUpheld, At(11, 18, 9)),
                Of(null, At(11, 24, 16)),
                // 2026-10-31 23:30 in the hall is October's, whatever the server's clock says.
                Of(ComplaintOutcome.Upheld, At(10, 31, 23, 30)));
            await db.SaveChangesAsync();
        }

        var after = await LoadAsync("2026-11");

        Assert.Equal((4, 2), (Window(after, 2).Complaints - Window(before, 2).Complaints, Window(after, 2).ComplaintsUpheld - Window(before, 2).ComplaintsUpheld));
        Assert.Equal((4, 2), (Person(after, person).Complaints - Person(before, person).Complaints, Person(after, person).ComplaintsUpheld - Person(before, person).ComplaintsUpheld));
    }

    [Fact]
    public async Task FQ1_FirstInquiries_CountPerResponderAndWindow_FromTheHallsMidnight()
    {
        var (_, window3) = await hall.PostOfWindowAsync(3);
        var responder = await PersonOfWindowAsync(3);
        var other = await PersonOfWindowAsync(4);
        var before = await LoadAsync("2026-11");

        await using (var db = hall.CreateDbContext())
        {
            Inquiry Of(int staff, DateTimeOffset at) => new()
            {
                ReceivedAt = at, Channel = InquiryChannel.Visit, Category = InquiryCategory.Consultation, Subject = "社保转移",
                WindowId = window3, ResponderStaffId = staff, ResponderUserName = "staff", ResponderName = "窗口人员",
            };
            db.Inquiries.AddRange(
                Of(responder, At(11, 1, 0, 30)),     // 00:30 on 1 November in the hall: still October 31 in UTC, November's
                Of(responder, At(11, 20, 10)),
                Of(other, At(11, 21, 11)),
                Of(responder, At(10, 31, 23, 59)));  // October's
            await db.SaveChangesAsync();
        }

        var after = await LoadAsync("2026-11");

        Assert.Equal(3, Window(after, 3).Inquiries - Window(before, 3).Inquiries);
        Assert.Equal(2, Person(after, responder).Inquiries - Person(before, responder).Inquiries);
        Assert.Equal(1, Person(after, other).Inquiries - Person(before, other).Inquiries);
    }

    [Fact]
    public async Task TheReport_IsRefusedToWindowStaff_OnTheServer()
    {
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var service = staff.ServiceProvider.GetRequiredService<AssessmentService>();

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.LoadAsync("2026-11"));
    }

    [Theory]
    [InlineData("2026-13", "2026-13")]
    [InlineData("2026-12", "2026-11")]
    [InlineData("1999-12", "2000-01")]
    public async Task AMalformedOrFutureMonth_GetsAMessage_NeverAReport(string month, string said)
    {
        var answer = await LoadAnswerAsync(month);

        Assert.Null(answer.Report);
        Assert.Contains(said, answer.Error);
    }

    [Fact]
    public async Task TheWorkbook_IsDeniedToStaff_AndGivenToTheManagerAndTheOffice()
    {
        var staff = await DemoAccounts.SignInAsync(hall.App, "staff");
        var denied = await staff.GetAsync("/reports/assessment.xlsx?month=2026-11");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual(AssessmentService.ContentType, denied.Content.Headers.ContentType?.MediaType);

        foreach (var account in new[] { "manager", "office" })
        {
            var client = await DemoAccounts.SignInAsync(hall.App, account);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            var response = await client.GetAsync("/reports/assessment.xlsx?month=2026-11");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(AssessmentService.ContentType, response.Content.Headers.ContentType?.MediaType);
            await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(["按窗口", "按人员", "近月趋势"], MiniExcel.GetSheetNames(stream));
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "按窗口").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(rows, r => r["窗口名称"]?.ToString() == "不动产登记");
            Assert.Contains(rows, r => r["窗口名称"]?.ToString() == "全厅合计");
        }

        var manager = await DemoAccounts.SignInAsync(hall.App, "manager");
        var bad = await manager.GetAsync("/reports/assessment.xlsx?month=2026-1");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task AMonthWithItsTrend_IsReadInReasonableTime()
    {
        await LoadAsync("2026-11");
        var watch = Stopwatch.StartNew();
        await LoadAsync("2026-11");
        var withTrend = watch.Elapsed;
        watch.Restart();
        await LoadAnswerAsync("2026-11", withTrend: false);
        var alone = watch.Elapsed;
        output.WriteLine($"demo hall: a month {alone.TotalMilliseconds:0} ms, with its 6-month trend {withTrend.TotalMilliseconds:0} ms");
        Assert.True(withTrend < TimeSpan.FromSeconds(20), $"{withTrend}");
    }

    private async Task<AssessmentReport> LoadAsync(string month) => Assert.IsType<AssessmentReport>((await LoadAnswerAsync(month)).Report);

    private async Task<AssessmentAnswer> LoadAnswerAsync(string month, bool withTrend = true)
    {
        await using var office = hall.SignedIn("office", HallRoles.Office);
        return await office.ServiceProvider.GetRequiredService<AssessmentService>().LoadAsync(month, withTrend);
    }

    private async Task<int> PersonOfWindowAsync(int number)
    {
        await using var db = hall.CreateDbContext();
        return db.PostHolders.Where(h => h.Post!.Window!.Number == number && h.Role == HallOps.Domain.Staffing.PostRole.A).Select(h => h.StaffMemberId).First();
    }

    private static HallOps.Domain.Assessment.AssessmentRow Window(AssessmentReport report, int number) => report.Windows.Single(w => w.Number == number).Row;

    private static HallOps.Domain.Assessment.AssessmentRow Person(AssessmentReport report, int staffId) => report.Staff.Single(s => s.StaffId == staffId).Row;

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);
}
