namespace HallOps.Domain.Audit;

public enum AuditAction
{
    Insert = 1,
    Update = 2,
    Delete = 3,
    SignIn = 10,
    SignInFailed = 11,
    SignOut = 12,
    AccessDenied = 13,
}

/// <summary>
/// One line of the append-only audit log: who did what, when (UTC), and the values before and
/// after. Written by the data context for every state change; never updated or deleted.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public AuditAction Action { get; set; }

    public string? UserId { get; set; }

    /// <summary>The account name, or "system:…" for a job.</summary>
    public required string Actor { get; set; }

    public string? EntityType { get; set; }

    public string? EntityKey { get; set; }

    /// <summary>JSON of the values before the change (update: changed properties only).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the values after the change (update: changed properties only).</summary>
    public string? After { get; set; }

    /// <summary>For sign-ins and refusals: the path, address or reason.</summary>
    public string? Detail { get; set; }
}
