using HallOps.Domain.Calendar;

namespace HallOps.Domain.Cases;

/// <summary>What happened to the clock on one day of a case's explanation.</summary>
public enum ClockStepKind
{
    /// <summary>受理: the clock starts; counting begins the next working day.</summary>
    Accepted = 1,

    /// <summary>A working day counted (n of total).</summary>
    Counted = 2,

    /// <summary>An adjusted working day (调休上班) on a weekend, counted.</summary>
    AdjustedWorkday = 3,

    Weekend = 4,

    /// <summary>A statutory holiday, not counted (第八十二条).</summary>
    Holiday = 5,

    /// <summary>A working day inside a pause (supplement, testing … 第四十五条), not counted.</summary>
    Paused = 6,

    /// <summary>The clock stopped and has not restarted yet: no due time until it does.</summary>
    PausedSince = 7,

    /// <summary>An extension recorded before the deadline added working days (第四十二条).</summary>
    Extended = 8,

    /// <summary>The due time: the close of the last counted day's opening hours.</summary>
    Due = 9,
}

/// <summary>One line of a clock's explanation.</summary>
public sealed record ClockStep(DateOnly Date, ClockStepKind Kind, int? Day = null, int? Of = null, string? Name = null);

/// <summary>A stretch that does not count (the clock is stopped from <see cref="From"/> until <see cref="To"/>).</summary>
public sealed record ClockPause(DateTimeOffset From, DateTimeOffset? To, PauseKind Kind = PauseKind.Supplement);

/// <summary>An extension of <see cref="Days"/> working days, recorded at <see cref="RecordedAt"/>.</summary>
public sealed record ClockExtension(int Days, DateTimeOffset RecordedAt);

/// <summary>
/// The clock of one case: the due time, the instant it turns yellow, whether it is stopped, and the
/// day-by-day explanation ("why is this due on …?").
/// </summary>
public sealed record CaseClockResult(
    DateTimeOffset? DueAt,
    DateTimeOffset? DueSoonAt,
    bool Paused,
    int DaysTotal,
    IReadOnlyList<ClockStep> Steps,
    IReadOnlyList<ClockExtension> ExtensionsRefused);

/// <summary>
/// The statutory clock (TL0, TL3, TL5) on the working calendar: a limit of N working days starts
/// counting on the working day after acceptance and ends at the close of the N-th counted day's
/// opening hours; weekends and holidays do not count, adjusted working days do; working days inside
/// a pause do not count, and an open pause stops the clock; an extension counts only when recorded
/// before the due time it extends. With 0 days (即办件) the case is due at the close of the day it
/// was accepted (the next working day's, if accepted after closing or on a day off).
/// </summary>
public static class CaseClock
{
    /// <summary>The default due-soon threshold: yellow within 1 working day of the due time.</summary>
    public const int DefaultDueSoonDays = 1;

    /// <summary>The longest limit the clock counts (a year of working days is far beyond any statute).</summary>
    public const int MaxDays = 250;

    public static CaseClockResult Compute(
        DateTimeOffset acceptedAt,
        int committedDays,
        IEnumerable<ClockPause> pauses,
        IEnumerable<ClockExtension> extensions,
        WorkingCalendar calendar,
        int dueSoonDays = DefaultDueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(committedDays);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(committedDays, MaxDays);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonDays);

        var pauseList = pauses.OrderBy(p => p.From).ToList();
        var total = committedDays;
        var refused = new List<ClockExtension>();
        var granted = new List<ClockExtension>();
        var walk = Walk(acceptedAt, total, pauseList, calendar);
        foreach (var extension in extensions.OrderBy(e => e.RecordedAt))
        {
            // 第四十二条: an extension is decided before the deadline; one recorded after it does not count.
            if (extension.Days <= 0 || walk.DueAt is not { } due || extension.RecordedAt >= due || total + extension.Days > MaxDays)
            {
                refused.Add(extension);
                continue;
            }
            total += extension.Days;
            granted.Add(extension);
            walk = Walk(acceptedAt, total, pauseList, calendar);
        }

        var steps = walk.Steps.ToList();
        foreach (var extension in granted)
        {
            var date = calendar.LocalDate(extension.RecordedAt);
            var at = steps.FindLastIndex(s => s.Date <= date);
            steps.Insert(at + 1, new ClockStep(date, ClockStepKind.Extended, extension.Days));
        }
        if (walk.DueAt is { } dueAt)
        {
            steps.Add(new ClockStep(calendar.LocalDate(dueAt), ClockStepKind.Due, total, total));
        }

        DateTimeOffset? dueSoonAt = walk.DueAt is null ? null
            : committedDays == 0 && total == 0 ? walk.DueAt
            : walk.Counted.Count > dueSoonDays ? calendar.ClosingOf(walk.Counted[walk.Counted.Count - 1 - dueSoonDays])
            : acceptedAt;
        return new CaseClockResult(walk.DueAt, dueSoonAt, walk.DueAt is null, total, steps, refused);
    }

    /// <summary>The light at an instant (TL5): red from the due time, yellow from the due-soon time.</summary>
    public static CaseLight LightAt(DateTimeOffset now, DateTimeOffset? dueSoonAt, DateTimeOffset? dueAt) =>
        dueAt is { } due && now >= due ? CaseLight.Red
        : dueSoonAt is { } soon && now >= soon ? CaseLight.Yellow
        : CaseLight.None;

    /// <summary>The next instant after <paramref name="now"/> at which the light changes; null when it is red or has no clock.</summary>
    public static DateTimeOffset? NextLightChange(DateTimeOffset now, DateTimeOffset? dueSoonAt, DateTimeOffset? dueAt) =>
        LightAt(now, dueSoonAt, dueAt) switch
        {
            CaseLight.None => dueSoonAt ?? dueAt,
            CaseLight.Yellow => dueAt,
            _ => null,
        };

    private sealed record WalkResult(DateTimeOffset? DueAt, List<ClockStep> Steps, List<DateOnly> Counted);

    private static WalkResult Walk(DateTimeOffset acceptedAt, int total, List<ClockPause> pauses, WorkingCalendar calendar)
    {
        var accepted = calendar.LocalDate(acceptedAt);
        var steps = new List<ClockStep> { new(accepted, ClockStepKind.Accepted, 0, total) };
        var counted = new List<DateOnly>();

        if (total == 0)
        {
            // 即办件: due the same day if it is a working day and the hall has not closed yet.
            var day = calendar.IsWorkingDay(accepted) && acceptedAt < calendar.ClosingOf(accepted)
                ? accepted
                : calendar.NextWorkingDay(accepted);
            counted.Add(day);
            return new WalkResult(calendar.ClosingOf(day), steps, counted);
        }

        var date = accepted;
        // Bounded: MaxDays working days plus every day off and paused day in between, at most a few years.
        for (var guard = 0; guard < 3 * 366; guard++)
        {
            date = date.AddDays(1);
            var described = calendar.Describe(date);
            if (!calendar.IsWorkingDay(date))
            {
                steps.Add(described is { } holiday
                    ? new ClockStep(date, ClockStepKind.Holiday, Name: holiday.Name)
                    : new ClockStep(date, ClockStepKind.Weekend));
                continue;
            }
            var pause = pauses.FirstOrDefault(p => calendar.LocalDate(p.From) < date && (p.To is null || date <= calendar.LocalDate(p.To.Value)));
            if (pause is { To: null })
            {
                steps.Add(new ClockStep(calendar.LocalDate(pause.From), ClockStepKind.PausedSince, counted.Count, total));
                return new WalkResult(null, steps, counted);
            }
            if (pause is not null)
            {
                steps.Add(new ClockStep(date, ClockStepKind.Paused, counted.Count, total));
                continue;
            }
            counted.Add(date);
            steps.Add(new ClockStep(date, described is null ? ClockStepKind.Counted : ClockStepKind.AdjustedWorkday, counted.Count, total, described?.Name));
            if (counted.Count == total)
            {
                return new WalkResult(calendar.ClosingOf(date), steps, counted);
            }
        }
        throw new InvalidOperationException($"The calendar has no {total} working days within three years of {accepted:yyyy-MM-dd}.");
    }
}
