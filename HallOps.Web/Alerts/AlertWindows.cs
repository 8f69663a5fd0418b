using System.Collections.Concurrent;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Alerts;

/// <summary>
/// Which window an alert is about and of what kind (a singleton shared by every screen of this
/// instance). A hall event names an alert only by id; a staff page uses this to skip reloading for
/// alerts at other windows, and the closing-reminder notifier to skip every alert that is not a
/// reminder. Neither ever changes once an alert is raised, so each alert is read once per instance,
/// however many screens ask.
/// </summary>
public sealed class AlertWindows(IDbContextFactory<HallDbContext> contexts)
{
    private const int MaxKept = 10_000;
    private readonly ConcurrentDictionary<long, Lazy<Task<AlertFacts?>>> _alerts = new();

    /// <summary>The alert's window, or null when it is about no window (a case, an inquiry, a machine) or is unknown.</summary>
    public async Task<int?> WindowOfAsync(long alertId) => (await FactsAsync(alertId))?.WindowId;

    /// <summary>The alert's kind (<see cref="HallOps.Domain.Alerts.AlertKinds"/>), or null when it is unknown.</summary>
    public async Task<string?> KindOfAsync(long alertId) => (await FactsAsync(alertId))?.Kind;

    private Task<AlertFacts?> FactsAsync(long alertId)
    {
        if (_alerts.Count > MaxKept)
        {
            _alerts.Clear();
        }
        return _alerts.GetOrAdd(alertId, id => new Lazy<Task<AlertFacts?>>(() => ReadAsync(id))).Value;
    }

    private async Task<AlertFacts?> ReadAsync(long alertId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Alerts.AsNoTracking().Where(a => a.Id == alertId)
            .Select(a => new AlertFacts(a.WindowId, a.Kind)).SingleOrDefaultAsync();
    }

    private sealed record AlertFacts(int? WindowId, string Kind);
}
