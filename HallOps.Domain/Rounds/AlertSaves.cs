using HallOps.Domain.Alerts;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Rounds;

/// <summary>Saving the alerts a scan raised and resolved, when another scan may be doing the same.</summary>
public static class AlertSaves
{
    /// <summary>
    /// Saves a scan's changes; when the unique index (one open alert per kind and subject) or a
    /// version refuses the batch because another scan got there first, saves what is still new one
    /// change at a time, so one conflict does not lose the rest. True when the whole batch went in.
    /// </summary>
    public static async Task<bool> SaveOrOneByOneAsync(IDbContextFactory<HallDbContext> contexts, HallDbContext db, CancellationToken cancellationToken)
    {
        var added = db.ChangeTracker.Entries<Alert>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var resolved = db.ChangeTracker.Entries<Alert>().Where(e => e.State == EntityState.Modified).Select(e => (e.Entity.Id, e.Entity.ResolvedAt)).ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
        }
        foreach (var (id, at) in resolved)
        {
            await using var one = await contexts.CreateDbContextAsync(cancellationToken);
            if (await one.Alerts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { IsOpen: true } alert && at is { } resolvedAt)
            {
                AlertRules.Resolve(alert, resolvedAt);
                await TrySaveAsync(one, cancellationToken);
            }
        }
        foreach (var alert in added)
        {
            await using var one = await contexts.CreateDbContextAsync(cancellationToken);
            alert.Id = 0;
            one.Alerts.Add(alert);
            await TrySaveAsync(one, cancellationToken);
        }
        return false;
    }

    private static async Task TrySaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Raised or resolved by the other scan meanwhile: its row stands.
        }
    }
}
