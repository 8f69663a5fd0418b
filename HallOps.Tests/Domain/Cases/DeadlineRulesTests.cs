using HallOps.Domain.Alerts;
using HallOps.Domain.Cases;

namespace HallOps.Tests.Domain.Cases;

/// <summary>
/// TL5 and AC2 type 2 as the deadline scan applies them: a case is yellow from its due-soon time and
/// red from its due time; each light keeps one alert open; an overdue case (red, or completed late)
/// gets a dereliction draft; a closed case shows no light.
/// </summary>
public class DeadlineRulesTests
{
    private static readonly DateTimeOffset DueSoon = new(2026, 11, 26, 17, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Due = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-60, CaseLight.None, null)]
    [InlineData(0, CaseLight.Yellow, AlertKinds.CaseDueSoon)]
    [InlineData(60, CaseLight.Yellow, AlertKinds.CaseDueSoon)]
    [InlineData(24 * 60, CaseLight.Red, AlertKinds.CaseOverdue)]
    [InlineData(48 * 60, CaseLight.Red, AlertKinds.CaseOverdue)]
    public void TL5_YellowFromTheDueSoonTime_RedFromTheDueTime_OneAlertKindPerLight(int minutesAfterDueSoon, CaseLight light, string? alertKind)
    {
        var now = DueSoon.AddMinutes(minutesAfterDueSoon);
        var open = Case(CaseState.Accepted);

        Assert.Equal(light, CaseWorkflow.LightNow(open, now));
        Assert.Equal(alertKind, CaseDeadlineScanner.AlertKindFor(light));
    }

    [Theory]
    // TL5: the scan looks again at the next change: yellow at the due-soon time, red at the due time, then never.
    [InlineData(-60, "2026-11-26T17:00+08:00")]
    [InlineData(0, "2026-11-27T17:00+08:00")]
    [InlineData(24 * 60, null)]
    public void TL5_TheScanLooksAgainAtTheNextChangeOfLight(int minutesAfterDueSoon, string? next)
    {
        Assert.Equal(next is null ? null : DateTimeOffset.Parse(next, System.Globalization.CultureInfo.InvariantCulture),
            CaseClock.NextLightChange(DueSoon.AddMinutes(minutesAfterDueSoon), DueSoon, Due));
    }

    [Theory]
    // AC2 (2): red while open → a draft; a case completed late → a draft even if no scan saw it red;
    // completed on time, refused, or still only yellow → none. A closed case shows no light.
    [InlineData(CaseState.Accepted, null, 24 * 60 + 1, true)]
    [InlineData(CaseState.AcceptedWithDeficiencies, null, 24 * 60, true)]
    [InlineData(CaseState.Accepted, null, 60, false)]
    [InlineData(CaseState.Completed, false, 24 * 60 + 1, true)]
    [InlineData(CaseState.Completed, true, 24 * 60 + 1, false)]
    [InlineData(CaseState.Refused, null, 24 * 60 + 1, false)]
    public void AC2_Type2_OverdueCasesAreDrafted(CaseState state, bool? completedOnTime, int minutesAfterDueSoon, bool drafted)
    {
        var serviceCase = Case(state);
        serviceCase.CompletedOnTime = completedOnTime;
        var now = DueSoon.AddMinutes(minutesAfterDueSoon);

        Assert.Equal(drafted, CaseDeadlineScanner.Overdue(serviceCase, now));
        if (!serviceCase.IsOpen)
        {
            Assert.Equal(CaseLight.None, CaseWorkflow.LightNow(serviceCase, now));
        }
    }

    private static ServiceCase Case(CaseState state) => new()
    {
        Number = "2026-000412",
        ApplicantName = "张晓明",
        CreatedBy = "test",
        State = state,
        DueSoonAt = DueSoon,
        DueAt = Due,
    };
}
