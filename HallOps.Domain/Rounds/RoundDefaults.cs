using HallOps.Domain.Identity;

namespace HallOps.Domain.Rounds;

/// <summary>
/// The routines every hall starts with, from its regulations; the manager edits them afterwards.
/// Seeded by their code (<see cref="RoundDefaultsSetup.EnsureAsync"/>): a template the hall lacks is
/// added with its schedule, one it has is kept as edited — only the regulation items below are
/// appended to it when missing. The texts are the checklist items as the hall's notice words them
/// (data, like the holiday calendar).
/// <para>
/// The window hygiene inspection also checks the computer rules (IT1, IT5): those items name their
/// regulation, count as IT findings (计算机网络违规) in the monthly assessment, and are left out of the
/// hygiene score (HY4), so a desk that is clean but runs a game still scores its cleanliness.
/// </para>
/// </summary>
public static class RoundDefaults
{
    /// <param name="active">
    /// Whether the schedules plan rounds. A new hall seeds them active; the manager switches a
    /// schedule off on the schedules page.
    /// </param>
    public static IReadOnlyList<(RoundTemplate Template, RoundScheduleEntry Schedule)> Create(bool active)
    {
        var defaults = Defaults;
        foreach (var (_, schedule) in defaults)
        {
            schedule.IsActive = active;
        }
        return defaults;
    }

    private static IReadOnlyList<(RoundTemplate Template, RoundScheduleEntry Schedule)> Defaults =>
    [
        (Template("shutdown-window", "下班断电检查", RoundKind.ShutdownCheck, RoundArea.Window,
            "电脑、显示器、打印机已关闭", "空调、照明已关闭", "门窗已关好", "文件、票据、印章已锁好", "未留存现金"),
         Schedule("workdays at closing", RoundScope.EachWindow, HallRoles.Staff, dueWithin: 30, missedAfter: 60)),
        (Template("evening-floor", "夜间楼层巡查", RoundKind.EveningRound, RoundArea.Floor,
            "各窗口电源已断", "门窗已锁好", "无滞留人员", "无私接电线、无私用电暖器", "消防通道畅通、消防器材完好"),
         Schedule("daily at 21:00, 23:30", RoundScope.EachFloor, HallRoles.Guard, dueWithin: 60, missedAfter: 60)),
        (Template("hygiene-window", "班前自查", RoundKind.HygieneSelfCheck, RoundArea.Window,
            "桌椅、柜子整洁", "地面干净", "电脑、柜子无灰尘", "无污渍、无杂物", "无卫生死角"),
         Schedule("workdays at opening-30", RoundScope.EachWindow, HallRoles.Staff, dueWithin: 30, missedAfter: 30)),
        (Template(HygieneInspection, "卫生检查", RoundKind.HygieneInspection, RoundArea.Window,
            "桌面整洁", "地面干净", "电脑、柜子无灰尘", "无污渍、无杂物", "垃圾已清理").WithItems(RegulationItems[HygieneInspection]),
         Schedule("weekly mon at 09:00 workdays", RoundScope.SampleOfWindows, HallRoles.Manager, dueWithin: 8 * 60, missedAfter: 24 * 60, share: 1.0 / 3)),
        (Template(MachineRoomUpkeep, "机房设备维护", RoundKind.MachineRoomUpkeep, RoundArea.MachineRoom,
            "设备运行状态检查", "机房清洁", "UPS电源测试", "温湿度检查", "消防设施检查"),
         Schedule("weekly mon at 10:00 workdays", RoundScope.Single, HallRoles.NetworkAdmin, dueWithin: 8 * 60, missedAfter: 24 * 60)),
        (Template("hygiene-area", "公共区域卫生检查", RoundKind.HygieneInspection, RoundArea.PublicArea,
            "地面干净、无积水", "无垃圾、无杂物堆放", "桌椅、设施完好整洁", "卫生间无异味", "宣传资料摆放整齐"),
         Schedule("weekly mon at 09:00 workdays", RoundScope.EachPublicArea, HallRoles.Manager, dueWithin: 8 * 60, missedAfter: 24 * 60)),
    ];

    /// <summary>The window hygiene inspection's code.</summary>
    public const string HygieneInspection = "hygiene-inspection";

    /// <summary>The machine room's weekly upkeep by the network administrators (IT6).</summary>
    public const string MachineRoomUpkeep = "machine-room-upkeep";

    /// <summary>
    /// Items a default template checks for another regulation, by template code: appended to a hall's
    /// template of that code when it lacks them (by text), with the next order.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Text, string Regulation)>> RegulationItems =
        new Dictionary<string, IReadOnlyList<(string Text, string Regulation)>>
        {
            [HygieneInspection] =
            [
                ("无游戏、炒股、娱乐及与工作无关的软件", "IT1"),
                ("涉密文件未在网上共享", "IT5"),
                ("存有重要文件的电脑已设开机密码", "IT5"),
            ],
        };

    /// <summary>An item checking a computer rule (IT1–IT7): its failures are IT findings, not hygiene (HY4).</summary>
    public static bool IsItItem(string? regulation) => regulation is not null && regulation.StartsWith("IT", StringComparison.Ordinal);

    private static RoundTemplate WithItems(this RoundTemplate template, IReadOnlyList<(string Text, string Regulation)> items)
    {
        foreach (var (text, regulation) in items)
        {
            template.Items.Add(new RoundTemplateItem { Order = template.Items.Count + 1, Text = text, NoteOnFail = true, Regulation = regulation });
        }
        return template;
    }

    private static RoundTemplate Template(string code, string name, RoundKind kind, RoundArea area, params string[] items) => new()
    {
        Code = code,
        Name = name,
        Kind = kind,
        Area = area,
        Items = items.Select((text, i) => new RoundTemplateItem { Order = i + 1, Text = text, NoteOnFail = true }).ToList(),
    };

    private static RoundScheduleEntry Schedule(string rule, RoundScope scope, string role, int dueWithin, int missedAfter, double share = 0) => new()
    {
        Rule = rule, Scope = scope, AssigneeRole = role, DueWithinMinutes = dueWithin, MissedAfterMinutes = missedAfter, SampleShare = share,
    };
}
