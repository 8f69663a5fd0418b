using HallOps.Domain.Calendar;

namespace HallOps.Domain.Cases;

/// <summary>
/// Keeps a case's stored clock in line with its facts (acceptance, pauses, extensions, the matter
/// version's limit, the calendar). The light itself changes only in the deadline scan, which raises
/// the alerts; this only tells the scan when to look next.
/// </summary>
public static class CaseWorkflow
{
    /// <summary>The clock of a case from its facts; null when the clock has not started (or the case is closed and never had one).</summary>
    public static CaseClockResult? Clock(ServiceCase serviceCase, MatterVersion version, WorkingCalendar calendar, int dueSoonDays = CaseClock.DefaultDueSoonDays)
    {
        if (serviceCase.AcceptedAt is not { } accepted)
        {
            return null;
        }
        var pauses = serviceCase.Pauses
            .Where(p => p.Kind != PauseKind.Supplement || version.SupplementPausesClock)
            .Select(p => new ClockPause(p.From, p.To, p.Kind));
        var extensions = serviceCase.Extensions.Select(e => new ClockExtension(e.Days, e.RecordedAt));
        return CaseClock.Compute(accepted, version.CommittedDays, pauses, extensions, calendar, dueSoonDays);
    }

    /// <summary>
    /// Recomputes and stores the due time, the due-soon time and the next instant the scan must look
    /// at the case (at once when its light is no longer right, e.g. after an extension or a calendar edit).
    /// </summary>
    public static CaseClockResult? Recompute(
        ServiceCase serviceCase, MatterVersion version, WorkingCalendar calendar, DateTimeOffset now, int dueSoonDays = CaseClock.DefaultDueSoonDays)
    {
        var clock = Clock(serviceCase, version, calendar, dueSoonDays);
        if (!serviceCase.IsOpen)
        {
            // A closed case keeps its last due time for the on-time rate; the scan has nothing to do,
            // except put out a light that is still on.
            serviceCase.NextLightAt = serviceCase.Light == CaseLight.None ? null : now;
            return clock;
        }
        serviceCase.DueAt = clock?.DueAt;
        serviceCase.DueSoonAt = clock?.DueSoonAt;
        var light = CaseClock.LightAt(now, serviceCase.DueSoonAt, serviceCase.DueAt);
        serviceCase.NextLightAt = light != serviceCase.Light
            ? now
            : CaseClock.NextLightChange(now, serviceCase.DueSoonAt, serviceCase.DueAt);
        return clock;
    }

    /// <summary>The light a case should show now: none once closed or while its clock is stopped.</summary>
    public static CaseLight LightNow(ServiceCase serviceCase, DateTimeOffset now) =>
        serviceCase.IsOpen ? CaseClock.LightAt(now, serviceCase.DueSoonAt, serviceCase.DueAt) : CaseLight.None;
}
