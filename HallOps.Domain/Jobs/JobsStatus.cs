namespace HallOps.Domain.Jobs;

public enum JobsState
{
    /// <summary>No beat recorded yet (the server has just started).</summary>
    Starting,
    Alive,
    Stale,
}

/// <summary>Whether the jobs server is alive, from its last heartbeat.</summary>
public static class JobsStatus
{
    public static JobsState Of(JobHeartbeat? beat, DateTimeOffset now, TimeSpan staleAfter) =>
        beat is null ? JobsState.Starting
        : now - beat.BeatAt <= staleAfter ? JobsState.Alive
        : JobsState.Stale;
}
