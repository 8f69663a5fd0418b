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
    public const string StaffIdClaim = "hallops:staff_id";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(HallUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.StaffMemberId is { } staffId)
        {
            identity.AddClaim(new Claim(StaffIdClaim, staffId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }

    /// <summary>The staff member the signed-in account belongs to, if any.</summary>
    public static int? StaffIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirst(StaffIdClaim)?.Value, out var id) ? id : null;

    /// <summary>The signed-in person's name, or the account name.</summary>
    public static string NameOf(ClaimsPrincipal user) =>
        user.FindFirst(DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "";
}
