using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Calendar;

/// <summary>The hall's time zone and opening hours, from settings.</summary>
public sealed record CalendarSettings(TimeZoneInfo Zone, OpeningHours Hours);

/// <summary>
/// The hall's working calendar as stored (holidays and adjusted working days the manager edits),
/// built once and rebuilt when a calendar change is published. Services and jobs ask it for
/// working days; nobody reads the calendar tables directly.
/// </summary>
public sealed class CalendarSource : IDisposable
{
    private readonly IDbContextFactory<HallDbContext> _contexts;
    private readonly CalendarSettings _settings;
    private readonly IDisposable _subscription;
    private Task<WorkingCalendar>? _current;

    public CalendarSource(IDbContextFactory<HallDbContext> contexts, CalendarSettings settings, HallEventFeed feed)
    {
        _contexts = contexts;
        _settings = settings;
        _subscription = feed.Subscribe(hallEvent =>
        {
            if (hallEvent.Subject == HallSubjects.Calendar)
            {
                Interlocked.Exchange(ref _current, null);
            }
            return Task.CompletedTask;
        });
    }

    public Task<WorkingCalendar> GetAsync()
    {
        var current = Volatile.Read(ref _current);
        if (current is { IsFaulted: false })
        {
            return current;
        }
        var loading = LoadAsync();
        Interlocked.Exchange(ref _current, loading);
        return loading;
    }

    /// <summary>
    /// Reads the calendar as stored right now and keeps it: for whoever reacts to a calendar change
    /// and must not race the event that clears the cached one.
    /// </summary>
    public Task<WorkingCalendar> RefreshAsync()
    {
        var loading = LoadAsync();
        Interlocked.Exchange(ref _current, loading);
        return loading;
    }

    private async Task<WorkingCalendar> LoadAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var days = await db.CalendarDays.AsNoTracking().ToListAsync();
        return new WorkingCalendar(_settings.Zone, days, _settings.Hours);
    }

    public void Dispose() => _subscription.Dispose();
}
