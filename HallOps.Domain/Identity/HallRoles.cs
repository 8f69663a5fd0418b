namespace HallOps.Domain.Identity;

/// <summary>The hall's roles (DESIGN.md). Pages, endpoints and hub methods name these.</summary>
public static class HallRoles
{
    public const string Admin = nameof(Admin);
    public const string Manager = nameof(Manager);
    public const string Staff = nameof(Staff);
    public const string Guard = nameof(Guard);
    public const string Office = nameof(Office);
    public const string NetworkAdmin = nameof(NetworkAdmin);

    /// <summary>The wall screen's kiosk account: read-only, signed in for a long time.</summary>
    public const string Display = nameof(Display);

    public static readonly IReadOnlyList<string> All = [Admin, Manager, Staff, Guard, Office, NetworkAdmin, Display];
}
