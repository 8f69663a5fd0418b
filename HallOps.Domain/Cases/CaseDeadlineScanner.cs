using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Cases;

/// <summary>The deadline settings: a case turns yellow within this many working days of its due time (TL5).</summary>
public sealed record CaseDeadlineSettings(int DueSoonDays = CaseClock.DefaultDueSoonDays);

/// <summary>What one scan did: cases read through the index, lights changed, drafts made.</summary>
public sealed record DeadlineScanResult(int Examined, int Changed, int Drafted)
{
    public static DeadlineScanResult None { get; } = new(0, 0, 0);

    public DeadlineScanResult Add(DeadlineScanResult other) =>
        new(Examined + other.Examined, Changed + other.Changed, Drafted + other.Drafted);
}

/// <summary>
/// The deadline scan (TL5, AC2 type 2): turns cases yellow (due soon) and red (overdue). It reads
/// only the cases whose stored <see cref="ServiceCase.NextLightAt"/> has come (an index), never every
/// open case, so its cost grows with the cases that change, not with the cases open. On a change
/// it sets the light, raises one alert per (kind, case) — due soon on yellow, overdue on red —
/// resolves the yellow alert on red and both when the light goes out (closed, paused, extended),
/// drafts one dereliction record on red, and stores when to look next.
/// Idempotent: a rerun, or a second instance at the same moment, raises and drafts nothing twice
/// (unique indexes on open alerts and on the draft's source key; the case's version token).
/// </summary>
public sealed class CaseDeadlineScanner(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    CaseDeadlineSettings settings,
    IOverdueWording wording)
{
    /// <summary>Cases read and saved at a time.</summary>
    public const int BatchSize = 500;

    /// <summary>Who the scan's drafts are created by.</summary>
    public const string Creator = "system:case-deadline-scan";

    private const int Attempts = 5;
    private static readonly string[] Kinds = [AlertKinds.CaseDueSoon, AlertKinds.CaseOverdue];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public int DueSoonDays => settings.DueSoonDays;

    /// <summary>The source key of a case's overdue draft: one per case, ever.</summary>
    public static string OverdueSourceKey(long caseId) => $"case:{caseId}:overdue";

    /// <summary>Every case whose light is due to change by now (the minute job).</summary>
    public async Task<DeadlineScanResult> ScanAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await ScanOnceAsync(time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One case at once, after a change to it (completed, paused, extended …): its light and alerts follow.</summary>
    public async Task<DeadlineScanResult> RefreshAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await RefreshOneAsync(caseId, time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Recomputes the clock of every open case on the calendar as stored now (a holiday added or an
    /// adjusted working day changed), then scans: calendar edits apply to open cases.
    /// </summary>
    public async Task<DeadlineScanResult> RecomputeOpenAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.RefreshAsync();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            long after = 0;
            while (true)
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                var batch = await OpenCases(db)
                    .Where(c => c.Id > after)
                    .OrderBy(c => c.Id)
                    .Take(BatchSize)
                    .Include(c => c.MatterVersion).Include(c => c.Pauses).Include(c => c.Extensions)
                    .AsSplitQuery()
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }
                after = batch[^1].Id;
                foreach (var serviceCase in batch)
                {
                    Recompute(serviceCase, calendar, now);
                }
                if (!await TrySaveAsync(db, cancellationToken))
                {
                    // A case changed meanwhile (intake, the scan on another instance): each on its own.
                    foreach (var serviceCase in batch)
                    {
                        await RecomputeOneAsync(serviceCase.Id, calendar, now, cancellationToken);
                    }
                }
                if (batch.Count < BatchSize)
                {
                    break;
                }
            }
            return await ScanOnceAsync(now, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DeadlineScanResult> ScanOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = DeadlineScanResult.None;
        DateTimeOffset? afterAt = null;
        long afterId = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var due = db.Cases.Where(c => c.NextLightAt != null && c.NextLightAt <= now);
            if (afterAt is { } at)
            {
                // Keyset paging along the index: a case that could not be saved is not read again.
                due = due.Where(c => c.NextLightAt >= at && (c.NextLightAt > at || c.Id > afterId));
            }
            var batch = await due.OrderBy(c => c.NextLightAt).ThenBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            afterAt = batch[^1].NextLightAt;
            afterId = batch[^1].Id;
            var applied = await ApplyAsync(db, batch, now, cancellationToken);
            if (await TrySaveAsync(db, cancellationToken))
            {
                total = total.Add(applied with { Examined = batch.Count });
            }
            else
            {
                // Another instance, an acknowledgement or a case change got there first: each case on its own.
                total = total with { Examined = total.Examined + batch.Count };
                foreach (var serviceCase in batch)
                {
                    total = total.Add((await RefreshOneAsync(serviceCase.Id, now, cancellationToken)) with { Examined = 0 });
                }
            }
            if (batch.Count < BatchSize)
            {
                break;
            }
        }
        return total;
    }

    /// <summary>Applies the light of one case on a fresh context, reading again after a conflict.</summary>
    private async Task<DeadlineScanResult> RefreshOneAsync(long caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var serviceCase = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (serviceCase is null)
            {
                return DeadlineScanResult.None;
            }
            var applied = await ApplyAsync(db, [serviceCase], now, cancellationToken);
            if (await TrySaveAsync(db, cancellationToken))
            {
                return applied with { Examined = 1 };
            }
            if (attempt == Attempts)
            {
                return new DeadlineScanResult(1, 0, 0); // the next scan tries again
            }
        }
    }

    private async Task RecomputeOneAsync(long caseId, WorkingCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var serviceCase = await db.Cases
                .Include(c => c.MatterVersion).Include(c => c.Pauses).Include(c => c.Extensions)
                .AsSplitQuery()
                .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            if (serviceCase is null || !serviceCase.IsOpen)
            {
                return;
            }
            Recompute(serviceCase, calendar, now);
            if (await TrySaveAsync(db, cancellationToken))
            {
                return;
            }
        }
    }

    private void Recompute(ServiceCase serviceCase, WorkingCalendar calendar, DateTimeOffset now)
    {
        var before = (serviceCase.DueAt, serviceCase.DueSoonAt, serviceCase.NextLightAt);
        CaseWorkflow.Recompute(serviceCase, serviceCase.MatterVersion!, calendar, now, settings.DueSoonDays);
        if (before != (serviceCase.DueAt, serviceCase.DueSoonAt, serviceCase.NextLightAt))
        {
            serviceCase.Version++;
        }
    }

    /// <summary>
    /// Brings the cases' lights, alerts and drafts in line with the time on <paramref name="db"/>
    /// (not saved). Reads the open alerts and existing drafts of the batch in two queries.
    /// </summary>
    private async Task<DeadlineScanResult> ApplyAsync(HallDbContext db, IReadOnlyList<ServiceCase> cases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subjects = cases.Select(c => HallSubjects.Case(c.Id)).ToList();
        var open = (await db.Alerts
                .Where(a => a.IsOpen && Kinds.Contains(a.Kind) && subjects.Contains(a.Subject))
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.Subject);
        var redKeys = cases.Where(c => Overdue(c, now)).Select(c => OverdueSourceKey(c.Id)).ToList();
        var drafted = redKeys.Count == 0 ? [] : (await db.DerelictionRecords
                .Where(d => redKeys.Contains(d.SourceKey))
                .Select(d => d.SourceKey)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var changed = 0;
        foreach (var serviceCase in cases)
        {
            var light = CaseWorkflow.LightNow(serviceCase, now);
            var next = serviceCase.IsOpen ? CaseClock.NextLightChange(now, serviceCase.DueSoonAt, serviceCase.DueAt) : null;
            if (light != serviceCase.Light || next != serviceCase.NextLightAt)
            {
                if (light != serviceCase.Light)
                {
                    changed++;
                }
                serviceCase.Light = light;
                serviceCase.NextLightAt = next;
                serviceCase.Version++;
            }

            var subject = HallSubjects.Case(serviceCase.Id);
            var wanted = AlertKindFor(light);
            foreach (var alert in open[subject].Where(a => a.Kind != wanted))
            {
                AlertRules.Resolve(alert, now);
            }
            if (wanted is not null && !open[subject].Any(a => a.Kind == wanted))
            {
                db.Alerts.Add(new Alert
                {
                    Kind = wanted,
                    Subject = subject,
                    Severity = light == CaseLight.Red ? AlertSeverity.Critical : AlertSeverity.Warning,
                    WindowId = serviceCase.WindowId,
                    RaisedAt = now,
                });
            }
        }
        var toDraft = cases.Where(c => Overdue(c, now) && !drafted.Contains(OverdueSourceKey(c.Id))).ToList();
        if (toDraft.Count > 0)
        {
            db.DerelictionRecords.AddRange(await DraftsAsync(db, toDraft, now, cancellationToken));
        }
        return new DeadlineScanResult(cases.Count, changed, toDraft.Count);
    }

    /// <summary>TL5: the one alert a light keeps open — due soon on yellow, overdue on red, none when out.</summary>
    public static string? AlertKindFor(CaseLight light) => light switch
    {
        CaseLight.Yellow => AlertKinds.CaseDueSoon,
        CaseLight.Red => AlertKinds.CaseOverdue,
        _ => null,
    };

    /// <summary>
    /// AC2 type 2: red now, or completed after its due time before any scan saw it red (a late
    /// completion is as overdue as one the wall showed).
    /// </summary>
    public static bool Overdue(ServiceCase serviceCase, DateTimeOffset now) =>
        CaseWorkflow.LightNow(serviceCase, now) == CaseLight.Red
        || serviceCase is { State: CaseState.Completed, CompletedOnTime: false, DueAt: not null };

    /// <summary>AC2 type 2: the overdue drafts, with each case and its clock explanation as evidence (a few queries for the lot).</summary>
    private async Task<List<DerelictionRecord>> DraftsAsync(HallDbContext db, List<ServiceCase> cases, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = cases.Select(c => c.Id).ToList();
        var versionIds = cases.Select(c => c.MatterVersionId).Distinct().ToList();
        var details = await db.Cases.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new
            {
                c.Id,
                MatterCode = c.Matter!.Code,
                MatterName = c.Matter.Name,
                WindowNumber = (int?)c.Window!.Number,
                HandlerName = c.Handler!.Name,
            })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var versions = await db.MatterVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var pauses = (await db.CasePauses.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync(cancellationToken)).ToLookup(p => p.CaseId);
        var extensions = (await db.CaseExtensions.AsNoTracking().Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
        var calendar = await calendars.GetAsync();
        return cases.Select(serviceCase =>
        {
            var detail = details[serviceCase.Id];
            var version = versions[serviceCase.MatterVersionId];
            // The clock's facts on a detached copy: the tracked case stays as the scan changed it.
            var facts = new ServiceCase
            {
                Id = serviceCase.Id, Number = serviceCase.Number, ApplicantName = serviceCase.ApplicantName, CreatedBy = serviceCase.CreatedBy,
                State = CaseState.Accepted, AcceptedAt = serviceCase.AcceptedAt,
                Pauses = pauses[serviceCase.Id].ToList(), Extensions = extensions[serviceCase.Id].ToList(),
            };
            var overdue = new OverdueFacts(
                serviceCase.Number,
                detail.MatterCode,
                detail.MatterName,
                detail.WindowNumber,
                detail.HandlerName,
                Masking.Name(serviceCase.ApplicantName, serviceCase.ApplicantKind),
                serviceCase.AcceptedAt,
                serviceCase.DueAt ?? now,
                now,
                version.CommittedDays,
                CaseWorkflow.Clock(facts, version, calendar, settings.DueSoonDays),
                calendar);
            return new DerelictionRecord
            {
                Type = DerelictionType.Overdue,
                Origin = DerelictionOrigin.OverdueCase,
                Status = DerelictionStatus.Draft,
                StaffMemberId = serviceCase.HandlerStaffId,
                CaseId = serviceCase.Id,
                SourceKey = OverdueSourceKey(serviceCase.Id),
                Summary = Clip(wording.Summary(overdue), 500),
                Evidence = Clip(wording.Evidence(overdue), 16000),
                CreatedAt = now,
                CreatedBy = Creator,
            };
        }).ToList();
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static IQueryable<ServiceCase> OpenCases(HallDbContext db) =>
        db.Cases.Where(c => c.State == CaseState.Received || c.State == CaseState.AwaitingSupplement
            || c.State == CaseState.Accepted || c.State == CaseState.AcceptedWithDeficiencies);

    private static async Task<bool> TrySaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A unique index (open alert, draft) or a case's version refused it: someone else was first.
            return false;
        }
    }
}
