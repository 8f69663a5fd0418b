using HallOps.Domain.Rounds;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Rounds;

/// <summary>
/// SE2.4 "fire equipment kept and maintained": an item in service is due on its inspection date and
/// stays due until inspected; an inspection sets the next date one interval after the day it was
/// done, however late it was; an item out of service is never due.
/// </summary>
public class FireEquipmentRulesTests
{
    [Theory]
    [InlineData("2026-11-25", true, "2026-11-26", false, FireEquipmentStatus.DueSoon)]
    [InlineData("2026-11-25", true, "2026-11-25", true, FireEquipmentStatus.DueToday)]
    [InlineData("2026-11-25", true, "2026-11-23", true, FireEquipmentStatus.Overdue)]
    [InlineData("2026-11-25", true, "2026-12-02", false, FireEquipmentStatus.DueSoon)]
    [InlineData("2026-11-25", true, "2026-12-03", false, FireEquipmentStatus.Ok)]
    [InlineData("2026-11-25", false, "2026-11-20", false, FireEquipmentStatus.Inactive)]
    public void SE2_4_AnItemIsDueOnItsDate_AndStaysDueUntilInspected_UnlessOutOfService(
        string today, bool active, string next, bool due, FireEquipmentStatus status)
    {
        Assert.Equal(due, FireEquipmentRules.IsDue(Day(next), active, Day(today)));
        Assert.Equal(status, FireEquipmentRules.StatusOn(Day(next), active, Day(today)));
    }

    [Theory]
    [InlineData("2026-11-25", 30, "2026-12-25")]
    [InlineData("2026-11-25", 1, "2026-11-26")]
    [InlineData("2026-01-31", 30, "2026-03-02")]
    [InlineData("2028-02-28", 366, "2029-02-28")]
    public void SE2_4_AnInspectionSetsTheNextDateOneIntervalAfterTheDayItWasDone(string inspected, int interval, string next) =>
        Assert.Equal(Day(next), FireEquipmentRules.NextInspection(Day(inspected), interval));

    [Theory]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(1, true)]
    [InlineData(366, true)]
    [InlineData(367, false)]
    public void SE2_4_AnIntervalIsADayToAYear(int days, bool valid)
    {
        Assert.Equal(valid, FireEquipmentRules.IsValidInterval(days));
        if (!valid)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => FireEquipmentRules.NextInspection(Day("2026-11-25"), days));
        }
    }
}
