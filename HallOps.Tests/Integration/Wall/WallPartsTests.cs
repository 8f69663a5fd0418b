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
