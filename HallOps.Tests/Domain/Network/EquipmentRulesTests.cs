using HallOps.Domain.Calendar;
using HallOps.Domain.Network;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Network;

/// <summary>
/// IT4 "protect equipment" as a register: one asset number per machine, whatever case it is typed in.
/// IT5 "PCs holding important files have a boot password": their holder confirms it once a calendar
/// quarter; unconfirmed past the quarter's grace working days (holidays skipped on the hall's real
/// calendar) it is overdue. IT6: maintenance is due on its date, never for a retired machine.
/// </summary>
public class EquipmentRulesTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();

    [Theory]
    [InlineData("pc-w01", "PC-W01", AssetNumberProblem.None)]
    [InlineData("  Pc-W01 \t", "PC-W01", AssetNumberProblem.None)]
    [InlineData("SRV_01.A/2", "SRV_01.A/2", AssetNumberProblem.None)]
    [InlineData("", "", AssetNumberProblem.Required)]
    [InlineData("   ", "", AssetNumberProblem.Required)]
    [InlineData(null, "", AssetNumberProblem.Required)]
    [InlineData("PC W01", "PC W01", AssetNumberProblem.BadCharacters)]
    [InlineData("PC#01", "PC#01", AssetNumberProblem.BadCharacters)]
    [InlineData("电脑01", "电脑01", AssetNumberProblem.BadCharacters)]
    public void IT4_AnAssetNumberIsTrimmedUpperCaseAndMadeOfLabelCharacters(string? raw, string stored, AssetNumberProblem problem)
    {
        Assert.Equal(stored, EquipmentRules.NormalizeAssetNumber(raw));
        Assert.Equal(problem, EquipmentRules.CheckAssetNumber(raw));
    }

    [Fact]
    public void IT4_AnAssetNumberIsAtMostFiftyCharacters()
    {
        Assert.Equal(AssetNumberProblem.None, EquipmentRules.CheckAssetNumber(new string('A', 50)));
        Assert.Equal(AssetNumberProblem.TooLong, EquipmentRules.CheckAssetNumber(new string('A', 51)));
        Assert.Equal(AssetNumberProblem.None, EquipmentRules.CheckAssetNumber("  " + new string('a', 50) + "  "));
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-01")]
    [InlineData("2026-03-31", "2026-01-01")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData("2026-09-30", "2026-07-01")]
    [InlineData("2026-10-01", "2026-10-01")]
    [InlineData("2026-11-25", "2026-10-01")]
    [InlineData("2026-12-31", "2026-10-01")]
    public void IT5_TheQuarterStartsOnTheFirstOfJanuaryAprilJulyAndOctober(string today, string start) =>
        Assert.Equal(Day(start), EquipmentRules.QuarterStart(Day(today)));

    [Theory]
    // Q4 2026: 1–7 October is the National Day holiday, Saturday 10 October an adjusted working day. The
    // working days are 8, 9, 10, 12, 13, 14, 15, 16, 19, 20 October: the 10th is the 20th (14 October without holidays).
    [InlineData("2026-10-01", 10, "2026-10-20")]
    [InlineData("2026-11-25", 10, "2026-10-20")]
    [InlineData("2026-10-01", 1, "2026-10-08")]
    [InlineData("2026-10-01", 3, "2026-10-10")]
    // Q1 2026: 1–3 January off, Sunday 4 January worked.
    [InlineData("2026-02-10", 1, "2026-01-04")]
    [InlineData("2026-02-10", 10, "2026-01-15")]
    // Q2 2026 starts on a Wednesday; 清明 takes Monday 6 April, so the 10th working day is the 15th.
    [InlineData("2026-04-01", 10, "2026-04-15")]
    public void IT5_TheConfirmationIsDueByTheQuartersGraceWorkingDay_OnTheHallsCalendar(string today, int grace, string confirmBy) =>
        Assert.Equal(Day(confirmBy), EquipmentRules.ConfirmBy(Day(today), grace, Calendar));

    [Theory]
    // Holds important files, never confirmed: due in the grace days, overdue from the day after the 10th working day.
    [InlineData(true, EquipmentStatus.InUse, null, "2026-10-01", BootPasswordState.Due)]
    [InlineData(true, EquipmentStatus.InUse, null, "2026-10-20", BootPasswordState.Due)]
    [InlineData(true, EquipmentStatus.InUse, null, "2026-10-21", BootPasswordState.Overdue)]
    [InlineData(true, EquipmentStatus.InUse, null, "2026-11-25", BootPasswordState.Overdue)]
    // Confirmed last quarter: due again from 1 October.
    [InlineData(true, EquipmentStatus.InUse, "2026-09-30", "2026-10-01", BootPasswordState.Due)]
    [InlineData(true, EquipmentStatus.InUse, "2026-09-30", "2026-11-25", BootPasswordState.Overdue)]
    // Confirmed this quarter (even on a holiday, or late): confirmed until 31 December.
    [InlineData(true, EquipmentStatus.InUse, "2026-10-01", "2026-12-31", BootPasswordState.Confirmed)]
    [InlineData(true, EquipmentStatus.Spare, "2026-11-02", "2026-11-25", BootPasswordState.Confirmed)]
    [InlineData(true, EquipmentStatus.InUse, "2026-12-31", "2027-01-01", BootPasswordState.Due)]
    // In repair or spare it still holds the files; retired, or no important files: nothing to confirm.
    [InlineData(true, EquipmentStatus.InRepair, null, "2026-11-25", BootPasswordState.Overdue)]
    [InlineData(true, EquipmentStatus.Retired, null, "2026-11-25", BootPasswordState.NotRequired)]
    [InlineData(false, EquipmentStatus.InUse, null, "2026-11-25", BootPasswordState.NotRequired)]
    public void IT5_APcWithImportantFilesIsConfirmedOnceAQuarter_OverdueAfterTheGraceWorkingDays(
        bool important, EquipmentStatus status, string? confirmedOn, string today, BootPasswordState state) =>
        Assert.Equal(state, EquipmentRules.BootPassword(important, status, confirmedOn is null ? null : Day(confirmedOn), Day(today), 10, Calendar));

    [Theory]
    [InlineData("2026-11-25", EquipmentStatus.InUse, "2026-11-25", true)]
    [InlineData("2026-11-24", EquipmentStatus.InRepair, "2026-11-25", true)]
    [InlineData("2026-11-26", EquipmentStatus.InUse, "2026-11-25", false)]
    [InlineData(null, EquipmentStatus.InUse, "2026-11-25", false)]
    [InlineData("2026-01-01", EquipmentStatus.Retired, "2026-11-25", false)]
    public void IT6_MaintenanceIsDueOnItsDate_NeverForARetiredMachine(string? next, EquipmentStatus status, string today, bool due) =>
        Assert.Equal(due, EquipmentRules.MaintenanceDue(next is null ? null : Day(next), status, Day(today)));

    [Theory]
    [InlineData("2026-11-30", 180, "2026-11-25", "2027-05-29")]
    [InlineData("2026-11-25", 30, "2026-11-25", "2026-12-25")]
    [InlineData("2026-01-01", 30, "2026-11-25", "2026-12-25")]
    [InlineData(null, 90, "2026-11-25", "2027-02-23")]
    [InlineData("2026-11-30", 0, "2026-11-25", null)]
    public void IT6_AMaintenanceMovesTheNextDateOneInterval_FromTodayWhenLate(string? planned, int interval, string today, string? next) =>
        Assert.Equal(next is null ? null : Day(next), EquipmentRules.NextMaintenance(planned is null ? null : Day(planned), interval, Day(today)));
}
