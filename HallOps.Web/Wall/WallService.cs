using HallOps.Domain.Hall;
using HallOps.Domain.Jobs;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Wall;

/// <summary>Reads what the wall screen shows, each call on its own short-lived context.</summary>
public sealed class WallService(IDbContextFactory<HallDbContext> contexts, TimeProvider time, IOptions<HallOptions> options)
{
    public async Task<WallSnapshot> LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).ToListAsync(cancellationToken);
        var cards = await QueryCards(db.Windows).ToListAsync(cancellationToken);
        var byFloor = cards.ToLookup(c => c.FloorId);
        return new WallSnapshot(
            floors.Select(f => new WallFloor(f.Id, f.Level, f.Name, byFloor[f.Id].OrderBy(c => c.Number).Select(c => c.Id).ToList())).ToList(),
            cards.Select(ToCard).ToDictionary(c => c.Id),
            await LoadJobsAsync(db, cancellationToken));
    }

    public async Task<WallWindowCard?> LoadWindowAsync(int windowId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await QueryCards(db.Windows.Where(w => w.Id == windowId)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToCard(row);
    }

    public async Task<WallJobs> LoadJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await LoadJobsAsync(db, cancellationToken);
    }

    private async Task<WallJobs> LoadJobsAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var beat = await db.JobHeartbeats.AsNoTracking().SingleOrDefaultAsync(h => h.Name == JobHeartbeat.Default, cancellationToken);
        var state = JobsStatus.Of(beat, time.GetUtcNow(), TimeSpan.FromMinutes(options.Value.HeartbeatStaleMinutes));
        return new WallJobs(state, beat?.BeatAt);
    }

    private static IQueryable<CardRow> QueryCards(IQueryable<ServiceWindow> windows) =>
        windows.AsNoTracking().Select(w => new CardRow(
            w.Id,
            w.Number,
            w.Name,
            w.FloorId,
            w.HomeUnit!.Name,
            w.IsActive,
            w.Posts.OrderBy(p => p.Id).Select(p => new PostRow(
                p.Id,
                p.Holders.Where(h => h.Role == PostRole.A).Select(h => h.StaffMember!.Name).FirstOrDefault(),
                p.Holders.Where(h => h.Role == PostRole.B).OrderBy(h => h.Id).Select(h => h.StaffMember!.Name).ToList())).ToList()))
            .AsSplitQuery();

    private static WallWindowCard ToCard(CardRow row) => new(
        row.Id,
        row.Number,
        row.Name,
        row.FloorId,
        row.HomeUnit,
        row.IsActive,
        string.Join("、", row.Posts.Select(p => p.AHolder).OfType<string>().Distinct()) is { Length: > 0 } a ? a : null,
        string.Join("、", row.Posts.SelectMany(p => p.BHolders).Distinct()),
        row.Posts.Count == 0 || row.Posts.Any(p => p.BHolders.Count == 0),
        string.Join(",", row.Posts.Select(p => p.Id)));

    private sealed record CardRow(int Id, int Number, string Name, int FloorId, string HomeUnit, bool IsActive, List<PostRow> Posts);

    private sealed record PostRow(int Id, string? AHolder, List<string> BHolders);
}
