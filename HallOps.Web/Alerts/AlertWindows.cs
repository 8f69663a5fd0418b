using System.Collections.Concurrent;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Alerts;

/// <summary>
/// Which window an alert is about (a singleton shared by every screen of this instance). A hall event
/// names an alert only by id; a staff page uses this to skip reloading for alerts at other windows.
/// An alert's window never changes once raised, so each alert is read once per instance, however many
/// pages ask.
/// </summary>
public sealed class AlertWindows(IDbContextFactory<HallDbContext> contexts)
{
    private const int MaxKept = 10_000;
    private readonly ConcurrentDictionary<long, Lazy<Task<int?>>> _windows = new();

    /// <summary>The alert's window, or null when it is about no window (a case, an inquiry, a machine) or is unknown.</summary>
    public Task<int?> WindowOfAsync(long alertId)
    {
        if (_windows.Count > MaxKept)
        {
            _windows.Clear();
        }
        return _windows.GetOrAdd(alertId, id => new Lazy<Task<int?>>(() => ReadAsync(id))).Value;
    }

    private async Task<int?> ReadAsync(long alertId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.Id == alertId).Select(a => a.WindowId).SingleOrDefaultAsync();
    }
}
