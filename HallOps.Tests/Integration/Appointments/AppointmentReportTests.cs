using System.Net;
using HallOps.Domain.Appointments;
using HallOps.Domain.Identity;
using HallOps.Jobs;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Appointments;

/// <summary>
/// 预约服务情况周报 (AP4.4) on the real app and a real SQLite database, on Wednesday 2026-11-25 10:00
/// (hall time): appointment rows put straight into the table count in the week they belong to; the
/// job run twice, or two runs at once, keep one report per week; the workbook carries the rows; window
/// staff cannot read the reports; a bad week is answered with a message, never a 500.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AppointmentReportTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A week the demo hall has no appointments in.</summary>
    private static readonly DateOnly Week = new(2026, 11, 2);

    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 0, 0, 0, Beijing);

    private static int _numbers;

    private AppointmentReporter Reporter => hall.App.Services.GetRequiredService<AppointmentReporter>();

    private async Task<Appointment> AddAsync(AppointmentStatus status, DateTimeOffset requested, DateTimeOffset? replied, DateTimeOffset slot, Action<Appointment>? more = null)
    {
        await using var db = hall.CreateDbContext();
        var matter = await db.Matters.Where(m => m.Window != null && m.Window.Number == 1).OrderBy(m => m.Id).FirstAsync();
        var appointment = new Appointment
        {
            Number = $"YY-RPT-{Interlocked.Increment(ref _numbers):D3}",
            PublicToken = HallOps.Domain.Rounds.CheckpointTokens.New(),
            Channel = AppointmentChannel.Public,
            RequesterName = "钱卫东",
            Phone = "13905631234",
            MatterId = matter.Id,
            MatterName = matter.Name,
            WindowId = matter.WindowId!.Value,
            SlotStart = slot,
            SlotMinutes = 60,
            RequestedAt = requested,
            RequestedBy = "public",
            Status = status,
            ReplyDueAt = requested.AddHours(8),
            RepliedAt = replied,
        };
        more?.Invoke(appointment);
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment;
    }

    private async Task<List<AppointmentReport>> ReportsOfAsync(DateOnly week)
    {
        await using var db = hall.CreateDbContext();
        return await db.AppointmentReports.AsNoTracking().Where(r => r.WeekStart == week).ToListAsync();
    }

    [Fact]
    public async Task AP4_4_TheWeeksFigures_CountRequestsAcceptedDeclinedDoneNoShowsLateArrivalsAndMinutes()
    {
        // Requested the Friday before, accepted then; served Tuesday evening 70 minutes, checked in late.
        await AddAsync(AppointmentStatus.Done, Monday.AddDays(-3).AddHours(9), Monday.AddDays(-3).AddHours(11), Monday.AddDays(1).AddHours(18), a =>
        {
            a.CheckedInLate = true;
            a.ServedFrom = a.SlotStart;
            a.ServedTo = a.SlotStart.AddMinutes(70);
            a.CompMinutes = 70;
            a.ServingStaffName = "王建华";
        });
        // Requested Monday, accepted Monday; no-show Saturday morning.
        await AddAsync(AppointmentStatus.NoShow, Monday.AddHours(9), Monday.AddHours(10), Monday.AddDays(5).AddHours(9));
        // Requested Tuesday, declined Tuesday with the leader's approval.
        await AddAsync(AppointmentStatus.Declined, Monday.AddDays(1).AddHours(9), Monday.AddDays(1).AddHours(15), Monday.AddDays(8).AddHours(18), a =>
        {
            a.DeclineReason = "需现场核验原件";
            a.DeclineApprovedBy = "分管副局长 王立新";
        });
        // Requested Thursday, accepted Thursday, slot next week.
        await AddAsync(AppointmentStatus.Accepted, Monday.AddDays(3).AddHours(9), Monday.AddDays(3).AddHours(10), Monday.AddDays(9).AddHours(18));
        // Requested the Monday after: another week.
        await AddAsync(AppointmentStatus.Requested, Monday.AddDays(7).AddHours(9), null, Monday.AddDays(10).AddHours(18));

        var report = await Reporter.GenerateAsync(Week);

        Assert.Equal((3, 2, 1, 1, 1, 1, 70), (report.Requests, report.Accepted, report.Declined, report.Done, report.NoShows, report.LateArrivals, report.MinutesServed));
        var rows = AppointmentReporter.ReadRows(report.Rows);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal("钱*东", r.Requester));
        var declined = Assert.Single(rows, r => r.Status == AppointmentStatus.Declined);
        Assert.Equal(("需现场核验原件", "分管副局长 王立新"), (declined.DeclineReason, declined.DeclineApprovedBy));
        Assert.Single(await ReportsOfAsync(Week));
    }

    [Fact]
    public async Task AP4_4_TheJobRunTwice_OrTwoRunsAtOnce_KeepOneReportPerWeek()
    {
        var job = hall.App.Services.GetRequiredService<AppointmentReportJob>();
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        await using (var db = hall.CreateDbContext())
        {
            var weeks = await db.AppointmentReports.AsNoTracking().Select(r => r.WeekStart).ToListAsync();
            Assert.Equal(weeks.Count, weeks.Distinct().Count());
            // Wednesday 2026-11-25: the eight weeks before are made up; this week is not due yet.
            for (var week = new DateOnly(2026, 9, 28); week < new DateOnly(2026, 11, 23); week = week.AddDays(7))
            {
                Assert.Contains(week, weeks);
            }
            Assert.DoesNotContain(new DateOnly(2026, 11, 23), weeks);
        }

        var race = new DateOnly(2026, 8, 3);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Reporter.GenerateAsync(race))));
        Assert.Single(await ReportsOfAsync(race));
    }

    [Fact]
    public async Task AP4_4_TheWorkbook_CarriesTheRows_ForTheManagerAndTheOffice()
    {
        await AddAsync(AppointmentStatus.Declined, Monday.AddDays(-6).AddHours(9), Monday.AddDays(-6).AddHours(15), Monday.AddDays(-1).AddHours(9), a =>
        {
            a.DeclineReason = "非工作时间无法核验";
            a.DeclineApprovedBy = "分管副局长 李华";
        });
        var week = Week.AddDays(-7);
        await Reporter.GenerateAsync(week);

        foreach (var account in new[] { "manager", "office" })
        {
            var client = await DemoAccounts.SignInAsync(hall.App, account);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
            var response = await client.GetAsync($"/reports/appointments.xlsx?week={week:yyyy-MM-dd}");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(AppointmentReportService.ContentType, response.Content.Headers.ContentType?.MediaType);
            await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(["汇总", "明细"], MiniExcel.GetSheetNames(stream));
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "明细").Cast<IDictionary<string, object?>>().ToList();
            var row = Assert.Single(rows, r => r["不予预约理由"]?.ToString() == "非工作时间无法核验");
            Assert.Equal(("钱*东", "不予预约", "分管副局长 李华"), (row["预约人"]?.ToString(), row["状态"]?.ToString(), row["批准领导"]?.ToString()));
        }
    }

    [Fact]
    public async Task AP4_4_WindowStaff_CannotReadOrMakeTheReports()
    {
        await Reporter.GenerateAsync(Week.AddDays(-14));
        await using (var staff = await hall.StaffAsync("张晓明", "staff"))
        {
            var service = staff.ServiceProvider.GetRequiredService<AppointmentReportService>();
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.ListAsync());
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.LoadAsync("2026-10-19"));
            await Assert.ThrowsAsync<HallAccessDeniedException>(() => service.GenerateThisWeekAsync());
        }

        var client = await DemoAccounts.SignInAsync(hall.App, "staff");
        var denied = await client.GetAsync("/reports/appointments.xlsx?week=2026-10-19");
        Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
        Assert.NotEqual(AppointmentReportService.ContentType, denied.Content.Headers.ContentType?.MediaType);
        foreach (var page in new[] { "/reports/appointments", "/reports/appointments/2026-10-19", "/reports/appointments/2026-10-19/print" })
        {
            var response = await client.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("appointment-report-list", html);
            Assert.DoesNotContain("appointment-sheet", html);
        }
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("2026-11-03")] // a Tuesday
    [InlineData("nonsense")]
    [InlineData("2019-01-07")] // a Monday without a kept report
    public async Task AP4_4_ABadWeek_GetsAMessage_NeverA500(string week)
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var export = await client.GetAsync($"/reports/appointments.xlsx?week={week}");
        Assert.True(export.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{export.StatusCode}");

        foreach (var page in new[] { $"/reports/appointments/{week}", $"/reports/appointments/{week}/print" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(week, html);
            Assert.Contains(week == "2019-01-07" ? "没有存档的周报" : "不是有效的周次", html);
        }

        await using var office = hall.SignedIn("office", HallRoles.Office);
        var answer = await office.ServiceProvider.GetRequiredService<AppointmentReportService>().LoadAsync(week);
        Assert.Null(answer.Report);
        Assert.NotNull(answer.Error);
    }

    [Fact]
    public async Task AP4_4_TheDemoHall_KeepsLastWeeksReport_WithItsRows()
    {
        var report = Assert.Single(await ReportsOfAsync(new DateOnly(2026, 11, 16)));
        Assert.True(report.Done >= 1);
        Assert.NotEmpty(AppointmentReporter.ReadRows(report.Rows));
    }
}
