using HallOps.Domain.Network;

namespace HallOps.Tests.Domain.Network;

/// <summary>IT6: only network administrators enter the machine room without approval; anyone else is approved and accompanied.</summary>
public sealed class MachineRoomRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<string, string?, bool, string?, string?, string?, int, int?, MachineRoomProblem[]> Table => new()
    {
        // what the regulation says,                    person,  admin, purpose,  approved, escort, entered (min from now), left, problems
        { "IT6 an administrator needs neither approval nor escort", "高志远", true, "巡检", null, null, -30, null, [] },
        { "IT6 a visitor approved and accompanied may enter", "李工", false, "更换硬盘", "王局长", "高志远", -30, -5, [] },
        { "IT6 a visitor without approval is refused", "李工", false, "更换硬盘", null, "高志远", -30, null, [MachineRoomProblem.ApprovalRequired] },
        { "IT6 a visitor without an administrator is refused", "李工", false, "更换硬盘", "王局长", " ", -30, null, [MachineRoomProblem.EscortRequired] },
        { "IT6 a visitor with neither is refused for both", "李工", false, "更换硬盘", "", null, -30, null, [MachineRoomProblem.ApprovalRequired, MachineRoomProblem.EscortRequired] },
        { "IT6 every entry says why", "高志远", true, "  ", null, null, -30, null, [MachineRoomProblem.PurposeRequired] },
        { "IT6 every entry says who", "", true, "巡检", null, null, -30, null, [MachineRoomProblem.PersonRequired] },
        { "IT6 an entry is not in the future", "高志远", true, "巡检", null, null, 5, null, [MachineRoomProblem.EnteredInFuture] },
        { "IT6 entered just now is fine", "高志远", true, "巡检", null, null, 0, null, [] },
        { "IT6 left before entered is refused", "高志远", true, "巡检", null, null, -30, -31, [MachineRoomProblem.LeftBeforeEntered] },
        { "IT6 left the minute entered is fine", "高志远", true, "巡检", null, null, -30, -30, [] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void IT6_MachineRoomEntry(string rule, string? person, bool admin, string? purpose, string? approved, string? escort,
        int enteredMinutes, int? leftMinutes, MachineRoomProblem[] expected)
    {
        var visit = new MachineRoomVisit(person, admin, purpose, approved, escort, Now.AddMinutes(enteredMinutes),
            leftMinutes is { } left ? Now.AddMinutes(left) : null);

        Assert.True(expected.SequenceEqual(MachineRoomRules.Check(visit, Now)), rule);
    }
}
