using System.Security.Claims;
using HallOps.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Identity;

/// <summary>
/// Re-checks a circuit's user every 30 minutes: a disabled account or a changed password (new
/// security stamp) ends the session on every open screen.
/// </summary>
public sealed class HallRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<HallUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null)
        {
            return false;
        }
        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }
        var principalStamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
