using HallOps.Domain.Calendar;

namespace HallOps.Domain.Network;

/// <summary>Whether an antivirus' signature date makes it current for a scan (IT3).</summary>
public enum SignatureCheck
{
    Current = 1,

    /// <summary>Older than the setting allows: not current, the scan is refused.</summary>
    Stale = 2,

    /// <summary>A date after today: mistyped, refused.</summary>
    Future = 3,
}

/// <summary>
/// The network administrator's rules (IT2, IT3), pure: whether a scan's antivirus is current, what a
/// scan result opens, when an open virus incident escalates to the manager, and incident numbers.
/// </summary>
public static class ItRules
{
    /// <summary>IT3: the oldest signature date still current on <paramref name="today"/> (hall time).</summary>
    public static DateOnly OldestCurrentSignature(DateOnly today, int maxAgeDays) => today.AddDays(-Math.Max(0, maxAgeDays));

    /// <summary>
    /// IT3: current when the signatures are no more than <paramref name="maxAgeDays"/> days older than
    /// <paramref name="today"/>; a later date than today is refused as mistyped.
    /// </summary>
    public static SignatureCheck CheckSignature(DateOnly signatureDate, DateOnly today, int maxAgeDays) =>
        signatureDate > today ? SignatureCheck.Future
        : signatureDate < OldestCurrentSignature(today, maxAgeDays) ? SignatureCheck.Stale
        : SignatureCheck.Current;

    /// <summary>
    /// IT2, IT3: what a scan's result opens — a virus not cleaned is an open incident for the network
    /// administrator; a virus cleaned is logged as an incident cleaned on the spot; a clean medium opens none.
    /// </summary>
    public static VirusIncidentStatus? IncidentFor(MediaScanResult result) => result switch
    {
        MediaScanResult.VirusNotCleaned => VirusIncidentStatus.Open,
        MediaScanResult.VirusCleaned => VirusIncidentStatus.CleanedOnSpot,
        _ => null,
    };

    /// <summary>IT2: a virus incident reported cleaned or not: the status it starts in.</summary>
    public static VirusIncidentStatus StatusOnReport(bool cleaned) => cleaned ? VirusIncidentStatus.CleanedOnSpot : VirusIncidentStatus.Open;

    /// <summary>
    /// IT2: an open incident escalates to the manager once it has been open one working day — at the
    /// same time of day on the next working day (reported Friday 16:00 → the next working day 16:00,
    /// holidays skipped). Reported on a rest day, the working day starts at the next opening.
    /// </summary>
    public static DateTimeOffset EscalatesAt(DateTimeOffset reportedAt, WorkingCalendar calendar)
    {
        var local = TimeZoneInfo.ConvertTime(reportedAt, calendar.Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        if (calendar.IsWorkingDay(date))
        {
            return calendar.ToInstant(calendar.NextWorkingDay(date), TimeOnly.FromDateTime(local.DateTime));
        }
        // Counted from the next opening: one working day later is the opening of the working day after.
        var next = calendar.NextWorkingDay(calendar.NextWorkingDay(date));
        return calendar.ToInstant(next, calendar.Hours.SeasonOn(next).Morning.Start);
    }

    /// <summary>IT2: whether an incident is escalated at <paramref name="now"/>: still open, and open one working day.</summary>
    public static bool IsEscalated(VirusIncidentStatus status, DateTimeOffset reportedAt, DateTimeOffset now, WorkingCalendar calendar) =>
        status == VirusIncidentStatus.Open && now >= EscalatesAt(reportedAt, calendar);

    /// <summary>The incident number of the day it was reported: "BD20261126-001".</summary>
    public static string Number(DateOnly date, long value) => $"BD{date:yyyyMMdd}-{value:D3}";

    /// <summary>The number sequence of a day's incidents.</summary>
    public static string SequenceName(DateOnly date) => $"virus-incident:{date:yyyyMMdd}";
}
