using HallOps.Domain.Identity;

namespace HallOps.Domain.Rounds;

/// <summary>
/// The routines every hall starts with, from its regulations; the manager edits them afterwards.
/// Seeded once, on a database that has no templates yet. The texts are the checklist items as the
/// hall's notice words them (data, like the holiday calendar).
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
        (Template("hygiene-inspection", "卫生检查", RoundKind.HygieneInspection, RoundArea.Window,
            "桌面整洁", "地面干净", "电脑、柜子无灰尘", "无污渍、无杂物", "垃圾已清理"),
         Schedule("weekly mon at 09:00 workdays", RoundScope.SampleOfWindows, HallRoles.Manager, dueWithin: 8 * 60, missedAfter: 24 * 60, share: 1.0 / 3)),
        (Template("hygiene-area", "公共区域卫生检查", RoundKind.HygieneInspection, RoundArea.PublicArea,
            "地面干净、无积水", "无垃圾、无杂物堆放", "桌椅、设施完好整洁", "卫生间无异味", "宣传资料摆放整齐"),
         Schedule("weekly mon at 09:00 workdays", RoundScope.EachPublicArea, HallRoles.Manager, dueWithin: 8 * 60, missedAfter: 24 * 60)),
    ];

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
