using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Network;

namespace HallOps.Tests.Domain.Network;

/// <summary>The network administrator's rules (IT2, IT3) as tables that read like the regulation.</summary>
public sealed class ItRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset Beijing(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    [Theory]
    // IT3: scanned with current antivirus — signatures no more than 7 days old (hall time).
    [InlineData("2026-11-26", "2026-11-26", 7, SignatureCheck.Current)]
    [InlineData("2026-11-19", "2026-11-26", 7, SignatureCheck.Current)]
    [InlineData("2026-11-18", "2026-11-26", 7, SignatureCheck.Stale)]
    [InlineData("2026-06-01", "2026-11-26", 7, SignatureCheck.Stale)]
    [InlineData("2026-11-25", "2026-11-26", 0, SignatureCheck.Stale)]
    [InlineData("2026-11-26", "2026-11-26", 0, SignatureCheck.Current)]
    // A date after today is mistyped: refused.
    [InlineData("2026-11-27", "2026-11-26", 7, SignatureCheck.Future)]
    public void IT3_SignatureDate_IsCurrentWithinTheMaxAge_StaleBefore_RefusedInTheFuture(string signature, string today, int maxAgeDays, SignatureCheck expected)
    {
        Assert.Equal(expected, ItRules.CheckSignature(Day(signature), Day(today), maxAgeDays));
    }

    [Fact]
    public void IT3_OldestCurrentSignature_IsTheMaxAgeBeforeToday()
    {
        Assert.Equal(Day("2026-11-19"), ItRules.OldestCurrentSignature(Day("2026-11-26"), 7));
    }

    [Theory]
    // IT2: what cannot be cleaned goes to the administrator; what was cleaned is logged; clean opens nothing.
    [InlineData(MediaScanResult.VirusNotCleaned, VirusIncidentStatus.Open)]
    [InlineData(MediaScanResult.VirusCleaned, VirusIncidentStatus.CleanedOnSpot)]
    [InlineData(MediaScanResult.Clean, null)]
    public void IT2_IT3_AScanResult_OpensAnIncidentOnlyWhenAVirusWasFound(MediaScanResult result, VirusIncidentStatus? expected)
    {
        Assert.Equal(expected, ItRules.IncidentFor(result));
    }

    [Theory]
    [InlineData(true, VirusIncidentStatus.CleanedOnSpot)]
    [InlineData(false, VirusIncidentStatus.Open)]
    public void IT2_AReportedIncident_IsOpenForTheAdministratorOnlyWhenNotCleaned(bool cleaned, VirusIncidentStatus expected)
    {
        Assert.Equal(expected, ItRules.StatusOnReport(cleaned));
    }

    [Theory]
    // IT2: open longer than one working day → the manager. Same time on the next working day.
    [InlineData("2026-11-25 10:00", "2026-11-26 10:00")] // Wednesday → Thursday
    [InlineData("2026-11-27 16:00", "2026-11-30 16:00")] // Friday 16:00 → Monday 16:00
    [InlineData("2026-09-30 16:00", "2026-10-08 16:00")] // before National Day → after the holidays
    [InlineData("2026-10-09 10:00", "2026-10-10 10:00")] // Friday → Saturday 10-10, an adjusted working day (调休上班)
    [InlineData("2026-09-24 11:00", "2026-09-28 11:00")] // before the Mid-Autumn holidays (25–27)
    // Reported on a rest day: the working day starts at the next opening, so it escalates a working day after that.
    [InlineData("2026-11-28 11:00", "2026-12-01 08:30")]
    [InlineData("2026-10-03 09:00", "2026-10-09 08:30")]
    public void IT2_AnOpenIncident_EscalatesOneWorkingDayAfterItWasReported(string reported, string escalates)
    {
        Assert.Equal(Beijing(escalates), ItRules.EscalatesAt(Beijing(reported), Calendar));
    }

    [Theory]
    [InlineData(VirusIncidentStatus.Open, "2026-11-30 15:59", false)]
    [InlineData(VirusIncidentStatus.Open, "2026-11-30 16:00", true)]
    [InlineData(VirusIncidentStatus.Fixed, "2026-12-02 09:00", false)]
    [InlineData(VirusIncidentStatus.CleanedOnSpot, "2026-12-02 09:00", false)]
    public void IT2_OnlyAnIncidentStillOpen_IsEscalated(VirusIncidentStatus status, string now, bool expected)
    {
        Assert.Equal(expected, ItRules.IsEscalated(status, Beijing("2026-11-27 16:00"), Beijing(now), Calendar));
    }

    [Theory]
    [InlineData("2026-11-26", 1, "BD20261126-001")]
    [InlineData("2026-11-26", 42, "BD20261126-042")]
    [InlineData("2026-01-05", 1234, "BD20260105-1234")]
    public void IT2_IncidentNumbers_AreTheDayAndItsSequence(string date, long value, string expected)
    {
        Assert.Equal(expected, ItRules.Number(Day(date), value));
        Assert.Equal($"virus-incident:{Day(date):yyyyMMdd}", ItRules.SequenceName(Day(date)));
    }
}
