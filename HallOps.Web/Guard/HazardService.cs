using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Guard;

/// <summary>A hazard or incident report as the guard's and the manager's lists show it.</summary>
public sealed record HazardRow(
    long Id, HazardKind Kind, string? FloorName, string Location, string Description, string? Photo,
    DateTimeOffset ReportedAt, string ReportedBy, DateTimeOffset? ClosedAt, string? ClosedBy, string? CloseNote);

/// <summary>A report as the guard's form fills it.</summary>
public sealed class HazardEdit
{
    public HazardKind Kind { get; set; } = HazardKind.Hazard;
    public int? FloorId { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }

    /// <summary>A stored photo's name (<see cref="PhotoStore"/>).</summary>
    public string? Photo { get; set; }
}

/// <summary>
/// Hazards and incidents (SE7 安全隐患 / 突发事件): a guard reports what, where, and a photo from the
/// phone; the manager is told at once (a critical alert, escalated as it is raised); the manager
/// closes the report with what was done, which resolves the alert.
/// </summary>
public sealed class HazardService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    PhotoStore photos,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxLocation = 200;
    public const int MaxDescription = 1000;
    public const int MaxCloseNote = 500;

    public async Task<IReadOnlyList<FloorOption>> FloorsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Floors.AsNoTracking().OrderBy(f => f.Level).Select(f => new FloorOption(f.Id, f.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Stores the report and raises the manager's alert in one transaction; returns the report's id.</summary>
    public async Task<(SaveResult Result, long? Id)> ReportAsync(HazardEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        var location = edit.Location?.Trim() ?? "";
        var description = edit.Description?.Trim() ?? "";
        var errors = new List<string>();
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["Hazard.KindRequired"]);
        }
        if (location.Length == 0)
        {
            errors.Add(L["Hazard.LocationRequired"]);
        }
        else if (location.Length > MaxLocation)
        {
            errors.Add(L["Hazard.LocationTooLong", MaxLocation]);
        }
        if (description.Length == 0)
        {
            errors.Add(L["Hazard.DescriptionRequired"]);
        }
        else if (description.Length > MaxDescription)
        {
            errors.Add(L["Hazard.DescriptionTooLong", MaxDescription]);
        }
        if (edit.Photo is not null && photos.Open(edit.Photo) is null)
        {
            errors.Add(L["Rounds.PhotoUnknown"]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (edit.FloorId is { } floorId && !await db.Floors.AnyAsync(f => f.Id == floorId, cancellationToken))
        {
            errors.Add(L["Hazard.FloorUnknown"]);
        }
        if (errors.Count > 0)
        {
            return (new SaveResult(errors), null);
        }
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var report = new HazardReport
        {
            Kind = edit.Kind, FloorId = edit.FloorId, Location = location, Description = description, Photo = edit.Photo,
            ReportedAt = now, ReportedBy = user.DisplayName,
        };
        db.HazardReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        // SE7: the manager is told at once — critical, and escalated as it is raised.
        db.Alerts.Add(new Alert
        {
            Kind = AlertKinds.Hazard, Severity = AlertSeverity.Critical, Subject = HallSubjects.Hazard(report.Id), RaisedAt = now, EscalatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (SaveResult.Ok, report.Id);
    }

    /// <summary>Tonight's reports (for the guard's phone), newest first.</summary>
    public async Task<IReadOnlyList<HazardRow>> TonightAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var night = GuardNight.Of(time.GetUtcNow(), options.Value.Zone());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db, db.HazardReports.Where(h => h.ReportedAt >= night.From && h.ReportedAt < night.To)).ToListAsync(cancellationToken);
    }

    /// <summary>The manager's list: every open report, then those closed in the last 30 days.</summary>
    public async Task<IReadOnlyList<HazardRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var since = time.GetUtcNow().AddDays(-30);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.HazardReports.Where(h => h.ClosedAt == null || h.ClosedAt >= since)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.ClosedAt is null ? 0 : 1).ThenByDescending(r => r.ReportedAt).ToList();
    }

    /// <summary>The manager closes a report with what was done; its alert is resolved.</summary>
    public async Task<SaveResult> CloseAsync(long id, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return new SaveResult([L["Hazard.CloseNoteRequired"]]);
        }
        if (note.Length > MaxCloseNote)
        {
            return new SaveResult([L["Hazard.CloseNoteTooLong", MaxCloseNote]]);
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var report = await db.HazardReports.SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (report is null)
        {
            return new SaveResult([L["Hazard.Unknown"]]);
        }
        if (report.ClosedAt is { } closedAt)
        {
            return new SaveResult([L["Hazard.AlreadyClosed", report.ClosedBy ?? "", TimeZoneInfo.ConvertTime(closedAt, options.Value.Zone()).ToString("MM-dd HH:mm")]]);
        }
        report.ClosedAt = now;
        report.ClosedBy = user.DisplayName;
        report.CloseNote = note;
        report.Version++;
        var subject = HallSubjects.Hazard(id);
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.Hazard && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["Hazard.ChangedMeanwhile"]]);
        }
    }

    private static IQueryable<HazardRow> Rows(HallDbContext db, IQueryable<HazardReport> reports) =>
        reports.OrderByDescending(h => h.ReportedAt).ThenByDescending(h => h.Id).Select(h => new HazardRow(
            h.Id, h.Kind, db.Floors.Where(f => f.Id == h.FloorId).Select(f => f.Name).FirstOrDefault(), h.Location, h.Description, h.Photo,
            h.ReportedAt, h.ReportedBy, h.ClosedAt, h.ClosedBy, h.CloseNote));
}
