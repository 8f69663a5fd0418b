using Microsoft.AspNetCore.Identity;

namespace HallOps.Domain.Identity;

/// <summary>A sign-in account. Staff accounts link to their <see cref="Staffing.StaffMember"/>.</summary>
public class HallUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public int? StaffMemberId { get; set; }
}
