using System.Security.Claims;
using HallOps.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace HallOps.Web.Identity;

/// <summary>The signed-in user of the current circuit or request, as feature services need it.</summary>
public sealed record HallUserInfo(ClaimsPrincipal Principal, string Name, string DisplayName, string? UserId, int? StaffId)
{
    public bool IsManager => Principal.IsInRole(HallRoles.Manager) || Principal.IsInRole(HallRoles.Admin);
}

public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<HallUserInfo> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return new HallUserInfo(
            user,
            user.Identity?.Name ?? "anonymous",
            HallClaimsPrincipalFactory.NameOf(user),
            user.FindFirstValue(ClaimTypes.NameIdentifier),
            HallClaimsPrincipalFactory.StaffIdOf(user));
    }
}
