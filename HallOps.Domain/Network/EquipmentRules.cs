using HallOps.Domain.Calendar;

namespace HallOps.Domain.Network;

/// <summary>What is wrong with a typed asset number (IT4).</summary>
public enum AssetNumberProblem
{
    None = 0,
    Required = 1,
    TooLong = 2,
    BadCharacters = 3,
}

/// <summary>Where a machine stands with its quarterly boot-password confirmation (IT5).</summary>
public enum BootPasswordState
{
    /// <summary>It holds no important files, or it is retired: nothing to confirm.</summary>
    NotRequired = 0,

    /// <summary>Confirmed since the start of this quarter.</summary>
    Confirmed = 1,

    /// <summary>Not yet confirmed this quarter, still within the grace working days.</summary>
    Due = 2,

    /// <summary>Not confirmed and the quarter's grace working days have passed: an alert.</summary>
    Overdue = 3,
}

/// <summary>
/// The equipment register's rules (IT4, IT5, IT6), pure: the asset number as stored, the quarterly
/// boot-password confirmation on the hall's working calendar, and when maintenance is due.
/// </summary>
public static class EquipmentRules
{
    public const int MaxAssetNumber = 50;
    public const int MaxModel = 100;
    public const int MaxRoom = 100;
    public const int MaxNote = 500;
    public const int MaxIntervalDays = 3650;

    /// <summary>IT4: the asset number as stored — trimmed and upper-case, so "pc-01" and "PC-01" are one number.</summary>
    public static string NormalizeAssetNumber(string? raw) => (raw ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// IT4: an asset number is required, at most <see cref="MaxAssetNumber"/> characters, and made of
    /// Latin letters, digits and the separators - _ . / (what a printed label and a scanner carry).
    /// </summary>
    public static AssetNumberProblem CheckAssetNumber(string? raw)
    {
        var number = NormalizeAssetNumber(raw);
        if (number.Length == 0)
        {
            return AssetNumberProblem.Required;
        }
        if (number.Length > MaxAssetNumber)
        {
            return AssetNumberProblem.TooLong;
        }
        return number.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '/')
            ? AssetNumberProblem.None
            : AssetNumberProblem.BadCharacters;
    }

    /// <summary>The first day of the calendar quarter <paramref name="date"/> falls in.</summary>
    public static DateOnly QuarterStart(DateOnly date) => new(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>
    /// IT5: the last day to confirm this quarter's boot password — the <paramref name="graceWorkingDays"/>-th
    /// working day of the quarter of <paramref name="today"/> (holidays skipped, adjusted working days counted).
    /// </summary>
    public static DateOnly ConfirmBy(DateOnly today, int graceWorkingDays, WorkingCalendar calendar)
    {
        var start = QuarterStart(today);
        return graceWorkingDays <= 0
            ? calendar.AddWorkingDays(start, 0)
            : calendar.AddWorkingDays(start.AddDays(-1), graceWorkingDays);
    }

    /// <summary>
    /// IT5: a machine holding important files (and not retired) needs its holder's confirmation once a
    /// calendar quarter: due from the quarter's first day until confirmed on or after it, overdue (an alert)
    /// once the quarter's <paramref name="graceWorkingDays"/> working days have passed.
    /// </summary>
    public static BootPasswordState BootPassword(bool holdsImportantFiles, EquipmentStatus status, DateOnly? confirmedOn,
        DateOnly today, int graceWorkingDays, WorkingCalendar calendar)
    {
        if (!holdsImportantFiles || status == EquipmentStatus.Retired)
        {
            return BootPasswordState.NotRequired;
        }
        if (confirmedOn is { } on && on >= QuarterStart(today))
        {
            return BootPasswordState.Confirmed;
        }
        return today > ConfirmBy(today, graceWorkingDays, calendar) ? BootPasswordState.Overdue : BootPasswordState.Due;
    }

    /// <summary>IT6: maintenance is due on or after its next date, unless the machine is retired.</summary>
    public static bool MaintenanceDue(DateOnly? nextMaintenanceOn, EquipmentStatus status, DateOnly today) =>
        status != EquipmentStatus.Retired && nextMaintenanceOn is { } next && next <= today;

    /// <summary>
    /// IT6: after a maintenance on <paramref name="today"/>, the next date is one interval after the planned
    /// one — keeping the rhythm — or, when that is not after today (maintained late), one interval after today.
    /// No interval: none planned.
    /// </summary>
    public static DateOnly? NextMaintenance(DateOnly? planned, int intervalDays, DateOnly today)
    {
        if (intervalDays <= 0)
        {
            return null;
        }
        var next = (planned ?? today).AddDays(intervalDays);
        return next > today ? next : today.AddDays(intervalDays);
    }
}
