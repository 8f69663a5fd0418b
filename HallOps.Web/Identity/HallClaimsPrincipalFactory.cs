using System.Security.Claims;
using HallOps.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Identity;

/// <summary>Adds the person's name (张晓明), shown in the app bar and greetings instead of the account name.</summary>
public sealed class HallClaimsPrincipalFactory(
    UserManager<HallUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<HallUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "hallops:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HallUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        return identity;
    }

    /// <summary>The signed-in person's name, or the account name.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "";
}
