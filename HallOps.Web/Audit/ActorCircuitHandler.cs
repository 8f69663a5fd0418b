using System.Security.Claims;
using HallOps.Domain.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HallOps.Web.Audit;

/// <summary>
/// Sets the audit actor for everything a circuit does (clicks, form submits, event callbacks),
/// so that a change saved from a component is written to the audit log under the signed-in user.
/// Every message a screen sends passes here, its render acknowledgements included, so the common
/// case (the sign-in already known) adds no state machine: the actor is set around the synchronous
/// start of the work, and the work's own awaits carry it on.
/// </summary>
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    private ClaimsPrincipal? _user;
    private Actor? _actor;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        context =>
        {
            var state = authentication.GetAuthenticationStateAsync();
            if (!state.IsCompletedSuccessfully)
            {
                return WithActorAsync(state, next, context);
            }
            var actor = ActorOf(state.Result.User);
            if (Equals(HallActor.Current, actor))
            {
                // The connection's own request set it (ActorMiddleware): nothing to change.
                return next(context);
            }
            using (HallActor.Use(actor))
            {
                return next(context);
            }
        };

    private async Task WithActorAsync(Task<AuthenticationState> state, Func<CircuitInboundActivityContext, Task> next, CircuitInboundActivityContext context)
    {
        var user = (await state).User;
        using (HallActor.Use(ActorOf(user)))
        {
            await next(context);
        }
    }

    /// <summary>The actor of <paramref name="user"/>, kept while the circuit's sign-in stays the same.</summary>
    private Actor ActorOf(ClaimsPrincipal user)
    {
        if (!ReferenceEquals(user, _user) || _actor is null)
        {
            _actor = AuditLog.ActorOf(user);
            _user = user;
        }
        return _actor;
    }
}
