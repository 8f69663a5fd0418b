using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// Last week's after-hours appointments (AP1–AP4.5), into a hall that has none yet — served, served
/// with a late check-in, a no-show and a decline with its reason and the leader's approval — and the
/// week's kept report (AP4.4), so the weekly report page has something to show on the first day of
/// the demo. Slots are placed in last week's real after-hours periods by the working calendar.
/// </summary>
public static class DemoAppointments
{
    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, HallOptions options, CancellationToken cancellationToken)
    {
        if (!await db.Windows.AnyAsync(cancellationToken) || !await db.Matters.AnyAsync(cancellationToken))
        {
            return;
        }
        var calendar = new WorkingCalendar(options.Zone(), OfficialHolidays.Load(), OpeningHours.From(options.OpeningHours));
        var lastWeek = AppointmentReporter.WeekOf(calendar.LocalDate(now)).AddDays(-7);
        if (!await db.Appointments.AnyAsync(cancellationToken))
        {
            await SeedWeekAsync(db, lastWeek, calendar, cancellationToken);
        }
        if (!await db.AppointmentReports.AnyAsync(r => r.WeekStart == lastWeek, cancellationToken))
        {
            await AppointmentReporter.WriteAsync(db, lastWeek, calendar.Zone, now, cancellationToken);
        }
    }

    private static async Task SeedWeekAsync(HallDbContext db, DateOnly weekStart, WorkingCalendar calendar, CancellationToken cancellationToken)
    {
        var matters = await db.Matters.AsNoTracking().Where(m => m.WindowId != null)
            .Join(db.Windows, m => m.WindowId, w => w.Id, (m, w) => new { m.Id, m.Name, WindowId = w.Id, w.Number })
            .ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().ToDictionaryAsync(s => s.Name, cancellationToken);
        var hours = AppointmentHours.Default;

        // One slot per day of the week, at the start of its after-hours period on the grid.
        DateTimeOffset SlotOn(int dayOfWeek)
        {
            var date = weekStart.AddDays(dayOfWeek);
            var from = AppointmentRules.ServicePeriod(date, calendar, hours).From;
            var minutes = (from.Hour * 60 + from.Minute + hours.GridMinutes - 1) / hours.GridMinutes * hours.GridMinutes;
            // A hall that closes late in the evening still gets a slot on that day.
            minutes = Math.Min(minutes, 24 * 60 - hours.GridMinutes);
            return calendar.ToInstant(date, new TimeOnly(minutes / 60, minutes % 60));
        }

        var plan = new (int Window, string Requester, string? Organisation, string Phone, int Day, AppointmentStatus Status, string? Server, bool Late, int Served)[]
        {
            (2, "陈志刚", null, "13905621187", 1, AppointmentStatus.Done, "李静", false, 55),
            (4, "赵秀英", null, "13655623390", 2, AppointmentStatus.Done, "刘洋", true, 40),
            (13, "孙立新", "某县鸿达商贸有限公司", "18955627714", 5, AppointmentStatus.Done, "胡晓燕", false, 90),
            (7, "周晓燕", null, "13805629921", 3, AppointmentStatus.NoShow, "赵丽", false, 0),
            (12, "吴海波", null, "15955620046", 4, AppointmentStatus.Declined, null, false, 0),
        };
        var number = 0;
        foreach (var item in plan)
        {
            var matter = matters.FirstOrDefault(m => m.Number == item.Window) ?? matters.ElementAtOrDefault(number * 7 % Math.Max(1, matters.Count));
            if (matter is null)
            {
                continue;
            }
            var slot = SlotOn(item.Day);
            var requested = calendar.ToInstant(weekStart.AddDays(Math.Max(0, item.Day - 2)), new TimeOnly(9, 20)).AddDays(item.Day >= 2 ? 0 : -3);
            var replied = requested.AddHours(2);
            var server = item.Server is not null && staff.TryGetValue(item.Server, out var s) ? s : null;
            var appointment = new Appointment
            {
                Number = $"YY{calendar.LocalDate(requested):yyyyMMdd}-9{++number:D2}",
                PublicToken = HallOps.Domain.Rounds.CheckpointTokens.New(),
                Channel = item.Organisation is null ? AppointmentChannel.Public : AppointmentChannel.Phone,
                RequesterKind = item.Organisation is null ? RequesterKind.Person : RequesterKind.Organisation,
                RequesterName = item.Requester,
                OrganisationName = item.Organisation,
                Phone = item.Phone,
                MatterId = matter.Id,
                MatterName = matter.Name,
                WindowId = matter.WindowId,
                SlotStart = slot,
                SlotMinutes = 60,
                RequestedAt = requested,
                RequestedBy = item.Organisation is null ? "public" : "staff",
                Status = item.Status,
                ReplyDueAt = AppointmentRules.ReplyDueAt(requested, calendar),
                RepliedAt = replied,
                RepliedBy = "manager",
                ServingStaffId = server?.Id,
                ServingStaffName = server?.Name,
                ServingStaffPhone = server?.Phone,
            };
            if (item.Status == AppointmentStatus.Declined)
            {
                appointment.DeclineReason = "该事项需现场核验原件并经部门会审，非工作时间无法办理，已告知工作日办理途径。";
                appointment.DeclineApprovedBy = "县公安局分管副局长 王立新";
                appointment.DeclineApprovedAt = replied.AddMinutes(-30);
            }
            else
            {
                appointment.FirstReminderAt = slot.AddHours(-2);
                appointment.LastReminderAt = slot.AddMinutes(-30);
            }
            if (item.Status == AppointmentStatus.Done)
            {
                appointment.CheckedInAt = item.Late ? slot.AddMinutes(-4) : slot.AddMinutes(-15);
                appointment.CheckedInLate = item.Late;
                appointment.ServedFrom = slot;
                appointment.ServedTo = slot.AddMinutes(item.Served);
                appointment.CompMinutes = item.Served;
                appointment.CompletedAt = appointment.ServedTo;
                appointment.CompletedBy = server?.Name ?? "manager";
            }
            if (item.Status == AppointmentStatus.NoShow)
            {
                appointment.CheckedInAt = slot.AddMinutes(-12);
                appointment.CompletedAt = slot.AddMinutes(30);
                appointment.CompletedBy = server?.Name ?? "manager";
                appointment.CompletionNote = "预约人未到，电话未接通。";
            }
            db.Appointments.Add(appointment);
            await db.SaveChangesAsync(cancellationToken);
            if (appointment is { CompMinutes: > 0, ServingStaffId: { } staffId })
            {
                db.CompTimeEntries.Add(new CompTimeEntry
                {
                    StaffMemberId = staffId, Kind = CompTimeKind.Earned, Minutes = appointment.CompMinutes, AppointmentId = appointment.Id,
                    RecordedAt = appointment.ServedTo!.Value, RecordedBy = appointment.CompletedBy!,
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
    }
}
