using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Staffing;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Coverage;

/// <summary>
/// 今日在岗情况 (AB4, SC2.2): a window's day replayed from its holders' presence changes on the
/// hall's calendar (Asia/Shanghai; 冬季 from 10-01: 08:30–12:00 and 14:00–17:00, so 390 open minutes).
/// The window's one post has A = staff 1 and B = staff 2. A change line reads "1 on 08:00; 1 away
/// 10:00→2": staff 1 signs on at 08:00, leaves at 10:00 handing over to staff 2 (on / away / off).
/// </summary>
public class CoverageDayTests
{
    private const int Window = 3;
    private static readonly WorkingCalendar Calendar = WorkingCalendar.ChinaDefault();
    private static readonly HeldPost Post = new(7, Window, [new HolderRole(1, PostRole.A), new HolderRole(2, PostRole.B)]);

    [Theory]
    // AB4: A on post all day → no gap, no B minutes.
    [InlineData("2026-11-25", "1 on 08:00", 390, 0, 0)]
    // AB3/AB4: A leaves 10:00–10:30, B is on post → 30 minutes covered by B.
    [InlineData("2026-11-25", "1 on 08:00; 2 on 08:00; 1 away 10:00→2; 1 on 10:30", 360, 30, 0)]
    // AB4: A and B both away 10:00–10:20 → 20 gap minutes.
    [InlineData("2026-11-25", "1 on 08:00; 2 on 08:00; 1 away 10:00; 2 away 10:00; 1 on 10:20; 2 on 10:20", 370, 0, 20)]
    // AB4: away 11:30–14:30 across the lunch break (12:00–14:00) → only 11:30–12:00 and 14:00–14:30 count.
    [InlineData("2026-11-25", "1 on 08:00; 1 away 11:30; 1 on 14:30", 330, 0, 60)]
    // AB4: nobody signs on all day → every open minute is a gap.
    [InlineData("2026-11-25", "", 0, 0, 390)]
    // Signing on late counts the gap from opening: 08:30–09:10.
    [InlineData("2026-11-25", "1 on 09:10; 1 off 17:30", 350, 0, 40)]
    // SC2.2: a Saturday off → closed all day, nothing is owed.
    [InlineData("2026-11-28", "1 on 08:00", 0, 0, 0)]
    // 国庆节 (a holiday on a Thursday) → closed all day.
    [InlineData("2026-10-01", "", 0, 0, 0)]
    // 调休上班: Saturday 2026-10-10 is an adjusted working day → open, a gap is a gap.
    [InlineData("2026-10-10", "1 on 08:00", 390, 0, 0)]
    [InlineData("2026-10-10", "2 on 08:00", 0, 390, 0)]
    // Summer hours (08:30–12:00, 14:30–17:30): 390 open minutes; 14:00–14:30 is still lunch.
    [InlineData("2026-06-10", "1 on 08:00; 1 away 11:00; 1 on 14:00", 330, 0, 60)]
    public void CoverageDay_AB4_CountsMinutesByA_ByB_AndGap_OnlyInsideOpeningHours(string date, string changes, int a, int b, int gap)
    {
        var day = Day(date);

        var result = CoverageDay.Compute(day, [Post], Changes(day, changes), Calendar);

        var window = Assert.Single(result.Windows);
        Assert.Equal(Window, window.WindowId);
        Assert.Equal((a, b, gap), (window.AMinutes, window.BMinutes, window.GapMinutes));
        Assert.Equal(Calendar.IsWorkingDay(day), result.IsWorkingDay);
    }

    [Fact]
    public void CoverageDay_AB4_ANonWorkingDay_IsOneClosedInterval()
    {
        var day = Day("2026-11-28");

        var result = CoverageDay.Compute(day, [Post], Changes(day, "1 on 08:00; 1 away 10:00"), Calendar);

        var interval = Assert.Single(Assert.Single(result.Windows).Intervals);
        Assert.Equal(CoverageState.Closed, interval.State);
        Assert.Equal((Instant("2026-11-28T08:30+08:00"), Instant("2026-11-28T17:00+08:00")), (interval.From, interval.To));
        Assert.False(result.IsWorkingDay);
    }

    [Fact]
    public void CoverageDay_AB3_TheTimelineNamesWhoCovered_AndTheLunchBreakIsClosed()
    {
        var day = Day("2026-11-25");

        var result = CoverageDay.Compute(day, [Post], Changes(day, "1 on 08:00; 2 on 08:00; 1 away 10:00→2; 1 on 10:30"), Calendar);

        Assert.Equal(
        [
            "08:30–10:00 ByA 1",
            "10:00–10:30 ByB 2",
            "10:30–12:00 ByA 1",
            "12:00–14:00 Closed -",
            "14:00–17:00 ByA 1",
        ], Lines(Assert.Single(result.Windows)));
    }

    [Fact]
    public void CoverageDay_AB4_TheStateAtTheStartOfTheDay_ComesFromTheLastChangeBeforeIt()
    {
        var day = Day("2026-11-25");
        // A stayed signed on since yesterday afternoon; B went away yesterday and never came back.
        PresenceChange[] history =
        [
            new(1, Instant("2026-11-24T14:00+08:00"), PresenceState.OnPost),
            new(2, Instant("2026-11-24T09:00+08:00"), PresenceState.OnPost),
            new(2, Instant("2026-11-24T15:00+08:00"), PresenceState.Away),
            new(1, Instant("2026-11-25T11:00+08:00"), PresenceState.Away),
        ];

        var window = Assert.Single(CoverageDay.Compute(day, [Post], history, Calendar).Windows);

        Assert.Equal((150, 0, 240), (window.AMinutes, window.BMinutes, window.GapMinutes));
    }

    [Fact]
    public void CoverageDay_AB4_Today_IsCountedUntilNow_AndHasNoIntervalsAfterIt()
    {
        var day = Day("2026-11-25");
        var now = Instant("2026-11-25T10:15+08:00");

        var result = CoverageDay.Compute(day, [Post], Changes(day, "1 on 08:00; 1 away 10:00"), Calendar, until: now);

        var window = Assert.Single(result.Windows);
        Assert.Equal(["08:30–10:00 ByA 1", "10:00–10:15 Gap -"], Lines(window));
        Assert.Equal((90, 0, 15), (window.AMinutes, window.BMinutes, window.GapMinutes));
        Assert.Equal(now, result.CountedUntil);
        Assert.Equal(Instant("2026-11-25T17:00+08:00"), result.SpanTo);
    }

    [Fact]
    public void CoverageDay_AB4_BeforeOpening_NothingIsCountedYet()
    {
        var day = Day("2026-11-25");

        var result = CoverageDay.Compute(day, [Post], [], Calendar, until: Instant("2026-11-25T07:00+08:00"));

        Assert.Empty(Assert.Single(result.Windows).Intervals);
    }

    [Fact]
    public void CoverageDay_AB4_AWindowShowsItsWorstPost_AndEveryWindowGetsItsOwnRow()
    {
        var day = Day("2026-11-25");
        HeldPost[] posts =
        [
            Post,
            new(8, Window, [new HolderRole(4, PostRole.A), new HolderRole(5, PostRole.B)]),
            new(9, 4, [new HolderRole(6, PostRole.A)]),
        ];

        // Window 3: post 7 covered by A all day; post 8's holders never come → the window is a gap all day.
        var result = CoverageDay.Compute(day, posts, Changes(day, "1 on 08:00; 6 on 08:00; 6 away 16:00"), Calendar);

        Assert.Equal([3, 4], result.Windows.Select(w => w.WindowId));
        Assert.Equal((0, 0, 390), (result.Windows[0].AMinutes, result.Windows[0].BMinutes, result.Windows[0].GapMinutes));
        Assert.Equal((330, 0, 60), (result.Windows[1].AMinutes, result.Windows[1].BMinutes, result.Windows[1].GapMinutes));
    }

    /// <summary>
    /// AB4, SC2.2: a busy day — 12 windows, 20 people holding posts as A and B (some on two windows),
    /// hundreds of changes on the minute, several at the same instant, some at the lunch edges — gives
    /// the same timeline as asking every window its state at every instant, minute by minute.
    /// </summary>
    [Theory]
    [InlineData("2026-11-25", 1)]
    [InlineData("2026-11-25", 2)]
    [InlineData("2026-06-10", 3)]
    [InlineData("2026-11-28", 4)]
    public void CoverageDay_AB4_ABusyDay_MatchesTheStateAtEveryMinute(string date, int seed)
    {
        var day = Day(date);
        var random = new Random(seed);
        var posts = Enumerable.Range(1, 12).Select(window => new HeldPost(100 + window, window,
            [new HolderRole(window, PostRole.A), new HolderRole(12 + (window % 8) + 1, PostRole.B), new HolderRole(12 + ((window + 3) % 8) + 1, PostRole.B)])).ToList();
        var states = new[] { PresenceState.OnPost, PresenceState.Away, PresenceState.SignedOff };
        var opening = Calendar.ToInstant(day, new TimeOnly(7, 0));
        var changes = Enumerable.Range(0, 400).Select(_ =>
        {
            var who = random.Next(1, 21);
            var state = states[random.Next(states.Length)];
            int? handover = state == PresenceState.Away && random.Next(2) == 0 ? random.Next(13, 21) : null;
            return new PresenceChange(who, opening.AddMinutes(random.Next(0, 12 * 60)), state, handover);
        }).ToList();

        var result = CoverageDay.Compute(day, posts, changes, Calendar);

        Assert.Equal(12, result.Windows.Count);
        for (var at = result.SpanFrom; at < result.CountedUntil; at = at.AddMinutes(1))
        {
            var open = Calendar.IsWorkingDay(day) && Calendar.IsOpenAt(at);
            foreach (var window in result.Windows)
            {
                var expected = CoverageRules.WindowState(posts.Where(p => p.WindowId == window.WindowId).Select(post =>
                    CoverageRules.Evaluate(new PostHolders(post.PostId, post.WindowId, [.. post.Holders.Select(holder =>
                    {
                        var last = changes.Where(c => c.StaffMemberId == holder.StaffMemberId && c.At <= at).OrderBy(c => c.At).LastOrDefault();
                        return new HolderPresence(holder.StaffMemberId, holder.Role, last?.State ?? PresenceState.SignedOff, last?.HandoverToStaffId);
                    })]), open)).ToList());
                var interval = Assert.Single(window.Intervals, i => i.From <= at && at < i.To);
                Assert.True(expected == interval.State, $"window {window.WindowId} at {Local(at):HH:mm}: {interval.State}, expected {expected}");
            }
        }
        Assert.All(result.Windows, window => Assert.All(window.Intervals.Zip(window.Intervals.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From)));
        // Each stretch is whole: from the span's start to the counting's end, no two neighbours alike.
        Assert.All(result.Windows, window =>
        {
            Assert.Equal((result.SpanFrom, result.CountedUntil), (window.Intervals[0].From, window.Intervals[^1].To));
            Assert.All(window.Intervals.Zip(window.Intervals.Skip(1)), pair =>
                Assert.NotEqual((pair.First.State, pair.First.CoveringStaffId), (pair.Second.State, pair.Second.CoveringStaffId)));
        });
    }

    /// <summary>
    /// The wall counts today's gap minutes (AB4) on every read with one replay that goes on as the day
    /// does: changes added as they come — some late, at or before an instant already counted — and the
    /// day counted at instants that mostly move forward (a clock set back counts earlier). Every count
    /// must be what the day computed afresh from every change added so far says.
    /// </summary>
    [Theory]
    [InlineData("2026-11-25", 11)]
    [InlineData("2026-11-25", 12)]
    [InlineData("2026-06-10", 13)]
    [InlineData("2026-11-28", 14)]
    public void CoverageDay_AB4_AReplayThatGoesOnWithTheDay_CountsAsTheDayComputedAfresh(string date, int seed)
    {
        var day = Day(date);
        var random = new Random(seed);
        var posts = Enumerable.Range(1, 10).Select(window => new HeldPost(100 + window, window,
            [new HolderRole(window, PostRole.A), new HolderRole(10 + (window % 6) + 1, PostRole.B)])).ToList();
        var states = new[] { PresenceState.OnPost, PresenceState.Away, PresenceState.SignedOff };
        var opening = Calendar.ToInstant(day, new TimeOnly(7, 0));
        PresenceChange Change(DateTimeOffset at)
        {
            var state = states[random.Next(states.Length)];
            int? handover = state == PresenceState.Away && random.Next(2) == 0 ? random.Next(11, 17) : null;
            return new PresenceChange(random.Next(1, 18), at, state, handover);
        }
        // Each person's state at the start of the day comes first, as the wall reads it.
        List<PresenceChange> added = [.. Enumerable.Range(1, 17).Select(who => Change(opening.AddDays(-1)) with { StaffMemberId = who })];
        var replay = new CoverageDayReplay(day, posts, Calendar);
        replay.Add(added);

        var now = opening;
        for (var read = 0; read < 120; read++)
        {
            now = random.Next(10) == 0 ? now.AddMinutes(-random.Next(1, 30)) : now.AddMinutes(random.Next(0, 8));
            var batch = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Change(random.Next(5) == 0
                ? now.AddMinutes(-random.Next(0, 20)) // late: at or before what was counted
                : now.AddSeconds(random.Next(0, 60)))).ToList();
            added.AddRange(batch);
            replay.Add(batch);

            var afresh = CoverageDay.Compute(day, posts, added, Calendar, now);
            var counted = random.Next(2) == 0 ? replay.CountUntil(now) : null;
            Assert.Equal(afresh.Windows.Sum(w => w.GapMinutes), replay.GapMinutesUntil(now));
            if (counted is not null)
            {
                Assert.Equal(afresh.CountedUntil, counted.CountedUntil);
                Assert.Equal(afresh.Windows.Select(w => (w.WindowId, string.Join("; ", Lines(w)))), counted.Windows.Select(w => (w.WindowId, string.Join("; ", Lines(w)))));
            }
        }
        // A working day of random changes has gaps; a day off has none.
        Assert.Equal(Calendar.IsWorkingDay(day), replay.GapMinutesUntil(now.AddHours(12)) > 0);
    }

    private static IEnumerable<string> Lines(WindowCoverageDay window) =>
        window.Intervals.Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{Local(i.From):HH:mm}–{Local(i.To):HH:mm} {i.State} {(i.CoveringStaffId is { } id ? id.ToString(CultureInfo.InvariantCulture) : "-")}"));

    private static DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Calendar.Zone).DateTime;

    /// <summary>"1 on 08:00; 1 away 10:00→2" on the given date, hall time.</summary>
    private static List<PresenceChange> Changes(DateOnly date, string line) =>
        [.. line.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(text =>
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is not [var who, var what, var when])
            {
                throw new FormatException($"'{text}' is not a change such as '1 on 08:00' or '1 away 10:00→2'.");
            }
            var at = when.Split('→');
            var state = what switch
            {
                "on" => PresenceState.OnPost,
                "away" => PresenceState.Away,
                "off" => PresenceState.SignedOff,
                _ => throw new FormatException($"'{text}': the state must be on, away or off."),
            };
            int? handover = at.Length == 2 ? int.Parse(at[1], CultureInfo.InvariantCulture) : null;
            return new PresenceChange(int.Parse(who, CultureInfo.InvariantCulture), Calendar.ToInstant(date, Time(at[0])), state, handover);
        })];
}
