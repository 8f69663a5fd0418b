using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Accountability;

/// <summary>What a draft from a round exception records, as it stood when drafted.</summary>
public sealed record ExceptionDraftFacts(
    long ExceptionId, string RoundName, string Item, string Note, bool HasPhoto, DateTimeOffset FoundAt, string FoundBy,
    int? WindowNumber, string? FloorName, TimeZoneInfo Zone);

/// <summary>What a draft from an escalated, unacknowledged alert records, as it stood when drafted.</summary>
public sealed record AlertDraftFacts(
    long AlertId, string Kind, string Subject, int? WindowNumber, string? CaseNumber, DateTimeOffset RaisedAt, DateTimeOffset EscalatedAt,
    DateTimeOffset? ResolvedAt, DateTimeOffset DetectedAt, TimeZoneInfo Zone);

/// <summary>The words of the automatic drafts (AC1); the app gives the hall's language from its resources.</summary>
public interface IDerelictionDraftWording
{
    string ExceptionSummary(ExceptionDraftFacts facts);

    string ExceptionEvidence(ExceptionDraftFacts facts);

    string AlertSummary(AlertDraftFacts facts);

    string AlertEvidence(AlertDraftFacts facts);
}

/// <summary>Plain, language-neutral wording (for tools that run without the app's resources).</summary>
public sealed class PlainDerelictionDraftWording : IDerelictionDraftWording
{
    public static PlainDerelictionDraftWording Instance { get; } = new();

    public string ExceptionSummary(ExceptionDraftFacts facts) => $"Round exception {facts.ExceptionId}: {facts.Item}";

    public string ExceptionEvidence(ExceptionDraftFacts facts) => $"{facts.RoundName}\n{facts.Item}\n{facts.Note}\n{facts.FoundBy} {facts.FoundAt:O}";

    public string AlertSummary(AlertDraftFacts facts) => $"Alert {facts.AlertId} ({facts.Kind}) not acknowledged an hour after escalation";

    public string AlertEvidence(AlertDraftFacts facts) => $"{facts.Kind} {facts.Subject}\nraised {facts.RaisedAt:O}\nescalated {facts.EscalatedAt:O}";
}

/// <summary>What one drafting run made.</summary>
public sealed record DraftRunResult(int FromExceptions, int FromAlerts)
{
    public int Total => FromExceptions + FromAlerts;
}

/// <summary>
/// The automatic dereliction drafts (AC1) beyond the cases' own (types 1 and 2, drafted by intake
/// and the deadline scan): one per round exception (a failed item of a shutdown check or evening
/// round, SE2.2, SE4) against the round's responsible staff member, and one per alert that was
/// escalated and still not acknowledged an hour after its escalation, against the person who owed
/// the acknowledgement. Idempotent: each draft has its cause as a unique source key
/// ("exception:{id}", "alert:{id}"), so a second run — or a second instance at the same moment —
/// drafts nothing twice. The office or the manager decides every draft.
/// </summary>
public sealed class DerelictionDrafter(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    IDerelictionDraftWording wording)
{
    public const string Creator = "system:dereliction-draft";

    /// <summary>How far back a run looks for causes: the job runs every 15 minutes, so far more than enough.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(30);

    /// <summary>An escalated alert still unacknowledged this long after its escalation is drafted.</summary>
    public static readonly TimeSpan UnacknowledgedAfterEscalation = TimeSpan.FromHours(1);

    /// <summary>
    /// Alerts not drafted: a round exception's alert (the exception has its own draft; it is the
    /// manager's to acknowledge), a guard's hazard report (the manager's), fire equipment (the
    /// guards'), and the office's own complaint queue — none is a window's work left undone.
    /// </summary>
    public static readonly IReadOnlySet<string> KindsNotDrafted = new HashSet<string>(StringComparer.Ordinal)
    {
        AlertKinds.RoundException, AlertKinds.Hazard, AlertKinds.FireEquipmentDue, AlertKinds.ComplaintDueSoon, AlertKinds.ComplaintOverdue,
        // IT2: an open virus incident is the network administrator's queue, escalated by its own working-day rule.
        AlertKinds.VirusIncidentOpen,
    };

    private const int BatchSize = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string ExceptionSourceKey(long exceptionId) => $"exception:{exceptionId}";

    public static string AlertSourceKey(long alertId) => $"alert:{alertId}";

    /// <summary>
    /// AC2 for a round exception: type 3 (papers lost or damaged) when the item says the applicant's
    /// papers were lost or damaged, otherwise type 9 (other breaches) — the office corrects it if need be.
    /// </summary>
    public static DerelictionType TypeForException(string item, string note)
    {
        var text = item + " " + note;
        var aboutPapers = text.Contains("材料", StringComparison.Ordinal) || text.Contains("证件", StringComparison.Ordinal)
            || text.Contains("档案", StringComparison.Ordinal);
        var lostOrDamaged = text.Contains("丢失", StringComparison.Ordinal) || text.Contains("遗失", StringComparison.Ordinal)
            || text.Contains("损毁", StringComparison.Ordinal) || text.Contains("损坏", StringComparison.Ordinal);
        return aboutPapers && lostOrDamaged ? DerelictionType.PapersLost : DerelictionType.Other;
    }

    /// <summary>AC2 for an alert: a case's alerts are type 2 (a matter not done in its limit), others type 9.</summary>
    public static DerelictionType TypeForAlert(string kind) =>
        kind is AlertKinds.CaseDueSoon or AlertKinds.CaseOverdue ? DerelictionType.Overdue : DerelictionType.Other;

    /// <summary>
    /// Whether an alert calls for a draft at <paramref name="now"/>: escalated, of a kind drafted, and
    /// not acknowledged (nor resolved) within an hour of its escalation — judged on the stored times,
    /// so the answer does not depend on when the job happens to run.
    /// </summary>
    public static bool CallsForDraft(Alert alert, DateTimeOffset now)
    {
        if (alert.EscalatedAt is not { } escalated || KindsNotDrafted.Contains(alert.Kind))
        {
            return false;
        }
        var line = escalated + UnacknowledgedAfterEscalation;
        return now >= line
            && (alert.AcknowledgedAt is null || alert.AcknowledgedAt > line)
            && (alert.ResolvedAt is null || alert.ResolvedAt > line);
    }

    public async Task<DraftRunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var zone = (await calendars.GetAsync()).Zone;
            var fromExceptions = await DraftExceptionsAsync(now, zone, cancellationToken);
            var fromAlerts = await DraftAlertsAsync(now, zone, cancellationToken);
            return new DraftRunResult(fromExceptions, fromAlerts);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> DraftExceptionsAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var since = now - LookBack;
        var drafted = 0;
        long after = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await (
                    from e in db.RoundExceptions.AsNoTracking()
                    where e.Id > after && e.FoundAt >= since && e.FoundAt <= now
                    join r in db.Rounds on e.RoundId equals r.Id
                    orderby e.Id
                    select new
                    {
                        Exception = e,
                        RoundName = r.Template!.Name,
                        r.ResponsibleStaffId,
                        WindowId = e.WindowId ?? r.WindowId,
                        WindowNumber = (int?)db.Windows.Where(w => w.Id == (e.WindowId ?? r.WindowId)).Select(w => w.Number).FirstOrDefault(),
                        FloorName = db.Floors.Where(f => f.Id == (e.FloorId ?? r.FloorId)).Select(f => f.Name).FirstOrDefault(),
                    })
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Exception.Id;
            var keys = batch.Select(b => ExceptionSourceKey(b.Exception.Id)).ToList();
            var existing = await ExistingAsync(db, keys, cancellationToken);
            var todo = batch.Where(b => !existing.Contains(ExceptionSourceKey(b.Exception.Id))).ToList();
            var holders = await AHoldersAsync(db, todo.Where(b => b.ResponsibleStaffId is null).Select(b => b.WindowId), cancellationToken);
            var drafts = todo.Select(b =>
            {
                var e = b.Exception;
                var facts = new ExceptionDraftFacts(e.Id, b.RoundName, e.Item, e.Note, e.Photo is not null, e.FoundAt, e.FoundBy, b.WindowNumber, b.FloorName, zone);
                return new DerelictionRecord
                {
                    Type = TypeForException(e.Item, e.Note),
                    Origin = DerelictionOrigin.RoundException,
                    Status = DerelictionStatus.Draft,
                    StaffMemberId = b.ResponsibleStaffId ?? (b.WindowId is { } w ? holders.GetValueOrDefault(w) : null),
                    WindowId = b.WindowId,
                    RoundExceptionId = e.Id,
                    SourceKey = ExceptionSourceKey(e.Id),
                    Summary = Clip(wording.ExceptionSummary(facts), DerelictionRules.MaxSummary),
                    Evidence = Clip(wording.ExceptionEvidence(facts), DerelictionRules.MaxEvidence),
                    CreatedAt = now,
                    CreatedBy = Creator,
                };
            }).ToList();
            drafted += await SaveDraftsAsync(db, drafts, cancellationToken);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }
        return drafted;
    }

    private async Task<int> DraftAlertsAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var since = now - LookBack;
        var line = now - UnacknowledgedAfterEscalation;
        var skipped = KindsNotDrafted.ToList();
        var drafted = 0;
        long after = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var batch = await db.Alerts.AsNoTracking()
                .Where(a => a.Id > after && a.EscalatedAt != null && a.EscalatedAt >= since && a.EscalatedAt <= line && !skipped.Contains(a.Kind))
                .OrderBy(a => a.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            after = batch[^1].Id;
            var due = batch.Where(a => CallsForDraft(a, now)).ToList();
            var existing = await ExistingAsync(db, due.Select(a => AlertSourceKey(a.Id)).ToList(), cancellationToken);
            var todo = due.Where(a => !existing.Contains(AlertSourceKey(a.Id))).ToList();
            var drafts = new List<DerelictionRecord>();
            foreach (var alert in todo)
            {
                var (staffId, windowId, caseId, caseNumber) = await ConcernedAsync(db, alert, cancellationToken);
                var windowNumber = windowId is { } w ? await db.Windows.Where(x => x.Id == w).Select(x => (int?)x.Number).FirstOrDefaultAsync(cancellationToken) : null;
                var facts = new AlertDraftFacts(alert.Id, alert.Kind, alert.Subject, windowNumber, caseNumber, alert.RaisedAt, alert.EscalatedAt!.Value,
                    alert.ResolvedAt, now, zone);
                drafts.Add(new DerelictionRecord
                {
                    Type = TypeForAlert(alert.Kind),
                    Origin = DerelictionOrigin.UnacknowledgedAlert,
                    Status = DerelictionStatus.Draft,
                    StaffMemberId = staffId,
                    WindowId = windowId,
                    CaseId = caseId,
                    AlertId = alert.Id,
                    SourceKey = AlertSourceKey(alert.Id),
                    Summary = Clip(wording.AlertSummary(facts), DerelictionRules.MaxSummary),
                    Evidence = Clip(wording.AlertEvidence(facts), DerelictionRules.MaxEvidence),
                    CreatedAt = now,
                    CreatedBy = Creator,
                });
            }
            drafted += await SaveDraftsAsync(db, drafts, cancellationToken);
            if (batch.Count < BatchSize)
            {
                break;
            }
        }
        return drafted;
    }

    /// <summary>
    /// Who owed the acknowledgement: a case's handler; a round's responsible staff member; a post's
    /// A holder; else the A holder of the alert's window.
    /// </summary>
    private static async Task<(int? StaffId, int? WindowId, long? CaseId, string? CaseNumber)> ConcernedAsync(
        HallDbContext db, Alert alert, CancellationToken cancellationToken)
    {
        var windowId = alert.WindowId;
        if (TryId(alert.Subject, HallSubjects.CasePrefix, out var caseId))
        {
            var c = await db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                .Select(x => new { x.HandlerStaffId, x.WindowId, x.Number }).FirstOrDefaultAsync(cancellationToken);
            if (c is not null)
            {
                return (c.HandlerStaffId, windowId ?? c.WindowId, caseId, c.Number);
            }
        }
        if (TryId(alert.Subject, HallSubjects.RoundPrefix, out var roundId))
        {
            var r = await db.Rounds.AsNoTracking().Where(x => x.Id == roundId)
                .Select(x => new { x.ResponsibleStaffId, x.WindowId }).FirstOrDefaultAsync(cancellationToken);
            windowId ??= r?.WindowId;
            if (r?.ResponsibleStaffId is { } responsible)
            {
                return (responsible, windowId, null, null);
            }
        }
        if (TryId(alert.Subject, HallSubjects.PostPrefix, out var postId))
        {
            var post = await db.Posts.AsNoTracking().Where(p => p.Id == postId)
                .Select(p => new { p.WindowId, A = p.Holders.Where(h => h.Role == PostRole.A).Select(h => (int?)h.StaffMemberId).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (post is not null)
            {
                return (post.A, windowId ?? post.WindowId, null, null);
            }
        }
        if (windowId is { } w)
        {
            var holders = await AHoldersAsync(db, [w], cancellationToken);
            return (holders.GetValueOrDefault(w), w, null, null);
        }
        return (null, null, null, null);
    }

    /// <summary>The A holder of each window's first post.</summary>
    private static async Task<Dictionary<int, int?>> AHoldersAsync(HallDbContext db, IEnumerable<int?> windowIds, CancellationToken cancellationToken)
    {
        var ids = windowIds.OfType<int>().Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.PostHolders.AsNoTracking()
            .Where(h => h.Role == PostRole.A && ids.Contains(h.Post!.WindowId))
            .OrderBy(h => h.PostId)
            .Select(h => new { h.Post!.WindowId, h.StaffMemberId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.WindowId).ToDictionary(g => g.Key, g => (int?)g.First().StaffMemberId);
    }

    private static async Task<HashSet<string>> ExistingAsync(HallDbContext db, List<string> keys, CancellationToken cancellationToken) =>
        keys.Count == 0 ? [] : (await db.DerelictionRecords.Where(d => keys.Contains(d.SourceKey)).Select(d => d.SourceKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Saves the drafts together; when the unique source key refuses the lot (another instance drafted
    /// one meanwhile), each on its own, skipping those already there — as the deadline scan does.
    /// </summary>
    private async Task<int> SaveDraftsAsync(HallDbContext db, List<DerelictionRecord> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return 0;
        }
        db.DerelictionRecords.AddRange(drafts);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return drafts.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
        var saved = 0;
        foreach (var draft in drafts)
        {
            await using var single = await contexts.CreateDbContextAsync(cancellationToken);
            if (await single.DerelictionRecords.AnyAsync(d => d.SourceKey == draft.SourceKey, cancellationToken))
            {
                continue;
            }
            draft.Id = 0;
            single.DerelictionRecords.Add(draft);
            try
            {
                await single.SaveChangesAsync(cancellationToken);
                saved++;
            }
            catch (DbUpdateException)
            {
                // Drafted by another instance between the read and the save: one per cause is what the index keeps.
            }
        }
        return saved;
    }

    private static bool TryId(string subject, string prefix, out long id)
    {
        id = 0;
        return subject.StartsWith(prefix, StringComparison.Ordinal) && long.TryParse(subject.AsSpan(prefix.Length), out id);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
