using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Hygiene;

/// <summary>A hygiene inspection as the list shows it.</summary>
public sealed record InspectionRow(
    long Id,
    DateTimeOffset DueFrom,
    DateTimeOffset DueBy,
    string Place,
    bool IsWindow,
    string TemplateName,
    RoundState State,
    int? Score,
    string? Inspector,
    bool Manual,
    int FailedItems,
    int Rectifications);

/// <summary>The inspections of one week (Monday to Sunday, hall-local), newest first.</summary>
public sealed record InspectionWeek(DateOnly Monday, DateOnly Today, IReadOnlyList<InspectionRow> Rows)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public bool IsThisWeek => Today >= Monday && Today <= Sunday;
}

/// <summary>A place an inspection can be started for: a window ("window:7") or a public area ("area:3").</summary>
public sealed record InspectionPlace(string Subject, string Name, bool IsWindow);

/// <summary>A rectification raised by an inspection, as the inspection page lists it.</summary>
public sealed record InspectionRectification(long Id, string Item, string Note, DateOnly DueOn, DateTimeOffset? DoneAt, string? DoneBy, DateTimeOffset? ConfirmedAt);

/// <summary>What the inspection page shows around the checklist: where, from which template, and the rectifications it raised.</summary>
public sealed record InspectionDetail(long Id, string Place, string TemplateName, bool Manual, IReadOnlyList<InspectionRectification> Rectifications);

/// <summary>The outcome of starting an inspection: the new round, or the messages to show (nothing was created).</summary>
public sealed record InspectionStart(long? RoundId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => RoundId is not null;
}

/// <summary>
/// The hall manager's hygiene inspections (HY3, HY4): the week's rounds — a sample of the windows
/// and every public area, planned by the weekly schedule — with state, score and inspector, and an
/// inspection started now outside the schedule for any window or public area. Scoring is the shared
/// checklist (<see cref="Rounds.RoundService.CompleteAsync"/>), which raises the rectifications.
/// Manage policy, re-checked on the server.
/// </summary>
public sealed class InspectionService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>The template of a window's inspection (seeded by <see cref="RoundDefaults"/>).</summary>
    public const string WindowTemplate = "hygiene-inspection";

    /// <summary>The template of a public area's inspection.</summary>
    public const string AreaTemplate = "hygiene-area";

    /// <summary>The occurrence key of an inspection started by hand: "manual|{guid}".</summary>
    public const string ManualPrefix = "manual|";

    public async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    /// <summary>The Monday of a date's week.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The inspections due in the week of <paramref name="day"/> (this week when null).</summary>
    public async Task<InspectionWeek> WeekAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var monday = MondayOf(day ?? today);
        var from = calendar.ToInstant(monday, TimeOnly.MinValue);
        var to = calendar.ToInstant(monday.AddDays(7), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rounds = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.HygieneInspection && r.DueFrom >= from && r.DueFrom < to)
            .Select(r => new
            {
                r.Id, r.DueFrom, r.DueBy, r.Subject, r.WindowId, Template = r.Template!.Name, r.State, r.Score,
                Inspector = r.CompletedBy ?? r.StartedBy, r.OccurrenceKey,
                Failed = r.Checks.Count(c => c.Result == CheckResult.Fail),
                Rectifications = db.Rectifications.Count(x => x.RoundId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var names = await PlaceNamesAsync(db, cancellationToken);
        var rows = rounds
            .Select(r => new InspectionRow(
                r.Id, r.DueFrom, r.DueBy, names.GetValueOrDefault(r.Subject, r.Subject), r.WindowId is not null, r.Template, r.State, r.Score,
                r.Inspector, r.OccurrenceKey.StartsWith(ManualPrefix, StringComparison.Ordinal), r.Failed, r.Rectifications))
            .OrderByDescending(r => r.DueFrom).ThenBy(r => r.IsWindow ? 0 : 1).ThenBy(r => r.Place, StringComparer.Ordinal)
            .ToList();
        return new InspectionWeek(monday, today, rows);
    }

    /// <summary>Every active window and public area, for starting an inspection by hand.</summary>
    public async Task<IReadOnlyList<InspectionPlace>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var areas = await db.Checkpoints.AsNoTracking().Where(c => c.IsActive && c.Kind == CheckpointKind.PublicArea)
            .OrderBy(c => c.FloorId).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return windows.Select(w => new InspectionPlace(HallSubjects.Window(w.Id), WindowName(w.Number, w.Name), true))
            .Concat(areas.Select(a => new InspectionPlace(HallSubjects.Area(a.Id), a.Name, false)))
            .ToList();
    }

    /// <summary>
    /// Starts an inspection now of a window ("window:7") or a public area ("area:3"), outside the
    /// schedule: a round of the hygiene-inspection (or hygiene-area) template, due from now to the
    /// end of the day, started by the signed-in manager.
    /// </summary>
    public async Task<InspectionStart> StartNowAsync(string? subject, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        int? windowId = null, floorId = null, responsible = null;
        string templateCode, place;
        if (HallSubjects.TryParseWindow(subject ?? "", out var id))
        {
            var window = await db.Windows.AsNoTracking().Where(w => w.Id == id && w.IsActive).Select(w => new { w.Id, w.FloorId }).SingleOrDefaultAsync(cancellationToken);
            if (window is null)
            {
                return Refused("Inspection.PlaceUnknown");
            }
            (windowId, floorId, templateCode, place) = (window.Id, window.FloorId, WindowTemplate, HallSubjects.Window(window.Id));
            // HY4: the result counts for the window's A holder (the first post's), as the planner does.
            responsible = await db.PostHolders.AsNoTracking().Where(h => h.Post!.WindowId == window.Id && h.Role == PostRole.A)
                .OrderBy(h => h.PostId).Select(h => (int?)h.StaffMemberId).FirstOrDefaultAsync(cancellationToken);
        }
        else if (subject is not null && subject.StartsWith(HallSubjects.AreaPrefix, StringComparison.Ordinal)
            && int.TryParse(subject.AsSpan(HallSubjects.AreaPrefix.Length), out var areaId))
        {
            var area = await db.Checkpoints.AsNoTracking().Where(c => c.Id == areaId && c.IsActive && c.Kind == CheckpointKind.PublicArea)
                .Select(c => new { c.Id, c.FloorId }).SingleOrDefaultAsync(cancellationToken);
            if (area is null)
            {
                return Refused("Inspection.PlaceUnknown");
            }
            (floorId, templateCode, place) = (area.FloorId, AreaTemplate, HallSubjects.Area(area.Id));
        }
        else
        {
            return Refused("Inspection.PlaceRequired");
        }

        var template = await db.RoundTemplates.AsNoTracking()
            .Where(t => t.Code == templateCode && t.IsActive && t.Kind == RoundKind.HygieneInspection && t.Items.Count > 0)
            .Select(t => new { t.Id }).SingleOrDefaultAsync(cancellationToken);
        if (template is null)
        {
            return Refused("Inspection.NoTemplate");
        }
        var endOfDay = calendar.ToInstant(calendar.LocalDate(now).AddDays(1), TimeOnly.MinValue);
        var round = new RoundInstance
        {
            TemplateId = template.Id,
            OccurrenceKey = ManualPrefix + Guid.NewGuid().ToString("N"),
            Kind = RoundKind.HygieneInspection,
            Subject = place,
            WindowId = windowId,
            FloorId = floorId,
            ResponsibleStaffId = responsible,
            DueFrom = now,
            DueBy = endOfDay,
            MissedAt = endOfDay,
            NextCheckAt = endOfDay,
            AssigneeRole = HallRoles.Manager,
            State = RoundState.Due,
        };
        RoundWork.Start(round, now, user.DisplayName);
        db.Rounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return new InspectionStart(round.Id, []);
    }

    /// <summary>An inspection's place, template and rectifications; null when the round is not a hygiene inspection.</summary>
    public async Task<InspectionDetail?> DetailAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Where(r => r.Id == roundId && r.Kind == RoundKind.HygieneInspection)
            .Select(r => new { r.Id, r.Subject, Template = r.Template!.Name, r.OccurrenceKey }).SingleOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var names = await PlaceNamesAsync(db, cancellationToken);
        var rectifications = await db.Rectifications.AsNoTracking().Where(x => x.RoundId == roundId).OrderBy(x => x.Id)
            .Select(x => new InspectionRectification(x.Id, x.Item, x.Note, x.DueOn, x.DoneAt, x.DoneBy, x.ConfirmedAt))
            .ToListAsync(cancellationToken);
        return new InspectionDetail(round.Id, names.GetValueOrDefault(round.Subject, round.Subject), round.Template,
            round.OccurrenceKey.StartsWith(ManualPrefix, StringComparison.Ordinal), rectifications);
    }

    /// <summary>"window:7" → "7号窗口 不动产登记", "area:3" → "一楼大厅".</summary>
    private async Task<Dictionary<string, string>> PlaceNamesAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var areas = await db.Checkpoints.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return windows.Select(w => (Key: HallSubjects.Window(w.Id), Name: WindowName(w.Number, w.Name)))
            .Concat(areas.Select(a => (Key: HallSubjects.Area(a.Id), a.Name)))
            .ToDictionary(x => x.Key, x => x.Name, StringComparer.Ordinal);
    }

    private string WindowName(int number, string name) => $"{L["Wall.WindowShort", number]} {name}";

    private InspectionStart Refused(string key) => new(null, [L[key]]);
}
