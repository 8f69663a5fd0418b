using HallOps.Domain.Audit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HallOps.Web.Audit;

/// <summary>
/// Sets the audit actor for everything a circuit does (clicks, form submits, event callbacks),
/// so that a change saved from a component is written to the audit log under the signed-in user.
/// </summary>
public sealed class ActorCircuitHandler(AuthenticationStateProvider authentication) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var state = await authentication.GetAuthenticationStateAsync();
            using (HallActor.Use(AuditLog.ActorOf(state.User)))
            {
                await next(context);
            }
        };
}
