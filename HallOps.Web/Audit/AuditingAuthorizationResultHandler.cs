using HallOps.Domain.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace HallOps.Web.Audit;

/// <summary>Writes an audit line for every request refused to a signed-in user, then refuses it as usual.</summary>
public sealed class AuditingAuthorizationResultHandler(IServiceScopeFactory scopes) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden || (authorizeResult.Challenged && context.User.Identity?.IsAuthenticated == true))
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AuditLog>()
                .WriteAsync(AuditAction.AccessDenied, context.User, $"{context.Request.Method} {context.Request.Path}", context.RequestAborted);
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
