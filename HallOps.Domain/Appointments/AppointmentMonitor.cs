using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Appointments;

/// <summary>What one appointment scan did.</summary>
public sealed record AppointmentScanResult(int Raised, int Resolved, int Reminded)
{
    public static AppointmentScanResult None { get; } = new(0, 0, 0);
}

/// <summary>
/// The appointments' minute scan (AP4.2, AP4.3), idempotent like the other scans:
/// <list type="bullet">
/// <item>a request still unanswered at its reply deadline keeps one open 预约未答复 alert (critical,
/// on its window, so the window's staff see it and it escalates to the manager when nobody
/// acknowledges it); the reply resolves it;</item>
/// <item>an accepted appointment reminds its serving staff member at each of the reminder lead
/// times before the slot (one open 预约提醒 alert on the window, its time stamped on the
/// appointment, so a second run sends nothing again);</item>
/// <item>an accepted appointment nobody checked in for by the slot raises one 预约未签到 alert to the
/// manager (critical, escalated at once); the check-in resolves it.</item>
/// </list>
/// </summary>
public sealed class AppointmentMonitor(IDbContextFactory<HallDbContext> contexts, TimeProvider time)
{
    private const int Attempts = 5;

    /// <summary>AP4.3: remind this long before the slot (first and last); the hall's setting may change them.</summary>
    public static readonly TimeSpan[] DefaultReminders = [TimeSpan.FromHours(2), TimeSpan.FromMinutes(30)];

    private static readonly string[] Kinds = [AlertKinds.AppointmentUnanswered, AlertKinds.AppointmentReminder, AlertKinds.AppointmentNoCheckIn];

    public async Task<AppointmentScanResult> ScanAsync(IReadOnlyList<TimeSpan>? reminders = null, CancellationToken cancellationToken = default)
    {
        var leads = (reminders is { Count: > 0 } ? reminders : DefaultReminders).OrderByDescending(t => t).ToArray();
        var first = leads[0];
        var last = leads[^1];
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var open = await db.Alerts.Where(a => a.IsOpen && Kinds.Contains(a.Kind)).ToListAsync(cancellationToken);
            var alerted = open.Select(a => AppointmentId(a.Subject)).OfType<long>().Distinct().ToList();
            var soon = now + first;
            var appointments = await db.Appointments
                .Where(a => (a.Status == AppointmentStatus.Requested && a.ReplyDueAt <= now)
                    || (a.Status == AppointmentStatus.Accepted && a.CheckedInAt == null && a.SlotStart <= soon)
                    || alerted.Contains(a.Id))
                .ToListAsync(cancellationToken);

            var raised = 0;
            var resolved = 0;
            var reminded = 0;
            foreach (var appointment in appointments)
            {
                var subject = HallSubjects.Appointment(appointment.Id);
                var mine = open.Where(a => a.Subject == subject).ToList();
                var unanswered = appointment.Status == AppointmentStatus.Requested && appointment.ReplyDueAt <= now;
                var waiting = appointment.Status == AppointmentStatus.Accepted && appointment.CheckedInAt is null;
                var missed = waiting && appointment.SlotStart <= now;

                // AP4.3: the reminders, each once.
                if (waiting && !missed)
                {
                    if (appointment.FirstReminderAt is null && now >= appointment.SlotStart - first)
                    {
                        appointment.FirstReminderAt = now;
                        reminded++;
                    }
                    if (appointment.LastReminderAt is null && last < first && now >= appointment.SlotStart - last)
                    {
                        appointment.LastReminderAt = now;
                        reminded++;
                    }
                }

                var reminding = waiting && !missed && appointment.FirstReminderAt is not null;
                raised += Keep(db, mine, AlertKinds.AppointmentUnanswered, unanswered, appointment, AlertSeverity.Critical, escalated: false, now);
                raised += Keep(db, mine, AlertKinds.AppointmentReminder, reminding, appointment, AlertSeverity.Info, escalated: false, now);
                raised += Keep(db, mine, AlertKinds.AppointmentNoCheckIn, missed, appointment, AlertSeverity.Critical, escalated: true, now);
                foreach (var alert in mine.Where(a => a.IsOpen && !Wanted(a.Kind, unanswered, reminding, missed)))
                {
                    AlertRules.Resolve(alert, now);
                    resolved++;
                }
            }
            if (raised + resolved + reminded == 0)
            {
                return AppointmentScanResult.None;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new AppointmentScanResult(raised, resolved, reminded);
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another run raised the same alert or stamped the same reminder first: read again.
            }
        }
    }

    private static bool Wanted(string kind, bool unanswered, bool reminding, bool missed) => kind switch
    {
        AlertKinds.AppointmentUnanswered => unanswered,
        AlertKinds.AppointmentReminder => reminding,
        AlertKinds.AppointmentNoCheckIn => missed,
        _ => false,
    };

    private static int Keep(HallDbContext db, List<Alert> open, string kind, bool wanted, Appointment appointment, AlertSeverity severity, bool escalated, DateTimeOffset now)
    {
        if (!wanted || open.Any(a => a.Kind == kind))
        {
            return 0;
        }
        db.Alerts.Add(new Alert
        {
            Kind = kind,
            Subject = HallSubjects.Appointment(appointment.Id),
            Severity = severity,
            WindowId = appointment.WindowId,
            RaisedAt = now,
            EscalatedAt = escalated ? now : null,
        });
        return 1;
    }

    private static long? AppointmentId(string subject) =>
        subject.StartsWith(HallSubjects.AppointmentPrefix, StringComparison.Ordinal)
        && long.TryParse(subject.AsSpan(HallSubjects.AppointmentPrefix.Length), out var id) ? id : null;
}
