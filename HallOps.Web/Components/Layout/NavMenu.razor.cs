using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using HallOps.Domain.Identity;
using HallOps.Web.Identity;
using MudBlazor;

namespace HallOps.Web.Components.Layout;

/// <summary>
/// The app's navigation: one component writing MudBlazor's nav markup itself. Every staff page
/// carries it, so a MudNavLink (with its NavLink and MudIcon) under an AuthorizeView per section
/// would cost each circuit some sixty components; this costs one.
/// Which sections show is decided once per sign-in; which link is active, on every navigation.
/// </summary>
public sealed partial class NavMenu : ComponentBase, IDisposable
{
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IAuthorizationService Authorization { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    private Task<AuthenticationState>? _shownFor;
    private IReadOnlyList<NavSection> _sections = [];
    private readonly HashSet<string> _collapsed = [];
    private string _path = "/";

    protected override void OnInitialized()
    {
        _path = PathOf(Navigation.Uri);
        Navigation.LocationChanged += OnLocationChanged;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (AuthenticationState is null || ReferenceEquals(AuthenticationState, _shownFor))
        {
            return;
        }
        _shownFor = AuthenticationState;
        var user = (await AuthenticationState).User;
        var shown = new List<NavSection>();
        foreach (var section in NavSection.All)
        {
            if (await MayAsync(section, user))
            {
                shown.Add(section);
            }
        }
        _sections = shown;
    }

    private async Task<bool> MayAsync(NavSection section, System.Security.Claims.ClaimsPrincipal user) =>
        section.Policy is { } policy ? (await Authorization.AuthorizeAsync(user, policy)).Succeeded
        : section.Role is { } role ? user.IsInRole(role)
        : true;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        var path = PathOf(e.Location);
        if (path != _path)
        {
            _path = path;
            InvokeAsync(StateHasChanged);
        }
    }

    private string PathOf(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var end = relative.IndexOfAny(['?', '#']);
        return "/" + (end < 0 ? relative : relative[..end]).TrimEnd('/');
    }

    /// <summary>As NavLink decides it: All is the same path; Prefix is the path or below it.</summary>
    internal static bool IsActive(NavEntry entry, string path) =>
        entry.Match == NavLinkMatch.All || entry.Href == "/"
            ? string.Equals(path, entry.Href, StringComparison.OrdinalIgnoreCase)
            : string.Equals(path, entry.Href, StringComparison.OrdinalIgnoreCase)
              || path.StartsWith(entry.Href + "/", StringComparison.OrdinalIgnoreCase);

    private void Toggle(string group)
    {
        if (!_collapsed.Remove(group))
        {
            _collapsed.Add(group);
        }
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}

/// <summary>One link of the navigation: where, its icon, its resource key.</summary>
internal sealed record NavEntry(string Href, string Icon, string Label, NavLinkMatch Match = NavLinkMatch.Prefix, string? Target = null);

/// <summary>
/// The links one policy (or role) opens, under a group title when <see cref="Group"/> is set.
/// </summary>
internal sealed record NavSection(string? Policy, string? Role, string? Group, string? GroupIcon, IReadOnlyList<NavEntry> Links)
{
    private static NavSection Plain(string? policy, params NavEntry[] links) => new(policy, null, null, null, links);

    private static NavSection Grouped(string policy, string group, string icon, params NavEntry[] links) => new(policy, null, group, icon, links);

    public static IReadOnlyList<NavSection> All { get; } =
    [
        Plain(null, new NavEntry("/", Icons.Material.Filled.Home, "Nav.Home", NavLinkMatch.All)),
        Plain(HallPolicies.Inquire, new NavEntry("/inquiries", Icons.Material.Filled.RecordVoiceOver, "Inquiry.Nav")),
        Plain(HallPolicies.Serve,
            new NavEntry("/my", Icons.Material.Filled.Badge, "Nav.My", NavLinkMatch.All),
            new NavEntry("/leave", Icons.Material.Filled.EventBusy, "Nav.Leave"),
            new NavEntry("/cases/new", Icons.Material.Filled.PostAdd, "Case.Nav.Intake", NavLinkMatch.All),
            new NavEntry("/cases/mine", Icons.Material.Filled.Assignment, "Case.Nav.Mine", NavLinkMatch.All),
            new NavEntry("/my/checks", Icons.Material.Filled.Checklist, "Checks.Nav"),
            new NavEntry("/my/rectifications", Icons.Material.Filled.CleaningServices, "Rectification.Nav"),
            new NavEntry("/my/records", Icons.Material.Filled.Gavel, "MyRecords.Nav"),
            new NavEntry("/appointments", Icons.Material.Filled.EventAvailable, "Appointment.Nav", NavLinkMatch.All),
            new NavEntry("/appointments/comp-time", Icons.Material.Filled.MoreTime, "CompTime.Nav")),
        Grouped(HallPolicies.Guard, "Guard.NavGroup", Icons.Material.Filled.Security,
            new NavEntry("/guard", Icons.Material.Filled.NightShelter, "Guard.Nav", NavLinkMatch.All),
            new NavEntry("/guard/patrol", Icons.Material.Filled.DirectionsWalk, "Patrol.Nav"),
            new NavEntry("/guard/hazard", Icons.Material.Filled.ReportProblem, "Hazard.Nav"),
            new NavEntry("/guard/goods", Icons.Material.Filled.Inventory, "GoodsOut.Nav")),
        Plain(HallPolicies.Wall, new NavEntry("/wall", Icons.Material.Filled.Tv, "Nav.Wall")),
        new(null, HallRoles.Guard, null, null,
            [new NavEntry("/manage/fire-equipment", Icons.Material.Filled.FireExtinguisher, "FireEquipment.Nav")]),
        Grouped(HallPolicies.Manage, "Nav.Manage", Icons.Material.Filled.Settings,
            new NavEntry("/manage/windows", Icons.Material.Filled.Storefront, "Nav.Windows"),
            new NavEntry("/manage/posts", Icons.Material.Filled.People, "Nav.Posts"),
            new NavEntry("/manage/coverage", Icons.Material.Filled.Timeline, "CoverageDay.Nav"),
            new NavEntry("/manage/matters", Icons.Material.Filled.FactCheck, "Matter.Nav"),
            new NavEntry("/manage/cases", Icons.Material.Filled.ListAlt, "CaseList.Nav", NavLinkMatch.All),
            new NavEntry("/manage/cases/import", Icons.Material.Filled.UploadFile, "CaseImport.Nav"),
            new NavEntry("/manage/rounds", Icons.Material.Filled.EventRepeat, "RoundAdmin.Nav"),
            new NavEntry("/manage/checkpoints", Icons.Material.Filled.QrCode2, "Checkpoint.Nav"),
            new NavEntry("/manage/exceptions", Icons.Material.Filled.ErrorOutline, "RoundException.Nav"),
            new NavEntry("/manage/inspections", Icons.Material.Filled.CleaningServices, "Inspection.Nav"),
            new NavEntry("/manage/hygiene/scores", Icons.Material.Filled.Leaderboard, "HygieneScore.Nav"),
            new NavEntry("/manage/fire-equipment", Icons.Material.Filled.FireExtinguisher, "FireEquipment.Nav"),
            new NavEntry("/manage/hazards", Icons.Material.Filled.ReportProblem, "Hazard.ManageNav")),
        Grouped(HallPolicies.Complaints, "Office.NavGroup", Icons.Material.Filled.AccountBalance,
            new NavEntry("/office/complaints", Icons.Material.Filled.Feedback, "Complaint.Nav"),
            new NavEntry("/office/ratings", Icons.Material.Filled.ThumbDown, "Rating.Nav"),
            new NavEntry("/office/inquiries", Icons.Material.Filled.RecordVoiceOver, "InquiryLog.Nav"),
            new NavEntry("/office/departments", Icons.Material.Filled.Business, "Department.Nav")),
        Plain(HallPolicies.Accountability, new NavEntry("/manage/derelictions", Icons.Material.Filled.Gavel, "Dereliction.Nav")),
        Plain(HallPolicies.Assessment,
            new NavEntry("/reports/assessment", Icons.Material.Filled.Assessment, "Assessment.Nav"),
            new NavEntry("/reports/appointments", Icons.Material.Filled.EventNote, "AppointmentReport.Nav")),
        Plain(HallPolicies.ReportIt,
            new NavEntry("/it/report", Icons.Material.Filled.Coronavirus, "ItReport.Nav"),
            new NavEntry("/my/equipment", Icons.Material.Filled.Computer, "MyEquipment.Nav")),
        Grouped(HallPolicies.Network, "Network.Nav", Icons.Material.Filled.Lan,
            new NavEntry("/network", Icons.Material.Filled.Dns, "Network.Nav", NavLinkMatch.All),
            new NavEntry("/network/equipment", Icons.Material.Filled.Computer, "Equipment.Nav"),
            new NavEntry("/network/machine-room", Icons.Material.Filled.MeetingRoom, "MachineRoom.Nav")),
        Grouped(HallPolicies.Administer, "Nav.Admin", Icons.Material.Filled.AdminPanelSettings,
            new NavEntry("/admin/audit", Icons.Material.Filled.ManageSearch, "Nav.Audit"),
            new NavEntry("/hangfire", Icons.Material.Filled.Schedule, "Nav.Jobs", Target: "_blank")),
    ];
}
