using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;

namespace HallOps.Web.Wall;

/// <summary>
/// Today's window-minutes of gap (AB4) for the wall's footer, counted as the manager's coverage day
/// counts them (<see cref="CoverageDay"/>) but kept from one read to the next: one
/// <see cref="CoverageDayReplay"/> of today goes on with the day. The wall reads on every hall event;
/// without this each read replayed the whole day and each presence change re-read it — every
/// person's last change before today among a month of history, and every change of today.
/// Now the day starts with one full read; a presence change reads the changes stored since the last
/// read: those with a higher id than any read before, and those stamped from a minute before it (a
/// write stamped before another but committed after it, where ids are not handed out in commit order),
/// and the day is read in full again each quarter-hour all the same. A new day, or new posts or opening hours,
/// start a new replay. Reads are taken one at a time.
/// </summary>
internal sealed class TodayGapMinutes
{
    /// <summary>How far before the last read a presence change read looks again.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan FullRead = TimeSpan.FromMinutes(15);

    private readonly SemaphoreSlim _turn = new(1, 1);

    private Day? _day;

    /// <param name="db">The read's context.</param>
    /// <param name="calendar">The hall's calendar.</param>
    /// <param name="posts">The active windows' posts and holders.</param>
    /// <param name="structure">The count of window, post and calendar changes the posts were read at.</param>
    /// <param name="presence">The count of presence changes seen before this read started.</param>
    /// <param name="now">The instant counted up to.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<int> GetAsync(
        HallDbContext db, WorkingCalendar calendar, Func<IEnumerable<HeldPost>> posts, long structure, long presence, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken);
        try
        {
            var today = calendar.LocalDate(now);
            var dayStart = calendar.ToInstant(today, TimeOnly.MinValue);
            var dayEnd = calendar.ToInstant(today.AddDays(1), TimeOnly.MinValue);
            var day = _day;
            if (day is null || day.Date != today || now - day.ReadInFullAt >= FullRead || now < day.ReadInFullAt)
            {
                // Each person's state at the start of the day does not change during it: kept through the day's full reads.
                var beforeDay = day?.Date == today ? day.BeforeDay : await CoverageHistory.BeforeDayAsync(db, dayStart, cancellationToken);
                day = new Day(today, beforeDay, now);
                await day.ReadSinceAsync(db, dayStart, dayStart, dayEnd, now, cancellationToken);
                day.Restart(posts(), calendar, structure);
                day.PresenceSeen = presence;
                _day = day;
            }
            else
            {
                if (day.Structure != structure)
                {
                    day.Restart(posts(), calendar, structure);
                }
                if (day.PresenceSeen != presence)
                {
                    await day.ReadSinceAsync(db, dayStart, day.ReadAt - Overlap, dayEnd, now, cancellationToken);
                    day.PresenceSeen = presence;
                }
            }
            return day.Replay!.GapMinutesUntil(now);
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Today's history as read so far and its replay.</summary>
    private sealed class Day(DateOnly date, List<PresenceChange> beforeDay, DateTimeOffset readInFullAt)
    {
        private readonly List<PresenceChange> _history = [.. beforeDay];
        private readonly HashSet<long> _eventIds = [];
        private readonly HashSet<(int StaffMemberId, DateTimeOffset At)> _known = [.. beforeDay.Select(c => (c.StaffMemberId, c.At))];

        /// <summary>The highest history line id seen so far (none before the first read).</summary>
        private long? _lastEventId;

        public DateOnly Date { get; } = date;

        public List<PresenceChange> BeforeDay { get; } = beforeDay;

        public DateTimeOffset ReadInFullAt { get; } = readInFullAt;

        /// <summary>When the history was last read.</summary>
        public DateTimeOffset ReadAt { get; private set; }

        public long Structure { get; private set; }

        public long PresenceSeen { get; set; }

        public CoverageDayReplay? Replay { get; private set; }

        /// <summary>A new replay of the whole day so far (new posts or opening hours).</summary>
        public void Restart(IEnumerable<HeldPost> posts, WorkingCalendar calendar, long structure)
        {
            Replay = new CoverageDayReplay(Date, posts, calendar);
            Replay.Add(_history);
            Structure = structure;
        }

        /// <summary>
        /// Reads the day's changes stamped from <paramref name="from"/> or stored after the last read
        /// (a higher id) not read before, and the presence rows (a row written without a history line
        /// counts from its Since), and adds them to the replay.
        /// </summary>
        public async Task ReadSinceAsync(HallDbContext db, DateTimeOffset dayStart, DateTimeOffset from, DateTimeOffset dayEnd, DateTimeOffset now, CancellationToken cancellationToken)
        {
            // The first read of the day counts ids from the newest line before it: what is stored later has a higher one.
            var afterId = _lastEventId ??= await CoverageHistory.LastEventIdAsync(db, cancellationToken);
            var events = await CoverageHistory.EventsSinceAsync(db, dayStart, from, afterId, dayEnd, cancellationToken);
            var rows = await CoverageHistory.RowsAsync(db, dayEnd, cancellationToken);
            var added = new List<PresenceChange>();
            foreach (var stored in events)
            {
                _lastEventId = Math.Max(_lastEventId.Value, stored.Id);
                if (_eventIds.Add(stored.Id))
                {
                    _known.Add((stored.Change.StaffMemberId, stored.Change.At));
                    added.Add(stored.Change);
                }
            }
            foreach (var row in rows)
            {
                if (_known.Add((row.StaffMemberId, row.At)))
                {
                    added.Add(row);
                }
            }
            _history.AddRange(added);
            Replay?.Add(added);
            ReadAt = now;
        }
    }
}
