using HallOps.Domain.Audit;

namespace HallOps.Web.Audit;

/// <summary>Sets the audit actor of a request to its signed-in user.</summary>
public sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using (HallActor.Use(AuditLog.ActorOf(context.User)))
        {
            await next(context);
        }
    }
}
