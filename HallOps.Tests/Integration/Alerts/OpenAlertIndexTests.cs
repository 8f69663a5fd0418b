using HallOps.Domain.Alerts;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;

namespace HallOps.Tests.Integration.Alerts;

/// <summary>
/// AB4, TL5: every alert list, the escalation scan and the coverage reconciliation read the open
/// alerts on every hall event. Alerts are never deleted, so the closed ones grow with every day
/// the hall runs; on SQLite these reads must come from the partial index of open alerts, not from
/// a scan of every alert ever raised (SQLite cannot search an index on a bare flag test, which is
/// how EF Core writes <c>a.IsOpen</c>).
/// </summary>
[Collection(WebCollection.Name)]
[Trait("Database", "SqliteOnly")]
public sealed class OpenAlertIndexTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task TheOpenAlertsNewestFirst_AreReadFromTheOpenAlertsIndex_InItsOrder()
    {
        await using var db = hall.CreateDbContext();

        var plan = await SqlitePlans.PlanAsync(db, db.Alerts.Where(a => a.IsOpen).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id));

        Assert.Contains("INDEX IX_Alerts_Open_RaisedAt", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task TheOpenAlertsOfSomeKinds_AreReadFromAnIndexOfOpenAlerts()
    {
        await using var db = hall.CreateDbContext();

        var plan = await SqlitePlans.PlanAsync(db, db.Alerts.Where(a => a.IsOpen && new[] { AlertKinds.CoverageGap, AlertKinds.TakeOver }.Contains(a.Kind)));

        Assert.Matches("INDEX IX_Alerts_Open_(Kind_Subject|RaisedAt)", plan);
    }

    [Fact]
    public async Task TheOpenAlertsOfSomeSubjects_AreReadFromTheOpenAlertsIndex()
    {
        await using var db = hall.CreateDbContext();

        var plan = await SqlitePlans.PlanAsync(db, db.Alerts.Where(a => a.IsOpen && new[] { "post:1", "case:2" }.Contains(a.Subject)));

        Assert.Matches("INDEX IX_Alerts_Open_(Kind_Subject|RaisedAt)", plan);
    }
}
