using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.FireSafety;

/// <summary>A piece of fire equipment as the register shows it, with its status today.</summary>
public sealed record FireEquipmentRow(
    int Id,
    string Code,
    FireEquipmentKind Kind,
    string Location,
    int? FloorId,
    string? Floor,
    int IntervalDays,
    DateOnly NextInspectionOn,
    DateTimeOffset? LastInspectedAt,
    string? LastInspectedBy,
    string? LastProblem,
    bool IsActive,
    FireEquipmentStatus Status);

/// <summary>The register: whether the viewer may edit it (a manager) or only record inspections (a guard).</summary>
public sealed record FireEquipmentView(bool MayEdit, DateOnly Today, IReadOnlyList<FireEquipmentRow> Rows, IReadOnlyList<Choice> Floors);

/// <summary>What the manager enters for a piece of fire equipment. Validated by <see cref="FireEquipmentService.SaveAsync"/>.</summary>
public sealed class FireEquipmentEdit
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public FireEquipmentKind Kind { get; set; } = FireEquipmentKind.Extinguisher;
    public string Location { get; set; } = "";
    public int? FloorId { get; set; }
    public int IntervalDays { get; set; } = 30;
    public DateTime? NextInspectionOn { get; set; }
}

/// <summary>
/// 消防器材 (SE2.4 "fire equipment kept and maintained"): the register — tag code (unique, case does
/// not count), kind, location, floor, interval and next inspection date — kept by the manager, and
/// the inspections recorded by guards or the manager: fine, or the problem found. An inspection sets
/// the next date one interval after today (<see cref="FireEquipmentRules.NextInspection"/>) and
/// resolves the item's due alert at once. Every action is checked on the server; bad input changes
/// nothing and says why.
/// </summary>
/// <remarks><see cref="FireEquipment.LastNote"/> holds the problem found on the last inspection; null when it was fine.</remarks>
public sealed class FireEquipmentService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxCode = 50;
    public const int MaxLocation = 200;
    public const int MaxNote = 500;

    /// <summary>The register: due and overdue first, then by next date and code; deactivated items last.</summary>
    public async Task<FireEquipmentView> LoadAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        var today = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).Select(f => new Choice(f.Id, f.Name)).ToListAsync(cancellationToken);
        var items = await db.FireEquipment.AsNoTracking().ToListAsync(cancellationToken);
        var floorNames = floors.ToDictionary(f => f.Id, f => f.Name);
        var rows = items
            .Select(f => new FireEquipmentRow(
                f.Id, f.Code, f.Kind, f.Location, f.FloorId, f.FloorId is { } id ? floorNames.GetValueOrDefault(id) : null,
                f.IntervalDays, f.NextInspectionOn, f.LastInspectedAt, f.LastInspectedBy, f.LastNote, f.IsActive,
                FireEquipmentRules.StatusOn(f.NextInspectionOn, f.IsActive, today)))
            .OrderBy(r => r.IsActive ? 0 : 1).ThenBy(r => r.NextInspectionOn).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new FireEquipmentView(user.IsManager, today, rows, floors);
    }

    /// <summary>Adds (Id 0) or updates an item (Manage). A changed next date may not lie in the past.</summary>
    public async Task<SaveResult> SaveAsync(FireEquipmentEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var today = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new List<string>();
        var code = (edit.Code ?? "").Trim();
        var location = (edit.Location ?? "").Trim();
        if (code.Length == 0)
        {
            errors.Add(L["FireEquipment.CodeRequired"]);
        }
        else if (code.Length > MaxCode || code.Any(char.IsWhiteSpace))
        {
            errors.Add(L["FireEquipment.CodeFormat", MaxCode]);
        }
        else if (await db.FireEquipment.AnyAsync(f => f.Code.ToUpper() == code.ToUpper() && f.Id != edit.Id, cancellationToken))
        {
            errors.Add(L["FireEquipment.CodeTaken", code]);
        }
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["FireEquipment.KindRequired"]);
        }
        if (location.Length == 0)
        {
            errors.Add(L["FireEquipment.LocationRequired"]);
        }
        else if (location.Length > MaxLocation)
        {
            errors.Add(L["FireEquipment.LocationTooLong", MaxLocation]);
        }
        if (edit.FloorId is { } floorId && !await db.Floors.AnyAsync(f => f.Id == floorId, cancellationToken))
        {
            errors.Add(L["FireEquipment.FloorUnknown"]);
        }
        if (!FireEquipmentRules.IsValidInterval(edit.IntervalDays))
        {
            errors.Add(L["FireEquipment.IntervalRange", FireEquipmentRules.MaxIntervalDays]);
        }

        FireEquipment? item = null;
        if (edit.Id != 0)
        {
            item = await db.FireEquipment.SingleOrDefaultAsync(f => f.Id == edit.Id, cancellationToken);
            if (item is null)
            {
                return new SaveResult([L["FireEquipment.Unknown"]]);
            }
        }
        DateOnly? next = edit.NextInspectionOn is { } picked ? DateOnly.FromDateTime(picked) : null;
        if (next is null)
        {
            errors.Add(L["FireEquipment.NextRequired"]);
        }
        else if (next < today && next != item?.NextInspectionOn)
        {
            errors.Add(L["FireEquipment.NextInPast"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        item ??= db.FireEquipment.Add(new FireEquipment { Code = code, Location = location }).Entity;
        item.Code = code;
        item.Kind = edit.Kind;
        item.Location = location;
        item.FloorId = edit.FloorId;
        item.IntervalDays = edit.IntervalDays;
        item.NextInspectionOn = next!.Value;
        item.Version++;
        if (!FireEquipmentRules.IsDue(item.NextInspectionOn, item.IsActive, today))
        {
            await ResolveAlertAsync(db, item.Id, cancellationToken);
        }
        return await SaveAsync(db, () => L["FireEquipment.CodeTaken", code], cancellationToken);
    }

    /// <summary>Takes an item out of service (no inspections, no alerts) or back in (Manage).</summary>
    public async Task<SaveResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.FireEquipment.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (item is null)
        {
            return new SaveResult([L["FireEquipment.Unknown"]]);
        }
        if (item.IsActive == active)
        {
            return SaveResult.Ok;
        }
        item.IsActive = active;
        item.Version++;
        if (!active)
        {
            await ResolveAlertAsync(db, item.Id, cancellationToken);
        }
        return await SaveAsync(db, () => L["FireEquipment.ChangedMeanwhile"], cancellationToken);
    }

    /// <summary>
    /// A guard or the manager records an inspection: fine, or the problem found (a note is then
    /// required). The next inspection is one interval after today; the due alert is resolved.
    /// </summary>
    public async Task<SaveResult> RecordInspectionAsync(int id, bool fine, string? problem, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        problem = problem?.Trim();
        if (!fine && string.IsNullOrEmpty(problem))
        {
            return new SaveResult([L["FireEquipment.ProblemRequired"]]);
        }
        if (problem is { Length: > MaxNote })
        {
            return new SaveResult([L["FireEquipment.NoteTooLong", MaxNote]]);
        }
        var now = time.GetUtcNow();
        var today = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.FireEquipment.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (item is null)
        {
            return new SaveResult([L["FireEquipment.Unknown"]]);
        }
        if (!item.IsActive)
        {
            return new SaveResult([L["FireEquipment.Inactive"]]);
        }
        item.LastInspectedAt = now;
        item.LastInspectedBy = user.DisplayName;
        item.LastNote = fine ? null : problem;
        item.NextInspectionOn = FireEquipmentRules.NextInspection(today, item.IntervalDays);
        item.Version++;
        await ResolveAlertAsync(db, item.Id, cancellationToken);
        return await SaveAsync(db, () => L["FireEquipment.ChangedMeanwhile"], cancellationToken);
    }

    private async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    private async Task ResolveAlertAsync(HallDbContext db, int id, CancellationToken cancellationToken)
    {
        if (id == 0)
        {
            return;
        }
        var subject = HallSubjects.FireEquipment(id);
        var now = time.GetUtcNow();
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.FireEquipmentDue && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
    }

    private async Task<SaveResult> SaveAsync(HallDbContext db, Func<string> conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["FireEquipment.ChangedMeanwhile"]]);
        }
        catch (DbUpdateException)
        {
            // Another manager took the code between the check and the save.
            return new SaveResult([conflict()]);
        }
    }
}
