using HallOps.Tests.Support;
using HallOps.Web.Presence;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB3: the staff page reads the person's handovers of the day after every change. The day's
/// presence history grows with every sign-on and step away in the hall; the read must search the
/// person's own rows, given (giver, At) and received (receiver, At), not scan the day's.
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Database", "SqliteOnly")]
public sealed class HandoverIndexTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task AB3_APersonsHandoversOfTheDay_AreSearchedByGiverAndByReceiver()
    {
        await using var db = hall.CreateDbContext();

        var plan = await SqlitePlans.PlanAsync(db, PresenceService.HandoversOf(db, 7, hall.Clock.GetUtcNow().AddHours(-8)));

        Assert.Matches(@"SEARCH \w+ USING INDEX IX_PresenceEvents_StaffMemberId_At \(StaffMemberId=\? AND At>\?\)", plan);
        Assert.Matches(@"SEARCH \w+ USING INDEX IX_PresenceEvents_HandoverToStaffId_At \(HandoverToStaffId=\? AND At>\?\)", plan);
        Assert.DoesNotContain("SCAN", plan);
    }
}
