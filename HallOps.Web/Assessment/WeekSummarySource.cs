using System.Collections.Concurrent;
using HallOps.Domain.Assessment;
using HallOps.Domain.Calendar;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Assessment;

/// <summary>
/// 本周小结 — the wall's weekly summary: this week so far (Monday, hall time, to now) for the whole
/// hall: cases accepted and completed, the on-time rate (TL5), gap minutes (AB4), first inquiries
/// (FQ1), complaints (AC5) and confirmed derelictions (AC).
/// </summary>
public sealed record WeekSummary(
    DateOnly WeekStart, DateOnly Today, int Accepted, int Completed, double? OnTimeRate, int GapMinutes, int Inquiries, int Complaints, int Derelictions);

/// <summary>
/// The weekly summary shared by every wall screen, one per app instance: computed at most once every
/// <see cref="Interval"/> (from the same grouped queries as the monthly assessment), not on each hall
/// event; while a wall watches, one timer reads it again each interval, and the screens are handed the
/// summary only when it changed. Nobody watching: no timer, no reads.
/// </summary>
public sealed class WeekSummarySource : IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly IDbContextFactory<HallDbContext> _contexts;
    private readonly CalendarSource _calendars;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private readonly ConcurrentDictionary<Viewer, byte> _viewers = new();
    private readonly ITimer _timer;
    private (WeekSummary Summary, DateTimeOffset At)? _current;
    private int _running;

    public WeekSummarySource(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time, ILogger<WeekSummarySource> logger)
    {
        _contexts = contexts;
        _calendars = calendars;
        _time = time;
        _logger = logger;
        _timer = time.CreateTimer(static state => _ = ((WeekSummarySource)state!).TickAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Reads of the database made so far (for tests and diagnostics).</summary>
    public int Reads { get; private set; }

    /// <summary>The summary: the stored one while younger than <see cref="Interval"/>, else read afresh (one read for many callers).</summary>
    public async Task<WeekSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } fresh)
        {
            return fresh;
        }
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } meanwhile)
            {
                return meanwhile;
            }
            var previous = _current?.Summary;
            var summary = await ReadAsync(cancellationToken);
            _current = (summary, _time.GetUtcNow());
            Reads++;
            if (previous is not null && previous != summary)
            {
                foreach (var viewer in _viewers.Keys)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static state => state.Viewer.Show(state.Summary), (Viewer: viewer, Summary: summary), preferLocal: false);
                }
            }
            return summary;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>Hands each changed summary to <paramref name="onChanged"/> (on a pool thread). Dispose the handle to stop.</summary>
    public IDisposable Watch(Action<WeekSummary> onChanged)
    {
        var viewer = new Viewer(this, onChanged);
        _viewers.TryAdd(viewer, 0);
        if (Interlocked.Exchange(ref _running, 1) == 0)
        {
            _timer.Change(Interval, Interval);
        }
        return viewer;
    }

    private WeekSummary? Fresh() =>
        _current is { } current && _time.GetUtcNow() - current.At < Interval ? current.Summary : null;

    private async Task TickAsync()
    {
        if (_viewers.IsEmpty)
        {
            Interlocked.Exchange(ref _running, 0);
            _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        try
        {
            await GetAsync();
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "The wall's weekly summary could not be read; the next interval retries");
        }
    }

    private async Task<WeekSummary> ReadAsync(CancellationToken cancellationToken)
    {
        var calendar = await _calendars.GetAsync();
        var now = _time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var monday = AssessmentFigures.WeekStart(today);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var subjects = await AssessmentQueries.SubjectsAsync(db, cancellationToken);
        var span = await AssessmentQueries.SpanAsync(db, calendar, subjects, monday, today.AddDays(1), now, cancellationToken);
        var hall = AssessmentFigures.Rows([AssessmentSpan.HallId], span.Hall)[0];
        return new WeekSummary(monday, today, hall.Accepted, hall.Completed, hall.OnTimeRate, hall.GapMinutes, hall.Inquiries, hall.Complaints, hall.Derelictions);
    }

    public void Dispose()
    {
        _timer.Dispose();
        _reading.Dispose();
    }

    private sealed class Viewer(WeekSummarySource source, Action<WeekSummary> onChanged) : IDisposable
    {
        public void Show(WeekSummary summary)
        {
            try
            {
                onChanged(summary);
            }
            catch (Exception ex)
            {
                source._logger.LogWarning(ex, "A wall screen failed to take the weekly summary");
            }
        }

        public void Dispose() => source._viewers.TryRemove(this, out _);
    }
}
