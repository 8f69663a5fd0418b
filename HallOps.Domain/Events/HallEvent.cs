namespace HallOps.Domain.Events;

/// <summary>
/// Something changed in the hall. Carries only what a screen needs to decide whether to reload:
/// the kind, the subject ("window:12"), when, and the app instance it was raised on.
/// </summary>
public sealed record HallEvent(string Kind, string Subject, DateTimeOffset At, string Origin)
{
    /// <summary>When the event was raised, as Unix time in microseconds (the stamp screens render for latency checks).</summary>
    public long AtMicroseconds => (At.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static class Kinds
    {
        public const string Changed = "changed";
        public const string Heartbeat = "heartbeat";
    }
}
