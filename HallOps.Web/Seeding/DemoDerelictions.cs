using HallOps.Domain.Accountability;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// A few dereliction records for the demo hall (AC1–AC4): a draft entered by hand for the office to
/// decide, and a confirmed record of the demo staff member (张晓明) to read and acknowledge on
/// /my/records. Seeded once, into a hall that has no records entered by hand yet. Texts are data.
/// </summary>
public static class DemoDerelictions
{
    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.DerelictionRecords.AnyAsync(d => d.SourceKey.StartsWith("hand:demo-"), cancellationToken))
        {
            return;
        }
        var holder = await db.PostHolders.Where(h => h.Role == PostRole.A && h.Post!.Window!.Number == 1)
            .Select(h => new { h.StaffMemberId, h.Post!.WindowId }).FirstOrDefaultAsync(cancellationToken);
        if (holder is null)
        {
            return;
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.DerelictionRecords.AddRange(
            new DerelictionRecord
            {
                Type = DerelictionType.BadAttitude,
                Origin = DerelictionOrigin.Hand,
                Status = DerelictionStatus.Draft,
                StaffMemberId = holder.StaffMemberId,
                WindowId = holder.WindowId,
                SourceKey = "hand:demo-1",
                Summary = "办事群众反映窗口人员答复不耐烦",
                Evidence = "群众来电反映：11月24日下午在1号窗口咨询时，工作人员语气生硬。\n值班长已调阅窗口录像，待核实。",
                CreatedAt = now.AddDays(-1),
                CreatedBy = "office",
            },
            new DerelictionRecord
            {
                Type = DerelictionType.NoOneTimeNotice,
                Origin = DerelictionOrigin.Hand,
                Status = DerelictionStatus.Confirmed,
                StaffMemberId = holder.StaffMemberId,
                WindowId = holder.WindowId,
                SourceKey = "hand:demo-2",
                Summary = "未一次性告知所需全部材料，申请人往返两次",
                Evidence = "第一次告知缺营业执照复印件，第二次又要求提供租赁合同。\n申请人投诉后经局办公室核实。",
                CreatedAt = now.AddDays(-6),
                CreatedBy = "office",
                Severity = DerelictionSeverity.Minor,
                Sanctions = DerelictionSanctions.Criticism,
                DecisionDate = today.AddDays(-3),
                DecisionMaker = "局办公室",
                Decision = "责成本人书面检查，窗口内通报。",
                DecidedAt = now.AddDays(-3),
                DecidedBy = "office",
            });
        await db.SaveChangesAsync(cancellationToken);
    }
}
