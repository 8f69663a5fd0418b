using HallOps.Domain.Calendar;

namespace HallOps.Domain.Cases;

/// <summary>What an overdue draft (TL5 / AC2 type 2) records about its case, as it stood when drafted.</summary>
public sealed record OverdueFacts(
    string CaseNumber,
    string MatterCode,
    string MatterName,
    int? WindowNumber,
    string? HandlerName,
    string ApplicantMasked,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset DueAt,
    DateTimeOffset DetectedAt,
    int CommittedDays,
    CaseClockResult? Clock,
    WorkingCalendar Calendar);

/// <summary>
/// The words of an overdue dereliction draft: its one-line summary and its evidence (the case and
/// its clock's day-by-day explanation). The app gives the hall's language from its resources.
/// </summary>
public interface IOverdueWording
{
    string Summary(OverdueFacts facts);

    string Evidence(OverdueFacts facts);
}

/// <summary>Plain, language-neutral wording (for tools that run without the app's resources).</summary>
public sealed class PlainOverdueWording : IOverdueWording
{
    public static PlainOverdueWording Instance { get; } = new();

    public string Summary(OverdueFacts facts) => $"TL5 overdue: case {facts.CaseNumber} ({facts.MatterCode})";

    public string Evidence(OverdueFacts facts)
    {
        var lines = new List<string>
        {
            $"case {facts.CaseNumber}; matter {facts.MatterCode} {facts.MatterName}; window {facts.WindowNumber}; handler {facts.HandlerName}; applicant {facts.ApplicantMasked}",
            $"accepted {Local(facts, facts.AcceptedAt)}; limit {facts.CommittedDays}; due {Local(facts, facts.DueAt)}; overdue detected {Local(facts, facts.DetectedAt)}",
        };
        lines.AddRange((facts.Clock?.Steps ?? []).Select(s => $"{s.Date:yyyy-MM-dd} {s.Kind} {s.Day}/{s.Of} {s.Name}".TrimEnd()));
        return string.Join('\n', lines);
    }

    private static string Local(OverdueFacts facts, DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, facts.Calendar.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
