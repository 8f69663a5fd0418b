using HallOps.Domain.Persistence;

namespace HallOps.Domain.Staffing;

/// <summary>Queries on the post register that several features ask.</summary>
public static class PostQueries
{
    /// <summary>The windows whose posts a person holds, as A or B (nothing for a person without a staff record).</summary>
    public static IQueryable<int> WindowsHeldBy(this HallDbContext db, int? staffId) =>
        db.PostHolders.Where(h => staffId != null && h.StaffMemberId == staffId).Select(h => h.Post!.WindowId);
}
