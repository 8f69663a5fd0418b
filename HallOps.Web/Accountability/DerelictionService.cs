using System.Data;
using System.Data.Common;
using HallOps.Domain.Accountability;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Accountability;

/// <summary>One dereliction record as the list shows it.</summary>
public sealed record DerelictionRow(
    long Id, DerelictionType Type, DerelictionStatus Status, string? StaffName, string? StaffNo, long? CaseId, string? CaseNumber,
    string Summary, string Evidence, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DecidedAt, string? DecidedBy, string? Decision)
{
    public DerelictionOrigin Origin { get; init; }
    public int? StaffMemberId { get; init; }
    public int? WindowNumber { get; init; }
    public long? ComplaintId { get; init; }
    public DerelictionSeverity? Severity { get; init; }
    public DerelictionSanctions Sanctions { get; init; }
    public DateOnly? DecisionDate { get; init; }
    public string? DecisionMaker { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>The list's filters: status, type, staff member, the month the record was raised (hall's time).</summary>
public sealed record DerelictionFilter(DerelictionStatus? Status = null, DerelictionType? Type = null, int? StaffMemberId = null, DateOnly? Month = null);

/// <summary>Where a record came from, for its detail page: the case, complaint, round exception or alert.</summary>
public sealed record DerelictionSource(
    string? CaseNumber, string? ComplaintNumber,
    string? ExceptionItem, string? ExceptionNote, string? ExceptionFoundBy, DateTimeOffset? ExceptionFoundAt,
    string? AlertKind, DateTimeOffset? AlertRaisedAt, DateTimeOffset? AlertEscalatedAt, DateTimeOffset? AlertAcknowledgedAt);

/// <summary>One record in full.</summary>
public sealed record DerelictionDetail(DerelictionRow Row, int Version, int? WindowId, long? RoundExceptionId, long? AlertId, string? ReadBy, DerelictionSource Source);

/// <summary>A person or window to choose from.</summary>
public sealed record DerelictionOption(int Id, string Label);

/// <summary>
/// 失职记录 (AC1–AC4): the records drafted automatically (types 1 and 2 from the cases, OT2 and TL5;
/// round exceptions and unacknowledged alerts, by the dereliction-draft job; complaints by the
/// office's queue) and those entered by hand; drafts first. The manager or the bureau office
/// corrects a draft's type and staff member, then confirms it — type (AC2), severity (AC3), one or
/// more of the seven sanctions (AC4), the decision's date and who took it — or dismisses it with
/// the reason. A decided record is not decided again; two people deciding at once → one decision
/// (serializable, and the version the deciding screen read). Accountability policy (Manager,
/// Office, Admin), re-checked on every read and change. Every change is audited by the data context.
/// </summary>
public sealed class DerelictionService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = DerelictionRules.MaxNote;

    private TimeZoneInfo Zone => options.Value.Zone();

    /// <summary>The records, drafts first (oldest draft first: it has waited longest), then decided ones newest first.</summary>
    public async Task<IReadOnlyList<DerelictionRow>> ListAsync(DerelictionFilter? filter = null, int take = 500, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        filter ??= new DerelictionFilter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DerelictionRecords.AsNoTracking();
        if (filter.Status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(d => d.Type == type);
        }
        if (filter.StaffMemberId is { } staffId)
        {
            query = query.Where(d => d.StaffMemberId == staffId);
        }
        if (filter.Month is { } month)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var from = StartOf(first);
            var to = StartOf(first.AddMonths(1));
            query = query.Where(d => d.CreatedAt >= from && d.CreatedAt < to);
        }
        var drafts = filter.Status is null or DerelictionStatus.Draft
            ? await Project(db, query.Where(d => d.Status == DerelictionStatus.Draft).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(take))
                .ToListAsync(cancellationToken)
            : [];
        var decided = filter.Status is DerelictionStatus.Draft
            ? []
            : await Project(db, query.Where(d => d.Status != DerelictionStatus.Draft).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Take(take))
                .ToListAsync(cancellationToken);
        return [.. drafts, .. decided];
    }

    /// <summary>One record with its source (case, complaint, round exception, alert), or null when there is none.</summary>
    public async Task<DerelictionDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await DetailAsync(db, id, cancellationToken);
    }

    /// <summary>The staff register to choose from (name and 工号).</summary>
    public async Task<IReadOnlyList<DerelictionOption>> StaffOptionsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.EmployeeNo).Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        return staff.Select(s => new DerelictionOption(s.Id, L["Dereliction.StaffLabel", s.Name, s.EmployeeNo])).ToList();
    }

    /// <summary>The windows to choose from.</summary>
    public async Task<IReadOnlyList<DerelictionOption>> WindowOptionsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().OrderBy(w => w.Number).Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        return windows.Select(w => new DerelictionOption(w.Id, L["Dereliction.WindowLabel", w.Number.ToString("00"), w.Name])).ToList();
    }

    /// <summary>The hall's date today: the latest decision date allowed.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    private DerelictionTexts Texts => field ??= new DerelictionTexts(L);

    public string TypeName(DerelictionType type) => Texts.TypeName(type);

    public string StatusName(DerelictionStatus status) => Texts.StatusName(status);

    public string SeverityName(DerelictionSeverity severity) => Texts.SeverityName(severity);

    /// <summary>AC3's definition of a severity, shown next to the choice.</summary>
    public string SeverityDefinition(DerelictionSeverity severity) => Texts.SeverityDefinition(severity);

    public string SanctionName(DerelictionSanctions sanction) => Texts.SanctionName(sanction);

    public string SanctionNames(DerelictionSanctions sanctions) => Texts.SanctionNames(sanctions);

    public string OriginName(DerelictionOrigin origin) => Texts.OriginName(origin);

    /// <summary>AC2–AC4: confirms a draft with its type, severity, sanctions, decision date and decision maker.</summary>
    public async Task<SaveResult> ConfirmAsync(long id, int version, DerelictionConfirmation confirmation, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        var decidedBy = await DecidedByAsync();
        var now = time.GetUtcNow();
        return await ChangeAsync(id, version, record =>
        {
            var problems = DerelictionRules.CheckConfirm(record.Status, confirmation, LocalDate(record.CreatedAt), Today);
            if (problems.Count == 0)
            {
                DerelictionRules.Confirm(record, confirmation, now, decidedBy);
            }
            return problems;
        }, cancellationToken);
    }

    /// <summary>Dismisses a draft with the reason.</summary>
    public async Task<SaveResult> DismissAsync(long id, int version, string? reason, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        var decidedBy = await DecidedByAsync();
        var now = time.GetUtcNow();
        return await ChangeAsync(id, version, record =>
        {
            var problems = DerelictionRules.CheckDismiss(record.Status, reason);
            if (problems.Count == 0)
            {
                DerelictionRules.Dismiss(record, reason!, now, decidedBy);
            }
            return problems;
        }, cancellationToken);
    }

    /// <summary>Corrects a draft's type and staff member before it is decided.</summary>
    public async Task<SaveResult> UpdateDraftAsync(long id, int version, DerelictionType? type, int? staffMemberId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        if (staffMemberId is { } staffId)
        {
            await using var check = await contexts.CreateDbContextAsync(cancellationToken);
            if (!await check.StaffMembers.AnyAsync(s => s.Id == staffId, cancellationToken))
            {
                return Fail(DerelictionProblem.StaffRequired);
            }
        }
        return await ChangeAsync(id, version, record =>
        {
            var problems = DerelictionRules.CheckDraftEdit(record.Status, type);
            if (problems.Count == 0 && (record.Type != type || record.StaffMemberId != staffMemberId))
            {
                record.Type = type!.Value;
                record.StaffMemberId = staffMemberId;
                record.Version++;
            }
            return problems;
        }, cancellationToken);
    }

    /// <summary>AC1: a record entered by hand, a draft to decide like the others. Returns its id.</summary>
    public async Task<(SaveResult Result, long? Id)> CreateAsync(DerelictionEntry entry, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        var problems = DerelictionRules.CheckEntry(entry);
        if (problems.Count > 0)
        {
            return (Fail(problems), null);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.StaffMembers.AnyAsync(s => s.Id == entry.StaffMemberId, cancellationToken))
        {
            return (Fail(DerelictionProblem.StaffRequired), null);
        }
        if (entry.WindowId is { } windowId && !await db.Windows.AnyAsync(w => w.Id == windowId, cancellationToken))
        {
            return (new SaveResult([L["Dereliction.WindowUnknown"]]), null);
        }
        var user = await currentUser.GetAsync();
        var record = new DerelictionRecord
        {
            Type = entry.Type!.Value,
            Origin = DerelictionOrigin.Hand,
            Status = DerelictionStatus.Draft,
            StaffMemberId = entry.StaffMemberId,
            WindowId = entry.WindowId,
            SourceKey = DerelictionRules.HandSourceKey(Guid.NewGuid()),
            Summary = entry.Summary!.Trim(),
            Evidence = entry.Evidence?.Trim() ?? "",
            CreatedAt = time.GetUtcNow(),
            CreatedBy = DisplayOf(user),
        };
        db.DerelictionRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return (new SaveResult([L["Dereliction.Conflict"]]), null);
        }
        return (SaveResult.Ok, record.Id);
    }

    public string ProblemText(DerelictionProblem problem) => problem switch
    {
        DerelictionProblem.DecisionMakerTooLong => L["Dereliction.Problem.DecisionMakerTooLong", DerelictionRules.MaxDecisionMaker],
        DerelictionProblem.NoteTooLong or DerelictionProblem.ReasonTooLong => L[$"Dereliction.Problem.{problem}", DerelictionRules.MaxNote],
        DerelictionProblem.SummaryTooLong => L["Dereliction.Problem.SummaryTooLong", DerelictionRules.MaxSummary],
        DerelictionProblem.EvidenceTooLong => L["Dereliction.Problem.EvidenceTooLong", DerelictionRules.MaxEvidence],
        _ => L[$"Dereliction.Problem.{problem}"],
    };

    private SaveResult Fail(params IEnumerable<DerelictionProblem> problems) => new(problems.Select(ProblemText).ToList());

    /// <summary>
    /// Reads the record in a serializable transaction, refuses a stale version (someone else changed
    /// it since the screen read it), applies <paramref name="change"/> and saves — or changes nothing.
    /// </summary>
    private async Task<SaveResult> ChangeAsync(long id, int version, Func<DerelictionRecord, IReadOnlyList<DerelictionProblem>> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            // Serializable: two people deciding the same draft at once → one decision is stored.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var record = await db.DerelictionRecords.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (record is null)
            {
                return new SaveResult([L["Dereliction.Gone"]]);
            }
            if (record.Status != DerelictionStatus.Draft)
            {
                return new SaveResult([L["Dereliction.AlreadyDecided", StatusName(record.Status), record.DecidedBy ?? ""]]);
            }
            if (record.Version != version)
            {
                return new SaveResult([L["Dereliction.Stale"]]);
            }
            var problems = change(record);
            if (problems.Count > 0)
            {
                return Fail(problems);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["Dereliction.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    private async Task<string> DecidedByAsync() => DisplayOf(await currentUser.GetAsync());

    private static string DisplayOf(HallUserInfo user) =>
        user.DisplayName is { Length: > 0 } display && display != user.Name ? $"{display} ({user.Name})" : user.Name;

    private DateOnly LocalDate(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    private DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>One record and its source, on <paramref name="db"/>; shared with the staff member's own view.</summary>
    internal static async Task<DerelictionDetail?> DetailAsync(HallDbContext db, long id, CancellationToken cancellationToken)
    {
        var row = await Project(db, db.DerelictionRecords.AsNoTracking().Where(d => d.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var record = await db.DerelictionRecords.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d.Version, d.WindowId, d.RoundExceptionId, d.AlertId, d.ReadBy }).SingleAsync(cancellationToken);
        var complaintNumber = row.ComplaintId is { } complaintId
            ? await db.Complaints.AsNoTracking().Where(c => c.Id == complaintId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        var exception = record.RoundExceptionId is { } exceptionId
            ? await db.RoundExceptions.AsNoTracking().Where(e => e.Id == exceptionId)
                .Select(e => new { e.Item, e.Note, e.FoundBy, e.FoundAt }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var alert = record.AlertId is { } alertId
            ? await db.Alerts.AsNoTracking().Where(a => a.Id == alertId)
                .Select(a => new { a.Kind, a.RaisedAt, a.EscalatedAt, a.AcknowledgedAt }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var source = new DerelictionSource(
            row.CaseNumber, complaintNumber,
            exception?.Item, exception?.Note, exception?.FoundBy, exception?.FoundAt,
            alert?.Kind, alert?.RaisedAt, alert?.EscalatedAt, alert?.AcknowledgedAt);
        return new DerelictionDetail(row, record.Version, record.WindowId, record.RoundExceptionId, record.AlertId, record.ReadBy, source);
    }

    internal static IQueryable<DerelictionRow> Project(HallDbContext db, IQueryable<DerelictionRecord> records) =>
        from d in records
        join c in db.Cases on d.CaseId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        join w in db.Windows on d.WindowId equals w.Id into windows
        from w in windows.DefaultIfEmpty()
        select new DerelictionRow(
            d.Id, d.Type, d.Status,
            d.StaffMember == null ? null : d.StaffMember.Name,
            d.StaffMember == null ? null : d.StaffMember.EmployeeNo,
            d.CaseId, c == null ? null : c.Number,
            d.Summary, d.Evidence, d.CreatedAt, d.CreatedBy, d.DecidedAt, d.DecidedBy, d.Decision)
        {
            Origin = d.Origin,
            StaffMemberId = d.StaffMemberId,
            WindowNumber = w == null ? null : (int?)w.Number,
            ComplaintId = d.ComplaintId,
            Severity = d.Severity,
            Sanctions = d.Sanctions,
            DecisionDate = d.DecisionDate,
            DecisionMaker = d.DecisionMaker,
            ReadAt = d.ReadAt,
        };
}
