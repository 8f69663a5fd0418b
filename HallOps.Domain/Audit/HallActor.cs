namespace HallOps.Domain.Audit;

/// <summary>Who is acting, for the audit log: a signed-in user or a job.</summary>
public sealed record Actor(string Name, string? UserId)
{
    public static Actor System(string what) => new($"system:{what}", null);
}

/// <summary>
/// The actor of the current async flow. The web host sets it per request and per circuit
/// activity, jobs set it for their run; the data context reads it when it writes the audit log.
/// </summary>
public static class HallActor
{
    private static readonly AsyncLocal<Actor?> CurrentActor = new();

    public static Actor? Current => CurrentActor.Value;

    public static IDisposable Use(Actor actor)
    {
        var previous = CurrentActor.Value;
        CurrentActor.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(Actor? previous) : IDisposable
    {
        public void Dispose() => CurrentActor.Value = previous;
    }
}
