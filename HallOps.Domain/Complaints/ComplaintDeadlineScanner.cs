using HallOps.Domain.Alerts;
using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Complaints;

/// <summary>What one complaint scan did: alerts raised and resolved.</summary>
public sealed record ComplaintScanResult(int Raised, int Resolved)
{
    public static ComplaintScanResult None { get; } = new(0, 0);
}

/// <summary>
/// The complaint queue's deadline scan (SC2.6, AC5): an open complaint past its due-soon time keeps
/// one open 即将超期 alert (warning), past its due time one 超期 alert (critical, the due-soon one
/// resolved), each about <see cref="HallSubjects.Complaint"/> with no window (the office's); a closed
/// complaint's alerts are resolved. Idempotent: it reads the open alerts before it acts, and the
/// unique index on open alerts refuses a second one from a concurrent run (which then reads again).
/// The office keeps few open complaints, so each run reads the open ones past their due-soon time
/// and the open complaint alerts — no per-row next-change column is needed.
/// </summary>
public sealed class ComplaintDeadlineScanner(IDbContextFactory<HallDbContext> contexts, TimeProvider time)
{
    private const int Attempts = 5;
    private static readonly string[] Kinds = [AlertKinds.ComplaintDueSoon, AlertKinds.ComplaintOverdue];

    /// <summary>The one alert a complaint's light keeps open: due soon on yellow, overdue on red, none otherwise.</summary>
    public static string? AlertKindFor(CaseLight light) => light switch
    {
        CaseLight.Yellow => AlertKinds.ComplaintDueSoon,
        CaseLight.Red => AlertKinds.ComplaintOverdue,
        _ => null,
    };

    /// <summary>Brings every complaint alert in line with the clock now.</summary>
    public async Task<ComplaintScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var open = await db.Alerts.Where(a => a.IsOpen && Kinds.Contains(a.Kind)).ToListAsync(cancellationToken);
            var alerted = open.Select(a => ComplaintId(a.Subject)).OfType<long>().Distinct().ToList();
            var complaints = await db.Complaints.AsNoTracking()
                .Where(c => (c.Status == ComplaintStatus.Open && c.DueSoonAt <= now) || alerted.Contains(c.Id))
                .Select(c => new ComplaintClock(c.Id, c.Status, c.DueSoonAt, c.DueAt))
                .ToListAsync(cancellationToken);
            var result = Apply(db, complaints, open, now);
            if (result == ComplaintScanResult.None)
            {
                return result;
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Another run raised or resolved the same alert first: read again.
            }
        }
    }

    /// <summary>The open alerts of one complaint resolved at once (it closed), on the caller's context; not saved.</summary>
    public static async Task ResolveAsync(HallDbContext db, long complaintId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var subject = HallSubjects.Complaint(complaintId);
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && Kinds.Contains(a.Kind) && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
    }

    private static ComplaintScanResult Apply(HallDbContext db, IReadOnlyList<ComplaintClock> complaints, List<Alert> open, DateTimeOffset now)
    {
        var raised = 0;
        var resolved = 0;
        var bySubject = open.ToLookup(a => a.Subject);
        var known = complaints.ToDictionary(c => HallSubjects.Complaint(c.Id));
        foreach (var alert in open.Where(a => !known.ContainsKey(a.Subject)))
        {
            // The complaint is gone: nothing to alert about.
            AlertRules.Resolve(alert, now);
            resolved++;
        }
        foreach (var (subject, complaint) in known)
        {
            var light = ComplaintRules.LightAt(now, complaint.Status, complaint.DueSoonAt, complaint.DueAt);
            var wanted = AlertKindFor(light);
            foreach (var alert in bySubject[subject].Where(a => a.Kind != wanted))
            {
                AlertRules.Resolve(alert, now);
                resolved++;
            }
            if (wanted is not null && !bySubject[subject].Any(a => a.Kind == wanted))
            {
                db.Alerts.Add(new Alert
                {
                    Kind = wanted,
                    Subject = subject,
                    Severity = light == CaseLight.Red ? AlertSeverity.Critical : AlertSeverity.Warning,
                    // No window: the due time is the office's to keep, not the window's. A window's alert
                    // would land on the very staff complained about, for them to acknowledge.
                    WindowId = null,
                    RaisedAt = now,
                });
                raised++;
            }
        }
        return raised == 0 && resolved == 0 ? ComplaintScanResult.None : new ComplaintScanResult(raised, resolved);
    }

    private static long? ComplaintId(string subject) =>
        subject.StartsWith(HallSubjects.ComplaintPrefix, StringComparison.Ordinal)
        && long.TryParse(subject.AsSpan(HallSubjects.ComplaintPrefix.Length), System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private sealed record ComplaintClock(long Id, ComplaintStatus Status, DateTimeOffset DueSoonAt, DateTimeOffset DueAt);
}
