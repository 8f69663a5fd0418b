using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Complaints;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using HallOps.Web;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace HallOps.Tests.Integration.Complaints;

/// <summary>
/// The bureau office's queue (AC5, SC2.6) on the demo hall and a real SQLite file, at Wednesday
/// 2026-11-25 10:00 (winter hours, closing 17:00): taking a complaint gives it its due time in working
/// days; closing needs the outcome and the reply, a bad rating (差评) its call-back and fix too;
/// the 好差评 import opens one complaint per bad rating however often the file comes, and a bad file
/// saves nothing; the deadline scan keeps one alert per complaint and light, resolved on closing;
/// a dereliction draft raised from a complaint is linked both ways; window staff are refused.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ComplaintQueueTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly DateTimeOffset Now = CoverageHall.WednesdayTen;

    private AsyncServiceScope Office() => hall.SignedIn("office", HallRoles.Office);

    private static ComplaintService Complaints(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ComplaintService>();

    private static RatingService Ratings(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RatingService>();

    private static string Text(AsyncServiceScope scope, string key) =>
        scope.ServiceProvider.GetRequiredService<IStringLocalizer<SharedResource>>()[key];

    private async Task<Complaint> StoredAsync(long id)
    {
        await using var db = hall.CreateDbContext();
        return await db.Complaints.AsNoTracking().Include(c => c.Notes).SingleAsync(c => c.Id == id);
    }

    private async Task<long> TakeAsync(string content, int? staffId = null, int? windowId = null)
    {
        await using var scope = Office();
        var result = await Complaints(scope).TakeAsync(new ComplaintIntake
        {
            Kind = ComplaintKind.Complaint, Source = ComplaintSource.Phone, ComplainantName = "刘建国", ComplainantPhone = "13955621873",
            Content = content, SubjectStaffId = staffId, SubjectWindowId = windowId,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Id!.Value;
    }

    [Fact]
    public async Task SC2_6_AComplaintTakenOnTheLineIsDueAtTheCloseOfTheFifthWorkingDay_AndHeadsTheQueueByDueTime()
    {
        var (_, windowId) = await hall.PostOfWindowAsync(3);
        var id = await TakeAsync("来电反映窗口工作人员推诿", windowId: windowId);

        var stored = await StoredAsync(id);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 0, 0, CoverageHall.Beijing), stored.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 17, 0, 0, CoverageHall.Beijing), stored.DueSoonAt);
        Assert.StartsWith("TS20261125-", stored.Number);
        Assert.Equal(ComplaintSource.Phone, stored.Source);
        Assert.Equal(ComplaintStatus.Open, stored.Status);
        Assert.Equal("刘建国", stored.ComplainantName);

        await using var scope = Office();
        var queue = await Complaints(scope).QueueAsync(new ComplaintFilter { WindowId = windowId });
        var row = Assert.Single(queue.Rows, r => r.Id == id);
        Assert.Equal(CaseLight.None, row.Light);
        var all = await Complaints(scope).QueueAsync(new ComplaintFilter());
        var open = all.Rows.TakeWhile(r => r.Status == ComplaintStatus.Open).ToList();
        Assert.All(all.Rows.Skip(open.Count), r => Assert.Equal(ComplaintStatus.Closed, r.Status));
        Assert.Equal(open.OrderBy(r => r.DueAt).Select(r => r.Id), open.Select(r => r.Id));
        Assert.Equal(all.Open, open.Count);
    }

    [Fact]
    public async Task AC5_TakingAComplaintWithoutContentOrWithABadPhone_IsRefusedWithMessages_AndSavesNothing()
    {
        await using var scope = Office();
        await using var db = hall.CreateDbContext();
        var before = await db.Complaints.CountAsync();

        var result = await Complaints(scope).TakeAsync(new ComplaintIntake { Content = "  ", ComplainantPhone = "12345" });

        Assert.Equal(2, result.Errors.Count);
        Assert.Equal(before, await db.Complaints.CountAsync());
    }

    [Fact]
    public async Task AC5_ClosingWithoutOutcomeOrReply_SaysWhatIsMissing_AndChangesNothing_ThenClosesWithBoth()
    {
        var id = await TakeAsync("窗口午休无人值守");
        await using var scope = Office();
        var service = Complaints(scope);
        var version = (await StoredAsync(id)).Version;

        var refused = await service.CloseAsync(id, version);

        Assert.False(refused.Succeeded);
        Assert.Equal([service.ProblemText(ComplaintProblem.NoOutcome), service.ProblemText(ComplaintProblem.NoReply)], refused.Errors);
        var unchanged = await StoredAsync(id);
        Assert.Equal(ComplaintStatus.Open, unchanged.Status);
        Assert.Equal(version, unchanged.Version);
        Assert.Null(unchanged.ClosedAt);

        // A reply in the future, or before the complaint came in, is refused too.
        Assert.False((await service.ReplyAsync(id, version, FeedbackMethod.Phone, Now.AddMinutes(-10), null)).Succeeded);
        Assert.False((await service.ReplyAsync(id, version, FeedbackMethod.Phone, Now.AddMinutes(5), null)).Succeeded);
        Assert.True((await service.RecordOutcomeAsync(id, version, ComplaintOutcome.Upheld, "经查属实")).Succeeded);
        Assert.True((await service.ReplyAsync(id, version + 1, FeedbackMethod.Phone, Now, "已电话答复")).Succeeded);
        Assert.True((await service.CloseAsync(id, version + 2)).Succeeded);

        var closed = await StoredAsync(id);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(Now, closed.ClosedAt);
        Assert.Equal(ComplaintOutcome.Upheld, closed.Outcome);
    }

    [Fact]
    public async Task AC5_TwoClerksChangingOneComplaintAtOnce_OneWins_TheOtherIsTold()
    {
        var id = await TakeAsync("两位办事员同时处理");
        var version = (await StoredAsync(id)).Version;
        await using var first = Office();
        await using var second = hall.SignedIn("admin", HallRoles.Admin);

        var a = await Complaints(first).AddNoteAsync(id, version, "已联系窗口负责人");
        var b = await Complaints(second).RecordOutcomeAsync(id, version, ComplaintOutcome.NotUpheld, null);

        Assert.True(a.Succeeded);
        Assert.Equal([Text(second, "Complaint.ChangedMeanwhile")], b.Errors);
        var stored = await StoredAsync(id);
        Assert.Null(stored.Outcome);
        Assert.Single(stored.Notes);
    }

    [Fact]
    public async Task AC5_ABadRatingCannotCloseWithoutItsCallBackAndFix()
    {
        await using var scope = Office();
        var staffId = await hall.StaffIdAsync("张晓明");
        var entered = await Ratings(scope).EnterAsync(new RatingEntry
        {
            StaffId = staffId, Level = 1, RatedAt = Now.AddHours(-1), Comment = "态度冷淡", RaterPhone = "138****6621", Reference = "HP-TEST-CALLBACK",
        });
        Assert.True(entered.Succeeded, string.Join("; ", entered.Errors));
        var id = entered.Id!.Value;
        var service = Complaints(scope);
        var rating = await StoredAsync(id);
        Assert.True(rating.CallBackRequired);
        Assert.Equal(ComplaintKind.BadRating, rating.Kind);
        // BadRatingDueWorkingDays = 1, counted from when the office recorded it: Thursday's close.
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, CoverageHall.Beijing), rating.DueAt);

        Assert.True((await service.RecordOutcomeAsync(id, rating.Version, ComplaintOutcome.Upheld, null)).Succeeded);
        Assert.True((await service.ReplyAsync(id, rating.Version + 1, FeedbackMethod.Phone, Now, null)).Succeeded);
        var refused = await service.CloseAsync(id, rating.Version + 2);
        Assert.Equal([service.ProblemText(ComplaintProblem.NoCallBack), service.ProblemText(ComplaintProblem.NoFix)], refused.Errors);
        Assert.Equal(ComplaintStatus.Open, (await StoredAsync(id)).Status);

        Assert.True((await service.CallBackAsync(id, rating.Version + 2, Now.AddMinutes(-5), "回访：已道歉，群众表示理解")).Succeeded);
        Assert.Equal([service.ProblemText(ComplaintProblem.NoFix)], (await service.CloseAsync(id, rating.Version + 3)).Errors);
        Assert.True((await service.RecordFixAsync(id, rating.Version + 3, "窗口调整电话接听安排")).Succeeded);
        Assert.True((await service.CloseAsync(id, rating.Version + 4)).Succeeded);
        Assert.Equal(ComplaintStatus.Closed, (await StoredAsync(id)).Status);
    }

    [Fact]
    public async Task AC5_ARatingOfThreeOrMoreIsNotABadRating_AndNothingIsOpened()
    {
        await using var scope = Office();
        var (_, windowId) = await hall.PostOfWindowAsync(2);
        var result = await Ratings(scope).EnterAsync(new RatingEntry { WindowId = windowId, Level = 3, RatedAt = Now.AddHours(-1), Reference = "HP-TEST-3" });

        Assert.False(result.Succeeded);
        await using var db = hall.CreateDbContext();
        Assert.False(await db.Complaints.AnyAsync(c => c.RatingReference == "HP-TEST-3"));
    }

    [Fact]
    public async Task AC5_TheSameRatingFileImportedTwice_OpensOneComplaintPerBadRating()
    {
        var file = Workbook(
            ["HP-IMP-001", "2026-11-24 10:30", "1", "张晓明", "2", "等候时间太长", "13855631234"],
            ["HP-IMP-002", "2026-11-24 11:00", "2号窗口", "", "非常不满意", "", ""],
            ["HP-IMP-003", "2026-11-24 11:30", "3", "", "5", "很满意", ""]);
        await using var scope = Office();

        var first = await Ratings(scope).ImportAsync("好差评导出.xlsx", new MemoryStream(file));
        var second = await Ratings(scope).ImportAsync("好差评导出.xlsx", new MemoryStream(file));

        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => $"{e.Row}: {e.Message}")) + first.FileError);
        Assert.Equal((2, 0, 1), (first.Opened, first.AlreadyPresent, first.NotBad));
        Assert.Equal((0, 2, 1), (second.Opened, second.AlreadyPresent, second.NotBad));
        await using var db = hall.CreateDbContext();
        var opened = await db.Complaints.AsNoTracking().Where(c => c.RatingReference!.StartsWith("HP-IMP-")).OrderBy(c => c.RatingReference).ToListAsync();
        Assert.Equal(["HP-IMP-001", "HP-IMP-002"], opened.Select(c => c.RatingReference));
        Assert.All(opened, c =>
        {
            Assert.Equal(ComplaintKind.BadRating, c.Kind);
            Assert.Equal(ComplaintSource.RatingImport, c.Source);
            Assert.True(c.CallBackRequired);
            Assert.Equal(new DateTimeOffset(2026, 11, 26, 17, 0, 0, CoverageHall.Beijing), c.DueAt);
        });
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 30, 0, CoverageHall.Beijing), opened[0].ReceivedAt);
        Assert.Equal(1, opened[1].RatingLevel);
    }

    [Fact]
    public async Task AC5_ABadRatingFile_ListsEveryBadRowWithItsNumberAndReason_AndSavesNothing()
    {
        var file = Workbook(
            ["HP-BAD-001", "2026-11-24 10:30", "1", "张晓明", "2", "好的一行", ""],
            ["", "2026-11-24 10:30", "1", "", "1", "", ""],
            ["HP-BAD-003", "昨天", "99", "", "7", "", ""],
            ["HP-BAD-001", "2026-11-24 10:30", "", "查无此人", "1", "", ""]);
        await using var scope = Office();

        var result = await Ratings(scope).ImportAsync("bad.xlsx", new MemoryStream(file));

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5], result.Errors.Select(e => e.Row).Distinct());
        Assert.Equal(3, result.Errors.Count(e => e.Row == 4)); // time, window, level
        Assert.Equal(2, result.Errors.Count(e => e.Row == 5)); // repeated reference, unknown staff
        await using var db = hall.CreateDbContext();
        Assert.False(await db.Complaints.AnyAsync(c => c.RatingReference!.StartsWith("HP-BAD-")));

        var notXlsx = await Ratings(scope).ImportAsync("ratings.csv", new MemoryStream([1, 2, 3]));
        Assert.NotNull(notXlsx.FileError);
        var garbage = await Ratings(scope).ImportAsync("ratings.xlsx", new MemoryStream([1, 2, 3]));
        Assert.NotNull(garbage.FileError);
    }

    [Fact]
    public async Task SC2_6_TheDeadlineScanRunTwiceRaisesOneAlert_RedReplacesYellow_AndClosingResolvesIt()
    {
        var (_, windowId) = await hall.PostOfWindowAsync(5);
        var id = await TakeAsync("扫描测试", windowId: windowId);
        var subject = HallSubjects.Complaint(id);
        var scanner = hall.App.Services.GetRequiredService<ComplaintDeadlineScanner>();
        await SetClockAsync(id, dueSoonAt: Now.AddHours(-1), dueAt: Now.AddDays(1));

        await scanner.ScanAsync();
        await scanner.ScanAsync();

        var yellow = Assert.Single(await OpenAlertsAsync(subject));
        Assert.Equal((AlertKinds.ComplaintDueSoon, AlertSeverity.Warning, (int?)null), (yellow.Kind, yellow.Severity, yellow.WindowId));

        await SetClockAsync(id, dueSoonAt: Now.AddDays(-2), dueAt: Now.AddMinutes(-1));
        await scanner.ScanAsync();
        await scanner.ScanAsync();
        var red = Assert.Single(await OpenAlertsAsync(subject));
        Assert.Equal((AlertKinds.ComplaintOverdue, AlertSeverity.Critical, (int?)null), (red.Kind, red.Severity, red.WindowId));

        // The office sees it on its own queue.
        await using var scope = Office();
        var queue = await Complaints(scope).QueueAsync(new ComplaintFilter());
        Assert.Contains(queue.Alerts, a => a.AlertId == red.Id && a.ComplaintId == id);
        Assert.Equal(CaseLight.Red, queue.Rows.Single(r => r.Id == id).Light);

        var service = Complaints(scope);
        var version = (await StoredAsync(id)).Version;
        Assert.True((await service.RecordOutcomeAsync(id, version, ComplaintOutcome.NotUpheld, null)).Succeeded);
        Assert.True((await service.ReplyAsync(id, version + 1, FeedbackMethod.Letter, Now, null)).Succeeded);
        Assert.True((await service.CloseAsync(id, version + 2)).Succeeded);

        Assert.Empty(await OpenAlertsAsync(subject));
        await scanner.ScanAsync();
        Assert.Empty(await OpenAlertsAsync(subject));
        await using var db = hall.CreateDbContext();
        Assert.Equal(2, await db.Alerts.CountAsync(a => a.Subject == subject));
    }

    [Fact]
    public async Task AC1_AC5_RaisingADerelictionFromAComplaint_DraftsARecordLinkedBothWays()
    {
        var staffId = await hall.StaffIdAsync("张晓明");
        var (_, windowId) = await hall.PostOfWindowAsync(1);
        var without = await TakeAsync("未指定被投诉人");
        var id = await TakeAsync("工作人员态度恶劣，摔材料", staffId, windowId);
        await using var scope = Office();
        var service = Complaints(scope);

        Assert.Equal([Text(scope, "Complaint.DerelictionNeedsStaff")], (await service.RaiseDerelictionAsync(without)).Errors);
        var first = await service.RaiseDerelictionAsync(id);
        var second = await service.RaiseDerelictionAsync(id, DerelictionType.Other);

        Assert.True(first.Succeeded && second.Succeeded);
        await using var db = hall.CreateDbContext();
        var record = await db.DerelictionRecords.AsNoTracking().SingleAsync(d => d.Id == first.Id);
        Assert.Equal((DerelictionOrigin.Complaint, DerelictionStatus.Draft, DerelictionType.BadAttitude), (record.Origin, record.Status, record.Type));
        Assert.Equal((id, staffId, windowId), (record.ComplaintId!.Value, record.StaffMemberId!.Value, record.WindowId!.Value));
        Assert.Equal(ComplaintService.SourceKey(id, 1), record.SourceKey);
        Assert.Equal($"complaint:{id}:2", (await db.DerelictionRecords.AsNoTracking().SingleAsync(d => d.Id == second.Id)).SourceKey);

        var detail = await service.DetailAsync(id);
        Assert.Equal([first.Id!.Value, second.Id!.Value], detail!.Derelictions.Select(d => d.Id));
        Assert.All(detail.Derelictions, d => Assert.Equal(DerelictionStatus.Draft, d.Status));
        Assert.Equal("张晓明", detail.Derelictions[0].StaffName);
    }

    [Fact]
    public async Task AC5_WindowStaffAreRefusedByTheServer()
    {
        await using var staff = await hall.StaffAsync("张晓明", "staff");

        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Complaints(staff).QueueAsync(new ComplaintFilter()));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Complaints(staff).DetailAsync(1));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Complaints(staff).TakeAsync(new ComplaintIntake { Content = "x" }));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Complaints(staff).CloseAsync(1, 0));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Complaints(staff).RaiseDerelictionAsync(1));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Ratings(staff).ImportAsync("a.xlsx", new MemoryStream()));
        await Assert.ThrowsAsync<HallAccessDeniedException>(() => Ratings(staff).EnterAsync(new RatingEntry()));
    }

    private async Task SetClockAsync(long id, DateTimeOffset dueSoonAt, DateTimeOffset dueAt)
    {
        await using var db = hall.CreateDbContext();
        var complaint = await db.Complaints.SingleAsync(c => c.Id == id);
        complaint.DueSoonAt = dueSoonAt;
        complaint.DueAt = dueAt;
        complaint.Version++;
        await db.SaveChangesAsync();
    }

    private async Task<List<Alert>> OpenAlertsAsync(string subject)
    {
        await using var db = hall.CreateDbContext();
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Subject == subject).ToListAsync();
    }

    private static byte[] Workbook(params string[][] rows)
    {
        var lines = rows.Select(r => RatingService.Columns.Select((c, i) => (c, (object)r[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(lines);
        return stream.ToArray();
    }
}
