using HallOps.Domain.Network;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Wall;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Wall;

/// <summary>
/// The wall's reads keep the parts no event has touched (P3'): a presence change re-reads coverage,
/// alerts and today's gap minutes but not the IT count, the case panel or the window register; the
/// part's own event makes it read again. The demo hall, Wednesday 10:00, on a real SQLite database.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class WallPartsTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task APresenceChange_KeepsTheItCount_AnIncidentEventReadsItAgain()
    {
        var wall = hall.App.Services.GetRequiredService<WallService>();
        var before = new WallVersions(Structure: 3, Presence: 5, Cases: 2, Appointments: 1, Leave: 1, It: 7, Jobs: 4, Rounds: 2);
        var shown = (await wall.LoadAsync(before)).OpenItIncidents;

        await using (var db = hall.CreateDbContext())
        {
            db.VirusIncidents.Add(new VirusIncident
            {
                Number = "BD20261125-901", ReportedBy = "staff", Description = "打印机电脑弹出勒索提示", ReportedAt = hall.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(shown, (await wall.LoadAsync(before with { Presence = 6 })).OpenItIncidents);
        Assert.Equal(shown + 1, (await wall.LoadAsync(before with { Presence = 6, It = 8 })).OpenItIncidents);
        Assert.Equal(shown + 1, (await wall.LoadAsync()).OpenItIncidents);
    }

    /// <summary>
    /// AB4 on the wall's footer: today's gap minutes kept from one read to the next count exactly as a
    /// read of the whole day does — as the clock runs, after a presence change, after a change stored
    /// late (stamped before an earlier read, committed after it: half a minute, and two minutes, beyond the
    /// read's minute back), across the quarter-hour's full read.
    /// </summary>
    [Fact]
    public async Task TodaysGapMinutes_KeptBetweenReads_CountAsAReadOfTheWholeDay()
    {
        var wall = hall.App.Services.GetRequiredService<WallService>();
        var versions = new WallVersions(Structure: 50, Presence: 100, Cases: 50, Appointments: 50, Leave: 50, It: 50, Jobs: 50, Rounds: 50);
        async Task<(int Kept, int Afresh)> GapMinutesAsync() =>
            ((await wall.LoadAsync(versions)).Counts.GapMinutesToday, (await wall.LoadAsync()).Counts.GapMinutesToday);

        var (kept, afresh) = await GapMinutesAsync();
        Assert.Equal(afresh, kept);

        // Window 1's A and B both sign off: a gap that grows by the minute.
        await using var pair = await hall.AbPairAsync();
        Assert.True((await pair.A.SignOnAsync(pair.Post1)).Succeeded);
        Assert.True((await pair.A.SignOffAsync()).Succeeded);
        Assert.True((await pair.B.SignOffAsync()).Succeeded);
        versions = versions with { Presence = 103 };
        var start = await GapMinutesAsync();
        Assert.Equal(start.Afresh, start.Kept);

        hall.Clock.Advance(TimeSpan.FromMinutes(9)); // no presence change: the kept replay only counts on
        (kept, afresh) = await GapMinutesAsync();
        Assert.Equal(afresh, kept);
        Assert.True(kept >= start.Kept + 9, $"window 1's gap counts on: {start.Kept} → {kept}");
        hall.Clock.Advance(TimeSpan.FromMinutes(1));
        versions = versions with { Presence = 104 }; // a presence change counted: what was stored since is read
        (kept, afresh) = await GapMinutesAsync();
        Assert.Equal(afresh, kept);

        // A change stamped before that read but stored after it (a write that took its time): window 1's
        // A back on post half a minute ago. The next read finds it (it reads a minute back), so the gap
        // stops there, as a read of the whole day says.
        await using (var db = hall.CreateDbContext())
        {
            db.PresenceEvents.Add(new HallOps.Domain.Coverage.PresenceEvent
            {
                StaffMemberId = await hall.StaffIdAsync("张晓明"), State = HallOps.Domain.Coverage.PresenceState.OnPost, PostId = pair.Post1,
                At = hall.Clock.GetUtcNow().AddSeconds(-30), RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        }
        versions = versions with { Presence = 105 };
        hall.Clock.Advance(TimeSpan.FromMinutes(4)); // 14 minutes since the day was read in full: not again yet
        var late = await GapMinutesAsync();
        Assert.Equal(late.Afresh, late.Kept);
        // Every window in gap adds a minute a minute (the ten minutes before: window 1 and the demo's others);
        // window 1 no longer does.
        var perMinute = (kept - start.Kept) / 10;
        Assert.True(late.Kept <= kept + 4 * (perMinute - 1), $"window 1's gap ended half a minute before the last read: {kept} → {late.Kept}, {perMinute} windows in gap before");

        hall.Clock.Advance(TimeSpan.FromMinutes(16)); // past the quarter-hour: the day read in full again
        (kept, afresh) = await GapMinutesAsync();
        Assert.Equal(afresh, kept);

        Assert.True((await pair.A.SignOnAsync(pair.Post1)).Succeeded);
        versions = versions with { Presence = 106 };
        hall.Clock.Advance(TimeSpan.FromMinutes(3));
        (kept, afresh) = await GapMinutesAsync();
        Assert.Equal(afresh, kept);

        // Stored later still: window 1's A signed off two minutes before that read (a write that waited
        // for the database longer than the read's minute back). Its newer id finds it at the next read,
        // not only at the next quarter-hour's full read.
        await using (var db = hall.CreateDbContext())
        {
            db.PresenceEvents.Add(new HallOps.Domain.Coverage.PresenceEvent
            {
                StaffMemberId = await hall.StaffIdAsync("张晓明"), State = HallOps.Domain.Coverage.PresenceState.SignedOff,
                At = hall.Clock.GetUtcNow().AddMinutes(-2), RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        }
        versions = versions with { Presence = 107 };
        hall.Clock.Advance(TimeSpan.FromMinutes(1));
        var stale = await GapMinutesAsync();
        Assert.Equal(stale.Afresh, stale.Kept);
        Assert.True(stale.Kept >= kept + 3, $"window 1 in gap again from two minutes before the last read: {kept} → {stale.Kept}");
    }

    [Fact]
    public void EachEvent_CountsAgainstThePartsItCanChange()
    {
        var counts = new WallChangeCounts();

        counts.Count("presence:4");
        counts.Count("window:2");
        counts.Count("virus-incident:9");
        counts.Count("alert:12");
        counts.Count("calendar");

        Assert.Equal(new WallVersions(Structure: 2, Presence: 1, Cases: 2, Appointments: 2, Leave: 1, It: 1, Jobs: 0, Rounds: 1), counts.Read());
    }
}
