using HallOps.Domain.Identity;
using Microsoft.AspNetCore.Authorization;

namespace HallOps.Web.Identity;

/// <summary>The authorization policies pages, endpoints and hub methods name.</summary>
public static class HallPolicies
{
    /// <summary>Any signed-in hall account (every role, including the wall's kiosk account).</summary>
    public const string Viewer = "hall-viewer";

    /// <summary>The hall manager and administrators: configure windows, posts, calendar.</summary>
    public const string Manage = "hall-manage";

    /// <summary>Administrators only: users, settings, audit log, job dashboard.</summary>
    public const string Administer = "hall-administer";

    /// <summary>Window staff (and managers who hold a post): presence, handovers, acknowledgements.</summary>
    public const string Serve = "hall-serve";

    /// <summary>Dereliction records (AC1–AC5): the hall manager, the bureau office (局办公室) and administrators.</summary>
    public const string Accountability = "hall-accountability";

    /// <summary>
    /// First inquiries (FQ2: every staff member is a first responder): every person's account —
    /// window staff, manager, office, guards, the network administrator, administrators — not the wall's kiosk.
    /// </summary>
    public const string Inquire = "hall-inquire";

    /// <summary>The complaint and report queue (AC5, SC2.6): the bureau office, the manager and administrators.</summary>
    public const string Complaints = "hall-complaints";

    /// <summary>The monthly assessment (考核): the manager, the bureau office and administrators.</summary>
    public const string Assessment = "hall-assessment";

    /// <summary>Guards (and the manager): duty shifts, evening rounds, patrols, goods out, hazard reports (SE2, SE6, SE7).</summary>
    public const string Guard = "hall-guard";

    /// <summary>
    /// The network administrator's desk (IT2–IT6): the equipment register, the incident queue, media
    /// scans and the machine-room access log — network administrators, the manager and administrators.
    /// </summary>
    public const string Network = "hall-network";

    /// <summary>
    /// Reporting at a window (IT2, IT3): a virus incident or an external-media scan — window staff, the
    /// manager, network administrators and administrators.
    /// </summary>
    public const string ReportIt = "hall-report-it";

    /// <summary>Who may open the wall screen.</summary>
    public const string Wall = "hall-wall";

    public static AuthorizationPolicy SignedIn { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireRole(HallRoles.All)
        .Build();
}
