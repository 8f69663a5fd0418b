using HallOps.Domain.Alerts;
using HallOps.Domain.Appointments;
using HallOps.Domain.Hall;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Appointments;

/// <summary>
/// The appointments' minute scan (AP4.2, AP4.3) on the demo hall at Wednesday 10:00: a request past
/// its reply deadline alerts its window once however often the scan runs, and the reply resolves
/// it; the serving staff member is reminded at two hours and at thirty minutes, once each; a slot
/// nobody checked in for alerts the manager at once (escalated), and checking in resolves it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AppointmentMonitorTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static int _numbers;

    private AppointmentMonitor Monitor => hall.App.Services.GetRequiredService<AppointmentMonitor>();

    private DateTimeOffset Now => hall.Clock.GetUtcNow();

    private async Task<Appointment> AddAsync(AppointmentStatus status, DateTimeOffset slot, DateTimeOffset replyDue)
    {
        await using var db = hall.CreateDbContext();
        var matter = await db.Matters.Where(m => m.Window != null && m.Window.Number == 1).OrderBy(m => m.Id).FirstAsync();
        var zhang = await db.StaffMembers.SingleAsync(s => s.Name == "张晓明");
        var appointment = new Appointment
        {
            Number = $"YY-TEST-{Interlocked.Increment(ref _numbers):D3}",
            PublicToken = HallOps.Domain.Rounds.CheckpointTokens.New(),
            Channel = AppointmentChannel.Public,
            RequesterName = "王建军",
            Phone = "13905631234",
            MatterId = matter.Id,
            MatterName = matter.Name,
            WindowId = matter.WindowId!.Value,
            SlotStart = slot,
            SlotMinutes = 60,
            RequestedAt = Now.AddDays(-1),
            RequestedBy = "public",
            Status = status,
            ReplyDueAt = replyDue,
            ServingStaffId = status == AppointmentStatus.Accepted ? zhang.Id : null,
            ServingStaffName = status == AppointmentStatus.Accepted ? zhang.Name : null,
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment;
    }

    private async Task<List<Alert>> OpenAlertsAsync(long appointmentId)
    {
        await using var db = hall.CreateDbContext();
        var subject = HallSubjects.Appointment(appointmentId);
        return await db.Alerts.AsNoTracking().Where(a => a.IsOpen && a.Subject == subject).ToListAsync();
    }

    private async Task MoveSlotAsync(long id, DateTimeOffset slot)
    {
        await using var db = hall.CreateDbContext();
        await db.Appointments.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.SlotStart, slot));
    }

    [Fact]
    public async Task AP4_2_ARequestUnansweredAtItsDeadline_AlertsItsWindowOnce_AndTheReplyResolvesIt()
    {
        var appointment = await AddAsync(AppointmentStatus.Requested, Now.AddDays(1), Now.AddMinutes(-1));

        await Monitor.ScanAsync();
        await Monitor.ScanAsync();

        var alert = Assert.Single(await OpenAlertsAsync(appointment.Id));
        Assert.Equal((AlertKinds.AppointmentUnanswered, AlertSeverity.Critical, appointment.WindowId), (alert.Kind, alert.Severity, alert.WindowId));

        await using (var staff = await hall.StaffAsync("张晓明", "staff"))
        {
            var desk = staff.ServiceProvider.GetRequiredService<AppointmentDeskService>();
            var me = (await desk.ServersAsync(appointment.Id)).Single(s => s.Name == "张晓明");
            Assert.True((await desk.AcceptAsync(appointment.Id, appointment.Version, me.StaffId)).Succeeded);
        }
        await Monitor.ScanAsync();
        Assert.Empty(await OpenAlertsAsync(appointment.Id));
    }

    [Fact]
    public async Task AP4_3_TheServerIsRemindedAtTwoHoursAndAtThirtyMinutes_OnceEach_AndNoCheckInByTheSlotAlertsTheManager()
    {
        var appointment = await AddAsync(AppointmentStatus.Accepted, Now.AddMinutes(150), Now.AddDays(-1));
        await Monitor.ScanAsync();
        Assert.Empty(await OpenAlertsAsync(appointment.Id));

        // 90 minutes before: the first reminder, once.
        await MoveSlotAsync(appointment.Id, Now.AddMinutes(90));
        Assert.Equal(1, (await Monitor.ScanAsync()).Reminded);
        Assert.Equal(0, (await Monitor.ScanAsync()).Reminded);
        var reminder = Assert.Single(await OpenAlertsAsync(appointment.Id));
        Assert.Equal(AlertKinds.AppointmentReminder, reminder.Kind);

        // 20 minutes before: the last reminder, once.
        await MoveSlotAsync(appointment.Id, Now.AddMinutes(20));
        Assert.Equal(1, (await Monitor.ScanAsync()).Reminded);
        Assert.Equal(0, (await Monitor.ScanAsync()).Reminded);
        await using (var db = hall.CreateDbContext())
        {
            var stored = await db.Appointments.AsNoTracking().SingleAsync(a => a.Id == appointment.Id);
            Assert.NotNull(stored.FirstReminderAt);
            Assert.NotNull(stored.LastReminderAt);
        }

        // The slot has begun and nobody checked in: the manager is alerted at once.
        await MoveSlotAsync(appointment.Id, Now.AddMinutes(-1));
        await Monitor.ScanAsync();
        await Monitor.ScanAsync();
        var missed = Assert.Single(await OpenAlertsAsync(appointment.Id));
        Assert.Equal((AlertKinds.AppointmentNoCheckIn, AlertSeverity.Critical), (missed.Kind, missed.Severity));
        Assert.NotNull(missed.EscalatedAt);

        await using (var db = hall.CreateDbContext())
        {
            await db.Appointments.Where(a => a.Id == appointment.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.CheckedInAt, Now));
        }
        await Monitor.ScanAsync();
        Assert.Empty(await OpenAlertsAsync(appointment.Id));
    }
}
