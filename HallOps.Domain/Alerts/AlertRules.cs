namespace HallOps.Domain.Alerts;

/// <summary>What is due for an open alert at an instant.</summary>
public enum AlertStep
{
    None,
    Escalate,
    ReAlert,
}

/// <summary>The alert timing rules: escalate when nobody acknowledges, re-alert when acknowledged but not cleared.</summary>
public static class AlertRules
{
    public static AlertStep Due(Alert alert, DateTimeOffset now, TimeSpan ackTimeout, TimeSpan reAlertAfter)
    {
        if (!alert.IsOpen)
        {
            return AlertStep.None;
        }
        if (alert.AcknowledgedAt is null)
        {
            var since = alert.ReAlertedAt ?? alert.RaisedAt;
            return alert.EscalatedAt is null && now - since >= ackTimeout ? AlertStep.Escalate : AlertStep.None;
        }
        return now - alert.AcknowledgedAt.Value >= reAlertAfter ? AlertStep.ReAlert : AlertStep.None;
    }

    public static void Apply(Alert alert, AlertStep step, DateTimeOffset now)
    {
        switch (step)
        {
            case AlertStep.Escalate:
                alert.EscalatedAt = now;
                break;
            case AlertStep.None:
                return;
            case AlertStep.ReAlert:
                alert.ReAlertedAt = now;
                alert.AcknowledgedAt = null;
                alert.AcknowledgedBy = null;
                alert.AcknowledgedByUserId = null;
                alert.AckNote = null;
                alert.EscalatedAt = null;
                break;
        }
        alert.Version++;
    }

    public static void Resolve(Alert alert, DateTimeOffset now)
    {
        if (!alert.IsOpen)
        {
            return;
        }
        alert.IsOpen = false;
        alert.ResolvedAt = now;
        alert.Version++;
    }
}
