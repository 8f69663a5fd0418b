using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Tests.Integration.Coverage;
using HallOps.Web.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Alerts;

/// <summary>
/// What every screen asks about an alert event (which window, which kind) is read once per instance:
/// a clerk's page skips alerts at other windows, and the closing-reminder notifier (SE4) skips every
/// alert that is not a reminder, without each of them querying the database.
/// </summary>
public sealed class AlertWindowsTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    [Fact]
    public async Task SE4_AnAlertsWindowAndKind_AreReadOnce_ThenAnsweredForEveryScreenWithoutTheDatabase()
    {
        long reminderId, caseAlertId;
        int windowId;
        await using (var db = hall.CreateDbContext())
        {
            windowId = await db.Windows.Where(w => w.Number == 3).Select(w => w.Id).SingleAsync();
            var reminder = new Alert
            {
                Kind = AlertKinds.RoundReminder, Subject = $"{HallSubjects.RoundPrefix}990001", Severity = AlertSeverity.Warning,
                WindowId = windowId, RaisedAt = hall.Clock.GetUtcNow(),
            };
            var caseAlert = new Alert
            {
                Kind = AlertKinds.CaseOverdue, Subject = "case:990002", Severity = AlertSeverity.Critical,
                RaisedAt = hall.Clock.GetUtcNow(),
            };
            db.Alerts.AddRange(reminder, caseAlert);
            await db.SaveChangesAsync();
            (reminderId, caseAlertId) = (reminder.Id, caseAlert.Id);
        }
        var alerts = hall.App.Services.GetRequiredService<AlertWindows>();

        Assert.Equal(AlertKinds.RoundReminder, await alerts.KindOfAsync(reminderId));
        Assert.Equal(windowId, await alerts.WindowOfAsync(reminderId));
        Assert.Equal(AlertKinds.CaseOverdue, await alerts.KindOfAsync(caseAlertId));
        Assert.Null(await alerts.WindowOfAsync(caseAlertId));
        Assert.Null(await alerts.KindOfAsync(long.MaxValue));

        // Once read, the answers come from memory: the row could even be gone.
        await using (var db = hall.CreateDbContext())
        {
            await db.Alerts.Where(a => a.Id == reminderId || a.Id == caseAlertId).ExecuteDeleteAsync();
        }
        var screens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => alerts.KindOfAsync(reminderId)));
        Assert.All(screens, kind => Assert.Equal(AlertKinds.RoundReminder, kind));
        Assert.Equal(windowId, await alerts.WindowOfAsync(reminderId));
    }
}
