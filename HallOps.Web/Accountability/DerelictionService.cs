using System.Data;
using System.Data.Common;
using HallOps.Domain.Accountability;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Accountability;

/// <summary>One dereliction record as the list shows it.</summary>
public sealed record DerelictionRow(
    long Id, DerelictionType Type, DerelictionStatus Status, string? StaffName, string? StaffNo, long? CaseId, string? CaseNumber,
    string Summary, string Evidence, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DecidedAt, string? DecidedBy, string? Decision);

/// <summary>
/// 失职记录 (AC1, AC2): the records drafted from the cases (type 1 from a one-time-notice breach,
/// OT2; type 2 from an overdue case, TL5) and those entered by hand later; drafts first. The manager
/// or the bureau office confirms or dismisses a draft with a note; who and when are recorded, and a
/// decided record is not decided again. Accountability policy (Manager, Office, Admin), re-checked
/// on every read and decision. The full workflow (severity AC3, sanctions AC4) comes later.
/// </summary>
public sealed class DerelictionService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 1000;

    /// <summary>The records, drafts first (oldest draft first: it has waited longest), then decided ones newest first.</summary>
    public async Task<IReadOnlyList<DerelictionRow>> ListAsync(DerelictionStatus? status = null, int take = 500, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DerelictionRecords.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }
        var drafts = status is null or DerelictionStatus.Draft
            ? await Project(db, query.Where(d => d.Status == DerelictionStatus.Draft).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Take(take))
                .ToListAsync(cancellationToken)
            : [];
        var decided = status is DerelictionStatus.Draft
            ? []
            : await Project(db, query.Where(d => d.Status != DerelictionStatus.Draft).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).Take(take))
                .ToListAsync(cancellationToken);
        return [.. drafts, .. decided];
    }

    public string TypeName(DerelictionType type) => L[$"Dereliction.Type.{type}"];

    public string StatusName(DerelictionStatus status) => L[$"Dereliction.Status.{status}"];

    public Task<SaveResult> ConfirmAsync(long id, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(id, DerelictionStatus.Confirmed, note, cancellationToken);

    public Task<SaveResult> DismissAsync(long id, string? note, CancellationToken cancellationToken = default) =>
        DecideAsync(id, DerelictionStatus.Dismissed, note, cancellationToken);

    private async Task<SaveResult> DecideAsync(long id, DerelictionStatus decision, string? note, CancellationToken cancellationToken)
    {
        await authorizer.EnsureAsync(HallPolicies.Accountability);
        var user = await currentUser.GetAsync();
        var text = note?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new SaveResult([L["Dereliction.NoteRequired"]]);
        }
        if (text.Length > MaxNote)
        {
            return new SaveResult([L["Dereliction.NoteTooLong", MaxNote]]);
        }
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
            record.Status = decision;
            record.Decision = text;
            record.DecidedBy = user.DisplayName is { Length: > 0 } display && display != user.Name ? $"{display} ({user.Name})" : user.Name;
            record.DecidedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["Dereliction.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    private static IQueryable<DerelictionRow> Project(HallDbContext db, IQueryable<DerelictionRecord> records) =>
        from d in records
        join c in db.Cases on d.CaseId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        select new DerelictionRow(
            d.Id, d.Type, d.Status,
            d.StaffMember == null ? null : d.StaffMember.Name,
            d.StaffMember == null ? null : d.StaffMember.EmployeeNo,
            d.CaseId, c == null ? null : c.Number,
            d.Summary, d.Evidence, d.CreatedAt, d.CreatedBy, d.DecidedAt, d.DecidedBy, d.Decision);
}
