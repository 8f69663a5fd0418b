using HallOps.Domain.Appointments;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo comp time (AP4.5), into a hall with no ledger line yet: 李静 (window 2's A, window 1's B,
/// from the same home unit) is chief representative (首席代表) of windows 1 and 2 where they have
/// none, and 张晓明 (window 1's A, the demo staff account) has earned 9 hours 30 minutes serving
/// after hours in the last weeks — a whole winter day (6 hours 30 minutes) and then some. The
/// lines stand for appointments served before the appointment desk kept them, so they name none.
/// </summary>
public static class DemoCompTime
{
    public const string ChiefRepresentative = "李静";
    public const string Earner = "张晓明";

    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CompTimeEntries.AnyAsync(cancellationToken))
        {
            return;
        }
        var staff = await db.StaffMembers.Where(s => s.Name == ChiefRepresentative || s.Name == Earner)
            .ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        if (!staff.TryGetValue(ChiefRepresentative, out var chief) || !staff.TryGetValue(Earner, out var earner))
        {
            return; // not the demo hall
        }
        foreach (var window in await db.Windows.Where(w => (w.Number == 1 || w.Number == 2) && w.ChiefRepresentativeStaffId == null).ToListAsync(cancellationToken))
        {
            window.ChiefRepresentativeStaffId = chief;
        }
        (int DaysAgo, int Minutes, string Note)[] lines =
        [
            (16, 240, "预约服务：不动产登记（企业批量办证）"),
            (9, 180, "预约服务：不动产抵押登记"),
            (3, 150, "预约服务：不动产转移登记"),
        ];
        db.CompTimeEntries.AddRange(lines.Select(l => new CompTimeEntry
        {
            StaffMemberId = earner,
            Kind = CompTimeKind.Earned,
            Minutes = l.Minutes,
            Note = l.Note,
            RecordedAt = now.AddDays(-l.DaysAgo),
            RecordedBy = "manager",
        }));
        await db.SaveChangesAsync(cancellationToken);
    }
}
