using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Guard;

/// <summary>A place a patrol stop can be at: a floor ("floor:2") or a public area / the machine room ("area:5").</summary>
public sealed record PatrolPlace(string Key, string Name, string? FloorName, CheckpointKind Kind);

/// <summary>A patrol stop as the log lists it.</summary>
public sealed record PatrolRow(
    long Id, string PlaceName, DateTimeOffset At, string By, bool Scanned, string? ManualReason, CheckResult Result, string? Note, string? Photo);

/// <summary>A patrol stop entered by hand, as the form fills it.</summary>
public sealed class PatrolEdit
{
    /// <summary>A <see cref="PatrolPlace.Key"/>.</summary>
    public string? Place { get; set; }

    /// <summary>Something was wrong (发现异常): the note says what, and the manager is told at once.</summary>
    public bool Problem { get; set; }

    public string? Note { get; set; }

    /// <summary>A stored photo's name (<see cref="PhotoStore"/>).</summary>
    public string? Photo { get; set; }

    /// <summary>Why the place's label was not scanned (手动登记).</summary>
    public string? ManualReason { get; set; }
}

/// <summary>
/// Irregular patrols (SE2.3 不定时巡逻): each stop is a round of kind <see cref="RoundKind.Patrol"/>
/// made on the spot and done at once — where, when, by whom, scanned at the place's label or
/// entered by hand with a reason, with a note. A stop that finds something wrong is an exception
/// for the manager, alerted at once like the evening round's (SE2.2).
/// </summary>
public sealed class PatrolService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    PhotoStore photos,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>The patrol's checklist template, made the first time a patrol is logged.</summary>
    public const string TemplateCode = "patrol";

    public const int MaxNote = RoundService.MaxNote;

    public const int MaxReason = GuardRoundService.MaxReason;

    /// <summary>A second scan of the same label by the same guard within this is the same stop.</summary>
    public static readonly TimeSpan RepeatScan = TimeSpan.FromMinutes(2);

    /// <summary>How long after a stop its guard may still add what they found.</summary>
    public static readonly TimeSpan NoteWithin = TimeSpan.FromHours(2);

    // The template is data, worded as the hall's patrol rule (SE2.3), like the default routines.
    private const string TemplateName = "不定时巡逻";
    private const string TemplateItem = "防火、防盗、防破坏，无滞留人员";

    public async Task<IReadOnlyList<PatrolPlace>> PlacesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).ToListAsync(cancellationToken);
        var areas = await db.Checkpoints.AsNoTracking().Where(c => c.IsActive && c.Kind != CheckpointKind.Floor)
            .OrderBy(c => c.FloorId).ThenBy(c => c.Kind).ThenBy(c => c.Name).ToListAsync(cancellationToken);
        var places = new List<PatrolPlace>();
        foreach (var floor in floors)
        {
            places.Add(new PatrolPlace(HallSubjects.Floor(floor.Id), floor.Name, floor.Name, CheckpointKind.Floor));
            places.AddRange(areas.Where(a => a.FloorId == floor.Id)
                .Select(a => new PatrolPlace(HallSubjects.Area(a.Id), a.Name, floor.Name, a.Kind)));
        }
        places.AddRange(areas.Where(a => a.FloorId is null || floors.All(f => f.Id != a.FloorId))
            .Select(a => new PatrolPlace(HallSubjects.Area(a.Id), a.Name, null, a.Kind)));
        return places;
    }

    /// <summary>Tonight's patrol stops, newest first.</summary>
    public async Task<IReadOnlyList<PatrolRow>> TonightAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var night = GuardNight.Of(time.GetUtcNow(), options.Value.Zone());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stops = await db.Rounds.AsNoTracking().Include(r => r.Checks)
            .Where(r => r.Kind == RoundKind.Patrol && r.DueFrom >= night.From && r.DueFrom < night.To)
            .OrderByDescending(r => r.DueFrom).ThenByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var names = await PlaceNamesAsync(db, cancellationToken);
        return stops.Select(r =>
        {
            var check = r.Checks.OrderBy(c => c.Order).FirstOrDefault();
            return new PatrolRow(
                r.Id, names.GetValueOrDefault(r.Subject, r.Subject), r.DueFrom, r.CompletedBy ?? "", r.CheckpointScannedAt is not null,
                r.ManualEntryReason, check?.Result ?? CheckResult.Pass, check?.Note, check?.Photo);
        }).ToList();
    }

    /// <summary>One stop, for the page a scan opens; null when unknown.</summary>
    public async Task<PatrolRow?> StopAsync(long stopId, CancellationToken cancellationToken = default) =>
        (await TonightAsync(cancellationToken)).FirstOrDefault(s => s.Id == stopId);

    /// <summary>A stop entered by hand (手动登记): the place, what was found, and why the label was not scanned.</summary>
    public async Task<SaveResult> LogAsync(PatrolEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        var errors = new List<string>();
        var note = edit.Note?.Trim();
        var reason = edit.ManualReason?.Trim();
        if (string.IsNullOrEmpty(edit.Place))
        {
            errors.Add(L["Patrol.PlaceRequired"]);
        }
        errors.AddRange(CheckNote(edit.Problem, note, edit.Photo));
        if (string.IsNullOrEmpty(reason))
        {
            errors.Add(L["Patrol.ManualReasonRequired"]);
        }
        else if (reason.Length > MaxReason)
        {
            errors.Add(L["Patrol.ManualReasonTooLong", MaxReason]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var place = await PlaceAsync(db, edit.Place!, cancellationToken);
        if (place is null)
        {
            return new SaveResult([L["Patrol.PlaceUnknown"]]);
        }
        var stop = await NewStopAsync(db, place.Value.Subject, place.Value.FloorId, user, edit.Problem, note, edit.Photo, cancellationToken);
        stop.ManualEntryReason = reason;
        db.Rounds.Add(stop);
        await db.SaveChangesAsync(cancellationToken);
        await RaiseExceptionAsync(stop, cancellationToken);
        return SaveResult.Ok;
    }

    /// <summary>
    /// The stop a scanned label records (SE2.3): at the checkpoint's place, now, nothing found yet.
    /// The same guard scanning the same label again within <see cref="RepeatScan"/> gets the same stop.
    /// </summary>
    internal async Task<(long StopId, bool Repeated)> LogScanAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        var now = time.GetUtcNow();
        var subject = checkpoint.Kind == CheckpointKind.Floor && checkpoint.FloorId is { } floorId ? HallSubjects.Floor(floorId) : HallSubjects.Area(checkpoint.Id);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = now - RepeatScan;
        var recent = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.Patrol && r.Subject == subject && r.CheckpointScannedAt != null && r.DueFrom >= since && r.CompletedBy == user.DisplayName)
            .OrderByDescending(r => r.Id).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (recent is { } id)
        {
            return (id, true);
        }
        var stop = await NewStopAsync(db, subject, checkpoint.FloorId, user, problem: false, note: null, photo: null, cancellationToken);
        stop.CheckpointScannedAt = now;
        db.Rounds.Add(stop);
        await db.SaveChangesAsync(cancellationToken);
        return (stop.Id, false);
    }

    /// <summary>
    /// What the guard found at a stop they logged by scanning (补充情况): a note, and whether something
    /// is wrong (an exception and the manager's alert). Once per stop, by its own guard, soon after.
    /// </summary>
    public async Task<SaveResult> AddFindingAsync(long stopId, bool problem, string? note, string? photo, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        var errors = CheckNote(problem, note, photo).ToList();
        if (!problem && string.IsNullOrEmpty(note))
        {
            errors.Add(L["Patrol.NoteRequired"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stop = await db.Rounds.Include(r => r.Checks).SingleOrDefaultAsync(r => r.Id == stopId && r.Kind == RoundKind.Patrol, cancellationToken);
        if (stop is null)
        {
            return new SaveResult([L["Rounds.Unknown"]]);
        }
        var check = stop.Checks.OrderBy(c => c.Order).FirstOrDefault();
        if (stop.CompletedBy != user.DisplayName || check is null)
        {
            return new SaveResult([L["Rounds.NotYours"]]);
        }
        if (check.Note is not null || check.Result != CheckResult.Pass || time.GetUtcNow() - stop.DueFrom > NoteWithin)
        {
            return new SaveResult([L["Patrol.FindingClosed"]]);
        }
        check.Result = problem ? CheckResult.Fail : CheckResult.Pass;
        check.Note = string.IsNullOrEmpty(note) ? null : note;
        check.Photo = photo;
        stop.Score = problem ? 0 : 100;
        stop.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["Rounds.ChangedMeanwhile"]]);
        }
        await RaiseExceptionAsync(stop, cancellationToken);
        return SaveResult.Ok;
    }

    private IEnumerable<string> CheckNote(bool problem, string? note, string? photo)
    {
        if (problem && string.IsNullOrEmpty(note))
        {
            yield return L["Patrol.ProblemNeedsNote"];
        }
        if (note is { Length: > MaxNote })
        {
            yield return L["Rounds.NoteTooLong", MaxNote];
        }
        if (photo is not null && photos.Open(photo) is null)
        {
            yield return L["Rounds.PhotoUnknown"];
        }
    }

    private async Task<RoundInstance> NewStopAsync(
        HallDbContext db, string subject, int? floorId, HallUserInfo user, bool problem, string? note, string? photo, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var template = await TemplateAsync(db, cancellationToken);
        return new RoundInstance
        {
            TemplateId = template.Id,
            OccurrenceKey = $"patrol|{Guid.NewGuid():N}",
            Kind = RoundKind.Patrol,
            Subject = subject,
            FloorId = floorId,
            DueFrom = now,
            DueBy = now,
            MissedAt = now,
            AssigneeRole = HallRoles.Guard,
            State = RoundState.Done,
            StartedAt = now,
            StartedBy = user.DisplayName,
            CompletedAt = now,
            CompletedBy = user.DisplayName,
            Score = problem ? 0 : 100,
            Checks =
            [
                new RoundCheck
                {
                    Order = 1, Text = template.Items.OrderBy(i => i.Order).First().Text, Result = problem ? CheckResult.Fail : CheckResult.Pass,
                    Note = string.IsNullOrEmpty(note) ? null : note, Photo = photo, CheckedAt = now, CheckedBy = user.DisplayName,
                },
            ],
        };
    }

    /// <summary>The patrol template, made once by its code (a concurrent first patrol's is used when it wins).</summary>
    private static async Task<RoundTemplate> TemplateAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var template = await db.RoundTemplates.Include(t => t.Items).SingleOrDefaultAsync(t => t.Code == TemplateCode, cancellationToken);
        if (template is not null && template.Items.Count > 0)
        {
            return template;
        }
        if (template is null)
        {
            template = new RoundTemplate { Code = TemplateCode, Name = TemplateName, Kind = RoundKind.Patrol, Area = RoundArea.Floor };
            db.RoundTemplates.Add(template);
        }
        template.Items.Add(new RoundTemplateItem { Order = 1, Text = TemplateItem, NoteOnFail = true });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return template;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.RoundTemplates.Include(t => t.Items).SingleAsync(t => t.Code == TemplateCode, cancellationToken);
        }
    }

    private static async Task<(string Subject, int? FloorId)?> PlaceAsync(HallDbContext db, string key, CancellationToken cancellationToken)
    {
        if (key.StartsWith(HallSubjects.FloorPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(HallSubjects.FloorPrefix.Length), out var floorId))
        {
            return await db.Floors.AnyAsync(f => f.Id == floorId, cancellationToken) ? (HallSubjects.Floor(floorId), floorId) : null;
        }
        if (key.StartsWith(HallSubjects.AreaPrefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(HallSubjects.AreaPrefix.Length), out var checkpointId))
        {
            var area = await db.Checkpoints.AsNoTracking()
                .SingleOrDefaultAsync(c => c.Id == checkpointId && c.IsActive && c.Kind != CheckpointKind.Floor, cancellationToken);
            return area is null ? null : (HallSubjects.Area(area.Id), area.FloorId);
        }
        return null;
    }

    /// <summary>"floor:2" → 二楼, "area:5" → 一楼大厅.</summary>
    private static async Task<Dictionary<string, string>> PlaceNamesAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var floor in await db.Floors.AsNoTracking().Select(f => new { f.Id, f.Name }).ToListAsync(cancellationToken))
        {
            names[HallSubjects.Floor(floor.Id)] = floor.Name;
        }
        foreach (var area in await db.Checkpoints.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
        {
            names[HallSubjects.Area(area.Id)] = area.Name;
        }
        return names;
    }

    /// <summary>A stop that found something wrong: one exception, and the manager's alert at once (critical, escalated).</summary>
    private async Task RaiseExceptionAsync(RoundInstance stop, CancellationToken cancellationToken)
    {
        var check = stop.Checks.FirstOrDefault(c => c.Result == CheckResult.Fail);
        if (check is null)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var exception = new RoundException
        {
            RoundId = stop.Id, FloorId = stop.FloorId, Item = check.Text, Note = check.Note ?? "", Photo = check.Photo,
            FoundAt = check.CheckedAt, FoundBy = check.CheckedBy,
        };
        db.RoundExceptions.Add(exception);
        await db.SaveChangesAsync(cancellationToken);
        db.Alerts.Add(new Alert
        {
            Kind = AlertKinds.RoundException, Severity = AlertSeverity.Critical, Subject = HallSubjects.RoundExceptionSubject(exception.Id),
            RaisedAt = exception.FoundAt, EscalatedAt = exception.FoundAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
