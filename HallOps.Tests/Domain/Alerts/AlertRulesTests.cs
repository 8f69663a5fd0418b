using HallOps.Domain.Alerts;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain.Alerts;

/// <summary>
/// AB4: a coverage gap is shown at once "until cleared or acknowledged" — and nobody may sit on it:
/// an alert nobody acknowledges within the ack timeout is escalated to the manager (once); one
/// acknowledged but still not cleared after the re-alert time is raised again, to be acknowledged
/// again. Timing here: 5 minutes to acknowledge, 30 minutes to clear after an acknowledgement.
/// </summary>
public class AlertRulesTests
{
    private static readonly TimeSpan AckTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ReAlertAfter = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset Raised = Instant("2026-11-25T10:00+08:00");

    [Theory]
    [InlineData("10:00:00", false, AlertStep.None)]
    [InlineData("10:04:59", false, AlertStep.None)]
    [InlineData("10:05:00", false, AlertStep.Escalate)]
    [InlineData("10:20:00", false, AlertStep.Escalate)]
    [InlineData("10:05:00", true, AlertStep.None)]       // escalated once already
    [InlineData("12:00:00", true, AlertStep.None)]
    public void Due_AB4_AnAlertNobodyAcknowledges_IsEscalatedOnce_WhenTheAckTimeoutHasRun(string now, bool escalated, AlertStep due)
    {
        var alert = GapAlert();
        if (escalated)
        {
            alert.EscalatedAt = At("10:05:00");
        }

        Assert.Equal(due, AlertRules.Due(alert, At(now), AckTimeout, ReAlertAfter));
    }

    [Theory]
    [InlineData("10:01:00", "10:01:00", false, AlertStep.None)]
    [InlineData("10:01:00", "10:30:59", false, AlertStep.None)]
    [InlineData("10:01:00", "10:31:00", false, AlertStep.ReAlert)]
    [InlineData("10:01:00", "12:00:00", false, AlertStep.ReAlert)]
    // Acknowledged after it was escalated: no second escalation, the re-alert clock runs from the acknowledgement.
    [InlineData("10:10:00", "10:39:59", true, AlertStep.None)]
    [InlineData("10:10:00", "10:40:00", true, AlertStep.ReAlert)]
    public void Due_AB4_AnAcknowledgedAlertStillOpen_IsRaisedAgain_WhenTheReAlertTimeHasRun(
        string acknowledged, string now, bool escalated, AlertStep due)
    {
        var alert = GapAlert();
        if (escalated)
        {
            alert.EscalatedAt = At("10:05:00");
        }
        Acknowledge(alert, At(acknowledged));

        Assert.Equal(due, AlertRules.Due(alert, At(now), AckTimeout, ReAlertAfter));
    }

    [Theory]
    [InlineData(null, "10:20:00")]            // unacknowledged, past the ack timeout
    [InlineData(null, "23:00:00")]
    [InlineData("10:01:00", "12:00:00")]      // acknowledged, past the re-alert time
    public void Due_AB4_AResolvedAlert_IsNeverEscalatedNorRaisedAgain(string? acknowledged, string now)
    {
        var alert = GapAlert();
        if (acknowledged is not null)
        {
            Acknowledge(alert, At(acknowledged));
        }
        AlertRules.Resolve(alert, At("10:02:00"));

        Assert.Equal(AlertStep.None, AlertRules.Due(alert, At(now), AckTimeout, ReAlertAfter));
    }

    [Theory]
    // Raised 10:00, escalated 10:05, acknowledged 10:06, raised again 10:36: it waits for a new
    // acknowledgement, and escalates again 5 minutes after the re-alert — not after the first raise.
    [InlineData("10:36:00", AlertStep.None)]
    [InlineData("10:40:59", AlertStep.None)]
    [InlineData("10:41:00", AlertStep.Escalate)]
    [InlineData("11:30:00", AlertStep.Escalate)]
    public void Due_AB4_AfterAReAlert_TheAckTimeoutRunsFromTheReAlert(string now, AlertStep due)
    {
        var alert = GapAlert();
        AlertRules.Apply(alert, AlertStep.Escalate, At("10:05:00"));
        Acknowledge(alert, At("10:06:00"));
        AlertRules.Apply(alert, AlertRules.Due(alert, At("10:36:00"), AckTimeout, ReAlertAfter), At("10:36:00"));

        Assert.Equal(due, AlertRules.Due(alert, At(now), AckTimeout, ReAlertAfter));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_AB4_AReAlert_ClearsTheAcknowledgement_AndRecordsWhenItWasRaisedAgain(bool escalatedBefore)
    {
        var alert = GapAlert();
        if (escalatedBefore)
        {
            AlertRules.Apply(alert, AlertStep.Escalate, At("10:05:00"));
        }
        Acknowledge(alert, At("10:06:00"));
        var version = alert.Version;

        AlertRules.Apply(alert, AlertStep.ReAlert, At("10:36:00"));

        Assert.Equal(
            (null, null, null, null, (DateTimeOffset?)null),
            (alert.AcknowledgedAt, alert.AcknowledgedBy, alert.AcknowledgedByUserId, alert.AckNote, alert.EscalatedAt));
        Assert.Equal(At("10:36:00"), alert.ReAlertedAt);
        Assert.Equal((true, Raised, version + 1), (alert.IsOpen, alert.RaisedAt, alert.Version));
    }

    [Theory]
    [InlineData(AlertStep.Escalate, "10:05:00", null)]
    [InlineData(AlertStep.ReAlert, null, "10:31:00")]
    public void Apply_RecordsTheStepAtItsInstant_AndBumpsTheVersion(AlertStep step, string? escalatedAt, string? reAlertedAt)
    {
        var alert = GapAlert();
        alert.Version = 3;
        var now = At(escalatedAt ?? reAlertedAt!);

        AlertRules.Apply(alert, step, now);

        Assert.Equal((Opt(escalatedAt), Opt(reAlertedAt)), (alert.EscalatedAt, alert.ReAlertedAt));
        Assert.Equal((4, true, (DateTimeOffset?)null), (alert.Version, alert.IsOpen, alert.ResolvedAt));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(3, "10:01:00")]
    public void Resolve_AB4_ClosesTheAlertAtTheInstantTheCauseCleared_AndBumpsTheVersion(int version, string? acknowledged)
    {
        var alert = GapAlert();
        alert.Version = version;
        if (acknowledged is not null)
        {
            Acknowledge(alert, At(acknowledged));
        }

        AlertRules.Resolve(alert, At("10:12:00"));

        Assert.Equal((false, At("10:12:00"), version + 1), (alert.IsOpen, alert.ResolvedAt, alert.Version));
    }

    private static Alert GapAlert() => new()
    {
        Kind = AlertKinds.CoverageGap,
        Subject = "post:7",
        Severity = AlertSeverity.Critical,
        WindowId = 3,
        RaisedAt = Raised,
    };

    private static void Acknowledge(Alert alert, DateTimeOffset at)
    {
        alert.AcknowledgedAt = at;
        alert.AcknowledgedBy = "王芳";
        alert.AcknowledgedByUserId = "user-17";
        alert.AckNote = "B 已到岗";
    }

    /// <summary>"10:05:00" → that time on the day the alert was raised, in the hall's offset.</summary>
    private static DateTimeOffset At(string time) => Instant($"2026-11-25T{time}+08:00");

    private static DateTimeOffset? Opt(string? time) => time is null ? null : At(time);
}
