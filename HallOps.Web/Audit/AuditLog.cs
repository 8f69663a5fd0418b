using System.Security.Claims;
using HallOps.Domain.Audit;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Audit;

/// <summary>Writes the audit lines that are not data changes: sign-in, sign-out, refused access.</summary>
public sealed class AuditLog(IDbContextFactory<HallDbContext> contexts, TimeProvider time, ILogger<AuditLog> logger)
{
    public async Task WriteAsync(AuditAction action, string actor, string? userId, string? detail, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry
            {
                At = time.GetUtcNow(),
                Action = action,
                Actor = actor,
                UserId = userId,
                Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
        {
            // The refusal or sign-in itself must not fail because its audit line could not be written.
            logger.LogError(ex, "Audit line {Action} for {Actor} could not be written", action, actor);
        }
    }

    public Task WriteAsync(AuditAction action, ClaimsPrincipal user, string? detail, CancellationToken cancellationToken = default)
    {
        var actor = ActorOf(user);
        return WriteAsync(action, actor.Name, actor.UserId, detail, cancellationToken);
    }

    public static Actor ActorOf(ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { } name }
            ? new Actor(name, user.FindFirstValue(ClaimTypes.NameIdentifier))
            : new Actor("anonymous", null);
}
