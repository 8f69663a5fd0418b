using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace HallOps.Web.Identity;

/// <summary>Refused by the server: the signed-in user's role does not allow the action.</summary>
public sealed class HallAccessDeniedException(string policy) : Exception($"The action needs policy {policy}.")
{
    public string Policy { get; } = policy;
}

/// <summary>
/// Re-checks a policy at the moment of an action, on the server, for the circuit's current user:
/// a hidden button is not a permission. Feature services call it before they change anything.
/// </summary>
public sealed class HallAuthorizer(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task EnsureAsync(string policy)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, policy);
        if (!result.Succeeded)
        {
            throw new HallAccessDeniedException(policy);
        }
    }
}
