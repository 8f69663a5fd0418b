using System.Globalization;
using HallOps.Domain.Appointments;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Appointments;

/// <summary>
/// The window's reply (AP4.2) on the demo hall: 张晓明 (window 1's A holder) accepts with himself
/// serving — the requester's page then names him, his phone and the matter's whole materials list
/// (OT1); a decline needs the leader's approval and a reason; staff of another window may not reply;
/// a request is answered once.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AppointmentReplyTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly DateTimeOffset ThursdayFive = new(2026, 11, 26, 17, 0, 0, CoverageHall.Beijing);

    private static T Service<T>(AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A public request for a matter of window 1.</summary>
    private async Task<(Appointment Appointment, string Token)> RequestAsync()
    {
        await using var scope = hall.App.Services.CreateAsyncScope();
        var booking = Service<AppointmentBookingService>(scope);
        var matter = (await booking.MattersAsync()).First(m => m.WindowNumber == 1);
        var result = await booking.RequestPublicAsync(new AppointmentRequestInput
        {
            RequesterName = "王建军", Phone = "13905631234", MatterId = matter.Id, SlotStart = ThursdayFive,
        });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        await using var db = hall.CreateDbContext();
        return (await db.Appointments.AsNoTracking().SingleAsync(a => a.Number == result.Number), result.Token!);
    }

    [Fact]
    public async Task AP4_2_OT1_Accepted_TheRequesterIsShownWhoServes_TheirPhone_AndEveryMaterial()
    {
        var (appointment, token) = await RequestAsync();
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var desk = Service<AppointmentDeskService>(staff);
        Assert.Contains(await desk.ListAsync(), r => r.Id == appointment.Id && r.Status == AppointmentStatus.Requested);
        var servers = await desk.ServersAsync(appointment.Id);
        var me = Assert.Single(servers, s => s.Name == "张晓明");

        var saved = await desk.AcceptAsync(appointment.Id, appointment.Version, me.StaffId);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        var view = await Service<AppointmentBookingService>(staff).ByTokenAsync(token);
        Assert.Equal((AppointmentStatus.Accepted, "张晓明", me.Phone), (view!.Status, view.ServingStaffName, view.ServingStaffPhone));
        await using var db = hall.CreateDbContext();
        var materials = await db.Matters.Where(m => m.Id == appointment.MatterId)
            .SelectMany(m => m.CurrentVersion!.Materials).OrderBy(m => m.Order).Select(m => m.Name).ToListAsync();
        Assert.NotEmpty(materials);
        Assert.Equal(materials, view.Materials.Select(m => m.Split('（')[0]));

        // Answered once: a second reply is told who answered.
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var again = await desk.DeclineAsync(appointment.Id, appointment.Version + 1, "局分管领导 李明", "重复");
        Assert.Equal(["该预约已答复（已受理预约，staff）。"], again.Errors);
    }

    [Fact]
    public async Task AP4_2_ADecline_NeedsTheLeadersApprovalAndAReason_WhichTheRequesterIsGiven()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (appointment, token) = await RequestAsync();
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var desk = Service<AppointmentDeskService>(staff);

        var refused = await desk.DeclineAsync(appointment.Id, appointment.Version, " ", "");
        Assert.Equal(["不予预约须经局分管领导同意，请填写批准领导。", "请填写不予预约的理由，将告知申请人。"], refused.Errors);
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal(AppointmentStatus.Requested, (await db.Appointments.SingleAsync(a => a.Id == appointment.Id)).Status);
        }

        Assert.True((await desk.DeclineAsync(appointment.Id, appointment.Version, "李明（局分管领导）", "该事项须现场勘验，不适合预约办理。")).Succeeded);
        var view = await Service<AppointmentBookingService>(staff).ByTokenAsync(token);
        Assert.Equal((AppointmentStatus.Declined, "该事项须现场勘验，不适合预约办理。"), (view!.Status, view.DeclineReason));
        Assert.Null(view.ServingStaffName);
    }

    [Fact]
    public async Task AP4_2_StaffOfAnotherWindow_MayNotReply_NorSeeTheRequest()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (appointment, _) = await RequestAsync();
        await using var db = hall.CreateDbContext();
        var other = await db.StaffMembers.Where(s => !db.PostHolders.Any(h => h.StaffMemberId == s.Id && h.Post!.WindowId == appointment.WindowId)
                && db.PostHolders.Any(h => h.StaffMemberId == s.Id))
            .Select(s => new { s.Id, s.Name }).FirstAsync();
        await using var scope = hall.SignedIn("other", HallRoles.Staff, other.Id);
        var desk = Service<AppointmentDeskService>(scope);

        Assert.DoesNotContain(await desk.ListAsync(), r => r.Id == appointment.Id);
        Assert.Empty(await desk.ServersAsync(appointment.Id));
        var result = await desk.AcceptAsync(appointment.Id, appointment.Version, other.Id);
        Assert.Equal(["只有本窗口的工作人员、首席代表或大厅管理人员可以答复。"], result.Errors);
        Assert.Equal(AppointmentStatus.Requested, (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id)).Status);
    }

    [Fact]
    public async Task AP4_3_AP4_5_TheServerChecksInOnlyForThemself_AndTheServedTimeOutsideHours_IsCreditedOnceAsCompTime()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (appointment, _) = await RequestAsync();
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var desk = Service<AppointmentDeskService>(staff);
        var me = (await desk.ServersAsync(appointment.Id)).Single(s => s.Name == "张晓明");
        Assert.True((await desk.AcceptAsync(appointment.Id, appointment.Version, me.StaffId)).Succeeded);

        // Someone else may not check in for 张晓明.
        await using (var db = hall.CreateDbContext())
        {
            var otherId = await db.StaffMembers.Where(s => s.Name == "王建华").Select(s => s.Id).SingleAsync();
            await using var other = hall.SignedIn("other", HallRoles.Staff, otherId);
            Assert.Equal(["只能为自己签到：本预约的服务人员是张晓明。"], (await Service<AppointmentDeskService>(other).CheckInAsync(appointment.Id)).Errors);
        }

        // A day ahead is not arriving for it: check-in opens two hours before the slot.
        Assert.Equal(["预约开始前2小时内方可到岗签到"], (await desk.CheckInAsync(appointment.Id)).Errors);

        // Say the slot was yesterday evening (Tuesday 24th, closing 17:00): checking in now, after it, is flagged late (AP4.3).
        await using (var db = hall.CreateDbContext())
        {
            await db.Appointments.Where(a => a.Id == appointment.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.SlotStart, new DateTimeOffset(2026, 11, 24, 17, 0, 0, CoverageHall.Beijing)));
        }
        Assert.True((await desk.CheckInAsync(appointment.Id)).Succeeded);
        Assert.Single((await desk.CheckInAsync(appointment.Id)).Errors);

        // Served 16:45–18:30: the 90 minutes after closing are comp time, credited once.
        var version = (await desk.ListAsync()).Single(r => r.Id == appointment.Id).Version;
        var from = new DateTimeOffset(2026, 11, 24, 16, 45, 0, CoverageHall.Beijing);
        var to = new DateTimeOffset(2026, 11, 24, 18, 30, 0, CoverageHall.Beijing);
        Assert.Equal(["请填写实际服务的开始和结束时间（结束不晚于现在，最长12小时）。"],
            (await desk.CompleteAsync(appointment.Id, version, AppointmentStatus.Done, to, from, null)).Errors);
        Assert.True((await desk.CompleteAsync(appointment.Id, version, AppointmentStatus.Done, from, to, "材料齐全，当场办结")).Succeeded);
        Assert.Equal(["该预约未处于已受理状态。"], (await desk.CompleteAsync(appointment.Id, version + 1, AppointmentStatus.Done, from, to, null)).Errors);

        await using var check = hall.CreateDbContext();
        var stored = await check.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id);
        Assert.Equal((AppointmentStatus.Done, 90, true), (stored.Status, stored.CompMinutes, stored.CheckedInLate));
        var entry = await check.CompTimeEntries.AsNoTracking().SingleAsync(c => c.AppointmentId == appointment.Id);
        Assert.Equal((me.StaffId, CompTimeKind.Earned, 90), (entry.StaffMemberId, entry.Kind, entry.Minutes));
    }
    [Fact]
    public async Task AP4_1_AP4_4_Rescheduled_TheNewSlotKeepsTheRules_AndTheRequestersLinkFollowsIt()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var (appointment, token) = await RequestAsync();
        await using var staff = await hall.StaffAsync("张晓明", "staff");
        var desk = Service<AppointmentDeskService>(staff);
        var me = (await desk.ServersAsync(appointment.Id)).Single(s => s.Name == "张晓明");
        Assert.True((await desk.AcceptAsync(appointment.Id, appointment.Version, me.StaffId)).Succeeded);
        var version = (await desk.ListAsync()).Single(r => r.Id == appointment.Id).Version;

        // Inside opening hours (Friday 10:00) is refused with the earliest slot; nothing changes.
        var inside = await desk.RescheduleAsync(appointment.Id, version, new DateTimeOffset(2026, 11, 27, 10, 0, 0, CoverageHall.Beijing), "申请人改时间");
        Assert.Single(inside.Errors);
        Assert.Contains("最早可约", inside.Errors[0]);
        await using (var db = hall.CreateDbContext())
        {
            Assert.Equal(AppointmentStatus.Accepted, (await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id)).Status);
        }

        // Saturday 28th 10:00 is a rest day inside the rest-day hours: moved.
        var saturday = new DateTimeOffset(2026, 11, 28, 10, 0, 0, CoverageHall.Beijing);
        Assert.True((await desk.RescheduleAsync(appointment.Id, version, saturday, "申请人周五要出差")).Succeeded);

        var view = await Service<AppointmentBookingService>(staff).ByTokenAsync(token);
        Assert.Equal((AppointmentStatus.Accepted, saturday, "张晓明"), (view!.Status, view.SlotStart, view.ServingStaffName));
        Assert.NotEqual(appointment.Number, view.Number);
        await using var check = hall.CreateDbContext();
        var old = await check.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id);
        var next = await check.Appointments.AsNoTracking().SingleAsync(a => a.Number == view.Number);
        Assert.Equal((AppointmentStatus.Rescheduled, next.Id, "申请人周五要出差"), (old.Status, old.RescheduledToId, old.CompletionNote));
        Assert.NotEqual(token, old.PublicToken);

        // The old one is done with: it cannot be moved again.
        Assert.Equal(["此预约为“已改约”，不能改期"], (await desk.RescheduleAsync(appointment.Id, old.Version, saturday.AddHours(1), null)).Errors);
    }
}
