using System.Data.Common;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Cases;

/// <summary>One problem of one incoming case: its line (1 = the header line of a file; 0 for the API), its field and the message.</summary>
public sealed record CaseLineError(int Line, CaseField Field, string Message);

/// <summary>A case of the approval system as the hall holds it.</summary>
public sealed record StoredExternalCase(
    long Id, string Number, string ExternalNumber, CaseState State, DateTimeOffset? DueAt, CaseLight Light, bool Created);

/// <summary>An incoming case that passed every check, with the ids it refers to.</summary>
public sealed record ResolvedExternalCase(int Line, ExternalCase Case, int MatterId, int MatterVersionId, int? WindowId, int? HandlerStaffId);

/// <summary>What a store did: every case of the batch (new or already there), or nothing.</summary>
public sealed record ExternalCaseStore(IReadOnlyList<StoredExternalCase> Cases)
{
    public int Created => Cases.Count(c => c.Created);

    public int AlreadyPresent => Cases.Count(c => !c.Created);
}

/// <summary>
/// Cases handed over by the approval system, through an import file or the API (TL0, TL3): checked
/// against the rule (<see cref="ExternalCaseRules"/>) and the hall's matters, windows and staff; stored
/// all together or not at all; found again by their external number, so a retried import or call
/// creates nothing twice (the unique index settles two at once). Each new case gets its case number
/// (<see cref="DocumentNumbers"/>), the matter's current version, and its clock
/// (<see cref="CaseWorkflow.Recompute"/>). Callers check who may do it (Manage for an import, the API key for the API).
/// </summary>
public sealed class ExternalCaseService(
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    CaseTexts texts)
{
    /// <summary>Checks rows (line, text); returns the resolved cases, or every problem of every row.</summary>
    public async Task<(IReadOnlyList<ResolvedExternalCase> Cases, IReadOnlyList<CaseLineError> Errors)> CheckAsync(
        IReadOnlyList<(int Line, ExternalCaseText Text)> rows, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var words = texts.Vocabulary();
        var now = time.GetUtcNow();
        var errors = new List<CaseLineError>();
        var valid = new List<(int Line, ExternalCase Case)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, text) in rows)
        {
            var (value, problems) = ExternalCaseRules.Check(text, words, calendar.Zone, now);
            errors.AddRange(problems.Select(p => new CaseLineError(line, p.Field, texts.Problem(p))));
            if (value is null)
            {
                continue;
            }
            if (seen.TryGetValue(value.ExternalNumber, out var first))
            {
                errors.Add(new CaseLineError(line, CaseField.ExternalNumber,
                    texts.Problem(new CaseInputError(CaseField.ExternalNumber, CaseInputProblem.RepeatedInFile, first.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
                continue;
            }
            seen[value.ExternalNumber] = line;
            valid.Add((line, value));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = valid.Select(v => v.Case.MatterCode).Distinct().ToList();
        var matters = (await db.Matters.AsNoTracking()
                .Where(m => codes.Contains(m.Code))
                .Select(m => new { m.Id, m.Code, m.CurrentVersionId, m.WindowId })
                .ToListAsync(cancellationToken))
            .ToDictionary(m => m.Code, StringComparer.Ordinal);
        var numbers = valid.Where(v => v.Case.WindowNumber is not null).Select(v => v.Case.WindowNumber!.Value).Distinct().ToList();
        var windows = await db.Windows.AsNoTracking().Where(w => numbers.Contains(w.Number)).ToDictionaryAsync(w => w.Number, w => w.Id, cancellationToken);
        var staffNos = valid.Where(v => v.Case.HandlerNo is not null).Select(v => v.Case.HandlerNo!).Distinct().ToList();
        var staff = (await db.StaffMembers.AsNoTracking().Where(s => staffNos.Contains(s.EmployeeNo)).Select(s => new { s.Id, s.EmployeeNo }).ToListAsync(cancellationToken))
            .ToDictionary(s => s.EmployeeNo, s => s.Id, StringComparer.OrdinalIgnoreCase);

        var resolved = new List<ResolvedExternalCase>();
        foreach (var (line, value) in valid)
        {
            var rowErrors = new List<CaseInputError>();
            matters.TryGetValue(value.MatterCode, out var matter);
            if (matter is null)
            {
                rowErrors.Add(new CaseInputError(CaseField.MatterCode, CaseInputProblem.UnknownMatter, value.MatterCode));
            }
            else if (matter.CurrentVersionId is null)
            {
                rowErrors.Add(new CaseInputError(CaseField.MatterCode, CaseInputProblem.MatterWithoutVersion, value.MatterCode));
            }
            int? windowId = matter?.WindowId;
            if (value.WindowNumber is { } number)
            {
                if (windows.TryGetValue(number, out var id))
                {
                    windowId = id;
                }
                else
                {
                    rowErrors.Add(new CaseInputError(CaseField.WindowNumber, CaseInputProblem.UnknownWindow, number.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
            int? handlerId = null;
            if (value.HandlerNo is { } no)
            {
                if (staff.TryGetValue(no, out var id))
                {
                    handlerId = id;
                }
                else
                {
                    rowErrors.Add(new CaseInputError(CaseField.HandlerNo, CaseInputProblem.UnknownHandler, no));
                }
            }
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(p => new CaseLineError(line, p.Field, texts.Problem(p))));
                continue;
            }
            resolved.Add(new ResolvedExternalCase(line, value, matter!.Id, matter.CurrentVersionId!.Value, windowId, handlerId));
        }
        return errors.Count > 0
            ? ([], errors.OrderBy(e => e.Line).ThenBy(e => e.Field).ToList())
            : (resolved, []);
    }

    /// <summary>
    /// Stores checked cases in one transaction: those whose external number is already held are
    /// left as they are and reported as present; the others are created. A concurrent store of the
    /// same external number loses on the unique index and is then found as present.
    /// </summary>
    public async Task<ExternalCaseStore> StoreAsync(
        IReadOnlyList<ResolvedExternalCase> cases, CaseSource source, string by, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var present = await FindAsync(cases.Select(c => c.Case.ExternalNumber).ToList(), cancellationToken);
            var fresh = cases.Where(c => !present.ContainsKey(c.Case.ExternalNumber)).ToList();
            if (fresh.Count == 0)
            {
                return new ExternalCaseStore(cases.Select(c => present[c.Case.ExternalNumber]).ToList());
            }
            try
            {
                var created = await CreateAsync(fresh, source, by, cancellationToken);
                return new ExternalCaseStore(cases
                    .Select(c => created.TryGetValue(c.Case.ExternalNumber, out var made) ? made : present[c.Case.ExternalNumber])
                    .ToList());
            }
            catch (Exception e) when (attempt < 3 && e is DbUpdateException or DbException)
            {
                // Another store took one of these external numbers meanwhile: look again.
            }
        }
    }

    /// <summary>The cases held for these external numbers, by external number.</summary>
    public async Task<Dictionary<string, StoredExternalCase>> FindAsync(IReadOnlyList<string> externalNumbers, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, StoredExternalCase>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in externalNumbers.Distinct().Chunk(500))
        {
            var rows = await db.Cases.AsNoTracking()
                .Where(c => c.ExternalNumber != null && chunk.Contains(c.ExternalNumber))
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                found[row.ExternalNumber!] = new StoredExternalCase(row.Id, row.Number, row.ExternalNumber!, row.State, row.DueAt, CaseWorkflow.LightNow(row, now), Created: false);
            }
        }
        return found;
    }

    private async Task<Dictionary<string, StoredExternalCase>> CreateAsync(
        IReadOnlyList<ResolvedExternalCase> fresh, CaseSource source, string by, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var year = calendar.LocalDate(now).Year;
        // Numbers are taken before the write transaction (each in its own): a number taken by a
        // store that then fails is skipped, never repeated.
        var numbers = new List<string>(fresh.Count);
        foreach (var _ in fresh)
        {
            numbers.Add(await DocumentNumbers.NextCaseNumberAsync(contexts, year, cancellationToken));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versionIds = fresh.Select(c => c.MatterVersionId).Distinct().ToList();
        var versions = await db.MatterVersions.AsNoTracking().Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var rows = new List<ServiceCase>(fresh.Count);
        foreach (var (item, number) in fresh.Zip(numbers))
        {
            var value = item.Case;
            var serviceCase = new ServiceCase
            {
                Number = number,
                ExternalNumber = value.ExternalNumber,
                Source = source,
                MatterId = item.MatterId,
                MatterVersionId = item.MatterVersionId,
                WindowId = item.WindowId,
                HandlerStaffId = item.HandlerStaffId,
                ApplicantKind = value.ApplicantKind,
                ApplicantName = value.ApplicantName,
                ApplicantIdNumber = value.ApplicantIdNumber,
                ApplicantPhone = value.ApplicantPhone,
                State = value.State,
                ReceivedAt = value.ReceivedAt,
                AcceptedAt = value.AcceptedAt,
                ClosedAt = value.ClosedAt,
                ClosedBy = value.ClosedAt is null ? null : by,
                CreatedAt = now,
                CreatedBy = by,
            };
            var clock = CaseWorkflow.Recompute(serviceCase, versions[item.MatterVersionId], calendar, now);
            if (!serviceCase.IsOpen && clock is not null)
            {
                // A case closed before it reached the hall keeps the due time its clock gave, for the on-time rate.
                serviceCase.DueAt = clock.DueAt;
                serviceCase.DueSoonAt = clock.DueSoonAt;
                if (serviceCase.State == CaseState.Completed && clock.DueAt is { } due)
                {
                    serviceCase.CompletedOnTime = value.ClosedAt <= due;
                }
            }
            rows.Add(serviceCase);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.ToDictionary(
            r => r.ExternalNumber!,
            r => new StoredExternalCase(r.Id, r.Number, r.ExternalNumber!, r.State, r.DueAt, CaseWorkflow.LightNow(r, now), Created: true),
            StringComparer.Ordinal);
    }
}
