using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Identity;
using HallOps.Tests.Support;
using HallOps.Web.Alerts;
using HallOps.Web.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Coverage;

/// <summary>
/// AB4: a gap alert nobody acknowledges within 5 minutes escalates to the manager; one acknowledged
/// but still open 30 minutes later is raised again, to be acknowledged again. Each test raises its
/// own alert (A signs on, then off) so that the clock others turned does not matter.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class EscalationTests(CoverageHall hall) : IClassFixture<CoverageHall>
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReAlertAfter = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AB4_AGapAlertNobodyAcknowledges_EscalatesFiveMinutesAfterItWasRaised()
    {
        var raised = hall.Clock.GetUtcNow();
        var alert = await FreshGapAsync(window: 6, holder: "杨帆");
        Assert.Equal(raised, alert.RaisedAt);

        hall.Clock.Advance(AckTimeout - Second);
        await hall.Monitor.ReconcileAsync();
        Assert.Null((await hall.AlertAsync(alert.Id)).EscalatedAt);

        hall.Clock.Advance(Second);
        await hall.Monitor.ReconcileAsync();
        var escalated = await hall.AlertAsync(alert.Id);
        Assert.Equal(raised + AckTimeout, escalated.EscalatedAt);
        Assert.True(escalated.IsOpen);
        Assert.Null(escalated.AcknowledgedAt);
    }

    [Fact]
    public async Task AB4_AnAcknowledgedGapAlertStillOpenThirtyMinutesLater_IsRaisedAgainWithTheAcknowledgementCleared()
    {
        var alert = await FreshGapAsync(window: 7, holder: "赵丽");
        var acknowledged = hall.Clock.GetUtcNow();
        await using (var manager = hall.SignedIn("manager", HallRoles.Manager))
        {
            Assert.True((await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, "已联系本单位派人")).Succeeded);
        }

        hall.Clock.Advance(AckTimeout);
        await hall.Monitor.ReconcileAsync();
        var waiting = await hall.AlertAsync(alert.Id);
        Assert.Null(waiting.EscalatedAt);
        Assert.Equal(acknowledged, waiting.AcknowledgedAt);

        hall.Clock.Advance(ReAlertAfter - AckTimeout - Second);
        await hall.Monitor.ReconcileAsync();
        Assert.Null((await hall.AlertAsync(alert.Id)).ReAlertedAt);

        hall.Clock.Advance(Second);
        await hall.Monitor.ReconcileAsync();
        var again = await hall.AlertAsync(alert.Id);
        Assert.Equal(acknowledged + ReAlertAfter, again.ReAlertedAt);
        Assert.True(again.IsOpen);
        Assert.Null(again.AcknowledgedAt);
        Assert.Null(again.AcknowledgedBy);
        Assert.Null(again.AcknowledgedByUserId);
        Assert.Null(again.AckNote);
        Assert.Null(again.EscalatedAt);

        // Raised again, it waits for a new acknowledgement and escalates like a new alert.
        hall.Clock.Advance(AckTimeout);
        await hall.Monitor.ReconcileAsync();
        Assert.Equal(acknowledged + ReAlertAfter + AckTimeout, (await hall.AlertAsync(alert.Id)).EscalatedAt);
    }

    [Fact]
    public async Task AB4_AnAcknowledgementPressedAsTheScanEscalatesTheAlert_IsStored_AndNotReportedAsCleared()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var alert = await FreshGapAsync(window: 8, holder: "黄志强");
        hall.Clock.Advance(AckTimeout);
        var pressed = hall.Clock.GetUtcNow();
        // The scan escalates the alert between the acknowledgement's read and its save.
        hall.Hook.BeforeSave(
            when: db => db.ChangeTracker.Entries<Alert>().Any(e => e.Entity.Id == alert.Id && e.Entity.AcknowledgedAt != null),
            then: () => hall.Monitor.ReconcileAsync());
        await using var manager = hall.SignedIn("manager", HallRoles.Manager);

        var result = await manager.ServiceProvider.GetRequiredService<AlertService>().AcknowledgeAsync(alert.Id, "马上安排");

        Assert.True(hall.Hook.Fired);
        var stored = await hall.AlertAsync(alert.Id);
        Assert.Equal((true, (DateTimeOffset?)pressed), (stored.IsOpen, stored.EscalatedAt));
        Assert.True(result.Succeeded, $"the open, unacknowledged alert was not acknowledged; the manager was told: {string.Join(" ", result.Errors)}");
        Assert.Equal(("manager", (DateTimeOffset?)pressed), (stored.AcknowledgedBy, stored.AcknowledgedAt));
    }

    /// <summary>A new gap alert for a window's post, raised now: its A signs on (the old gap clears) and off again.</summary>
    private async Task<Alert> FreshGapAsync(int window, string holder)
    {
        var (post, _) = await hall.PostOfWindowAsync(window);
        await using var scope = await hall.StaffAsync(holder);
        var presence = scope.ServiceProvider.GetRequiredService<PresenceService>();
        Assert.True((await presence.SignOnAsync(post)).Succeeded);
        Assert.Null(await hall.OpenAlertAsync(AlertKinds.CoverageGap, post));
        Assert.True((await presence.SignOffAsync()).Succeeded);
        var alert = await hall.OpenAlertAsync(AlertKinds.CoverageGap, post);
        Assert.NotNull(alert);
        Assert.Equal((hall.Clock.GetUtcNow(), (DateTimeOffset?)null, (DateTimeOffset?)null), (alert.RaisedAt, alert.EscalatedAt, alert.AcknowledgedAt));
        return alert;
    }
}
