using System.Globalization;
using HallOps.Domain.Complaints;
using HallOps.Domain.Identity;
using HallOps.Domain.Inquiries;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Inquiries;
using HallOps.Web.Presence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Inquiries;

/// <summary>
/// 首问登记 on the real app and SQLite database (<see cref="CoverageHall"/>: Wednesday 2026-11-25, 10:00):
/// the quick path, a 投诉 reaching the office's queue (FQ3.6), who may dispose (own inquiries only), and bad
/// dispositions explained in Chinese with nothing changed (FQ3.3, FQ3.4).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class InquiryServiceTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task FQ1_FQ3_1_TheQuickPath_LogsTheResponderAndTheirWindow_AnswersOnTheSpot_AndCloses_OnceForADoubleClick()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (post1, window1) = await hall.PostOfWindowAsync(1);
        var staffId = await hall.StaffIdAsync("张晓明");
        await using var scope = await hall.StaffAsync("张晓明", "staff");
        Assert.True((await Service<PresenceService>(scope).SignOnAsync(post1)).Succeeded);
        var inquiries = Service<InquiryService>(scope);
        var form = new InquiryForm { Subject = "  社保卡补办需要什么材料 " };

        var twice = await Task.WhenAll(inquiries.LogAsync(form, answeredOnTheSpot: true), inquiries.LogAsync(form, answeredOnTheSpot: true));

        Assert.All(twice, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors)));
        Assert.Equal(twice[0].InquiryId, twice[1].InquiryId);
        await using var db = hall.CreateDbContext();
        var stored = await db.Inquiries.AsNoTracking().Where(i => i.Subject == "社保卡补办需要什么材料").ToListAsync();
        var inquiry = Assert.Single(stored);
        Assert.Equal((InquiryChannel.Visit, InquiryCategory.Consultation, "staff", staffId, window1),
            (inquiry.Channel, inquiry.Category, inquiry.ResponderUserName, inquiry.ResponderStaffId!.Value, inquiry.WindowId!.Value));
        Assert.Equal((InquiryDisposition.Handled, "已当场答复。", FeedbackMethod.OnTheSpot, CoverageHall.WednesdayTen, CoverageHall.WednesdayTen),
            (inquiry.Disposition!.Value, inquiry.Answer, inquiry.FeedbackMethod!.Value, inquiry.FeedbackAt!.Value, inquiry.ClosedAt!.Value));
        Assert.Null(inquiry.ComplaintId);
        Assert.Contains(await inquiries.MineAsync(), r => r.Id == inquiry.Id && r.State == InquiryState.Closed);
    }

    [Fact]
    public async Task FQ3_6_AComplaintLogged_LandsInTheOfficesQueue_AsAComplaintDueInFiveWorkingDays_AndGoesToTheBureauOffice()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = await hall.StaffAsync("李静");
        var result = await Service<InquiryService>(scope).LogAsync(new InquiryForm
        {
            Category = InquiryCategory.Complaint, Subject = "3号窗口工作人员办事推诿", PersonName = "王建国", PersonPhone = "13855631234",
        });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.StartsWith("TS20261125-", result.ComplaintNumber);
        await using var db = hall.CreateDbContext();
        var inquiry = await db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == result.InquiryId);
        var complaint = await db.Complaints.AsNoTracking().SingleAsync(c => c.InquiryId == inquiry.Id);
        Assert.Equal((complaint.Id, InquiryDisposition.BureauOffice), (inquiry.ComplaintId!.Value, inquiry.Disposition!.Value));
        Assert.Equal((result.ComplaintNumber, ComplaintKind.Complaint, ComplaintSource.Inquiry, ComplaintStatus.Open),
            (complaint.Number, complaint.Kind, complaint.Source, complaint.Status));
        Assert.Equal(("3号窗口工作人员办事推诿", "王建国", "13855631234", CoverageHall.WednesdayTen),
            (complaint.Content, complaint.ComplainantName, complaint.ComplainantPhone, complaint.ReceivedAt));
        // SC2.6: received Wednesday → due at the close of the fifth working day after, Wednesday 2 December, 17:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 17, 0, 0, CoverageHall.Beijing), complaint.DueAt);

        // The office sees the person in full; the responder's own list masks them.
        await using var office = hall.SignedIn("office", HallRoles.Office);
        var all = await Service<InquiryService>(office).AllAsync(new InquiryFilter { Category = InquiryCategory.Complaint });
        Assert.Contains(all, r => r.Id == inquiry.Id && r.PersonName == "王建国" && r.PersonPhone == "13855631234" && r.ComplaintNumber == result.ComplaintNumber);
        var mine = (await Service<InquiryService>(scope).MineAsync()).Single(r => r.Id == inquiry.Id);
        Assert.Equal(("王*国", "138****1234"), (mine.PersonName, mine.PersonPhone));
    }

    [Fact]
    public async Task FQ3_AStaffMember_CannotDisposeOfAnothersInquiry_TheManagerMay()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var owner = await hall.StaffAsync("王建华");
        var logged = await Service<InquiryService>(owner).LogAsync(new InquiryForm { Subject = "公积金提取" });
        var id = logged.InquiryId!.Value;

        await using var other = await hall.StaffAsync("张晓明", "staff");
        var refused = await Service<InquiryService>(other).DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.GuidanceDesk });
        var refusedClose = await Service<InquiryService>(other).CloseAsync(id);

        Assert.Equal(["只能处置自己登记的首问（大厅管理人员和局办公室除外）。"], refused.Errors);
        Assert.Equal(refused.Errors, refusedClose.Errors);
        Assert.Equal((null, false), await Service<InquiryService>(other).GetAsync(id) is var (detail, notYours) ? (detail, !notYours) : default);
        Assert.Null((await InquiryAsync(id)).Disposition);

        await using var manager = hall.SignedIn("manager", HallRoles.Manager);
        Assert.True((await Service<InquiryService>(manager).DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.GuidanceDesk })).Succeeded);
        Assert.Equal(InquiryDisposition.GuidanceDesk, (await InquiryAsync(id)).Disposition);
    }

    [Fact]
    public async Task FQ3_3_GuidedToAWindowThatDoesNotExist_IsExplained_AndNothingChanges()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = await hall.StaffAsync("刘洋");
        var inquiries = Service<InquiryService>(scope);
        var id = (await inquiries.LogAsync(new InquiryForm { Subject = "医保异地备案" })).InquiryId!.Value;
        var before = await InquiryAsync(id);

        var result = await inquiries.DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.GuidedToWindow, TargetWindowId = 99999, Version = before.Version });

        Assert.Equal(["所选窗口不存在，请从窗口列表中重新选择。"], result.Errors);
        var after = await InquiryAsync(id);
        Assert.Equal((before.Version, (InquiryDisposition?)null, (int?)null), (after.Version, after.Disposition, after.TargetWindowId));

        // The live list offers the real ones; a real window is taken, and a stale form is refused afterwards.
        var window6 = (await inquiries.WindowsAsync()).Single(w => w.Number == 6);
        Assert.True((await inquiries.DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.GuidedToWindow, TargetWindowId = window6.Id, Version = before.Version })).Succeeded);
        Assert.Equal(["这条登记刚被修改过，请刷新后再操作。"],
            (await inquiries.DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.GuidanceDesk, Version = before.Version })).Errors);
        Assert.Equal(window6.Id, (await InquiryAsync(id)).TargetWindowId);
    }

    [Fact]
    public async Task FQ3_4_AReferralWithoutAnAddress_IsExplained_AndNothingChanges_WithOne_TheDepartmentJoinsTheDirectory()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var scope = await hall.StaffAsync("陈敏");
        var inquiries = Service<InquiryService>(scope);
        var id = (await inquiries.LogAsync(new InquiryForm { Subject = "办理残疾证评定" })).InquiryId!.Value;
        await using (var db = hall.CreateDbContext())
        {
            Assert.False(await db.Departments.AnyAsync(d => d.Name == "县残疾人评定中心"));
        }

        var refused = await inquiries.DisposeAsync(id, new DisposeForm { Disposition = InquiryDisposition.ReferredOutside, DepartmentName = "县残疾人评定中心", DepartmentAddress = "  " });

        Assert.Equal(["告知外单位时，请填写单位地址。"], refused.Errors);
        Assert.Null((await InquiryAsync(id)).Disposition);
        await using (var db = hall.CreateDbContext())
        {
            Assert.False(await db.Departments.AnyAsync(d => d.Name == "县残疾人评定中心"));
        }

        var referred = await inquiries.DisposeAsync(id, new DisposeForm
        {
            Disposition = InquiryDisposition.ReferredOutside, DepartmentName = "县残疾人评定中心", DepartmentAddress = "城关镇康复路3号", Liaised = true,
        });
        Assert.True(referred.Succeeded, string.Join("; ", referred.Errors));
        var inquiry = await InquiryAsync(id);
        var department = Assert.Single(await Service<DepartmentService>(scope).SearchAsync("残疾人评定"));
        Assert.Equal((department.Id, "城关镇康复路3号", true), (inquiry.DepartmentId!.Value, inquiry.DepartmentAddress, inquiry.Liaised));

        // FQ3.1: it closes only once the feedback is recorded; not in the future.
        Assert.Equal(["还没有记录向来人反馈的方式和时间，不能办结。"], (await inquiries.CloseAsync(id)).Errors);
        var future = await inquiries.FeedbackAsync(id, new FeedbackForm { Method = FeedbackMethod.Phone, At = new DateTime(2026, 11, 25, 11, 0, 0) });
        Assert.Equal(["反馈时间不能晚于现在。"], future.Errors);
        Assert.Null((await InquiryAsync(id)).FeedbackAt);
        Assert.True((await inquiries.FeedbackAsync(id, new FeedbackForm { Method = FeedbackMethod.Phone, At = new DateTime(2026, 11, 25, 10, 0, 0) })).Succeeded);
        Assert.Equal(CoverageHall.WednesdayTen, (await InquiryAsync(id)).ClosedAt);
    }

    [Fact]
    public async Task FQ3_4_TheDirectory_RefusesASecondEntryOfTheSameName_AndOnlyTheOfficeEditsIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var staff = await hall.StaffAsync("杨帆");
        var departments = Service<DepartmentService>(staff);

        Assert.Equal(["名录中已有“县人民法院诉讼服务中心”，请勿重复添加。"],
            (await departments.SaveAsync(new DepartmentEdit { Name = "县人民法院诉讼服务中心", Address = "别处" })).Errors);
        var court = (await departments.SearchAsync("法院")).Single();
        await Assert.ThrowsAsync<Web.Identity.HallAccessDeniedException>(() => departments.SetActiveAsync(court.Id, false));

        await using var office = hall.SignedIn("office", HallRoles.Office);
        Assert.True((await Service<DepartmentService>(office).SetActiveAsync(court.Id, false)).Succeeded);
        Assert.Empty(await departments.SearchAsync("法院"));
        Assert.True((await Service<DepartmentService>(office).SetActiveAsync(court.Id, true)).Succeeded);
    }

    private async Task<Inquiry> InquiryAsync(long id)
    {
        await using var db = hall.CreateDbContext();
        return await db.Inquiries.AsNoTracking().SingleAsync(i => i.Id == id);
    }
}
