using System.Data.Common;
using HallOps.Domain.Accountability;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Accountability;

/// <summary>
/// 我的失职记录 (AC1–AC4), the staff member's side: the signed-in person's OWN confirmed records —
/// type, severity, sanctions, the decision — and 已阅确认 (acknowledging having read one; a second
/// acknowledgement changes nothing). Only confirmed records are shown to the person: a draft is an
/// unverified accusation still before the office, and a dismissed one carries no sanction. Nobody
/// sees another person's record here, managers included (they use the office's list): every read
/// takes the record's id and re-checks, on the server, that it is the caller's own by the staff id
/// of the signed-in account; another person's id reads as "not found". Serve policy, re-checked.
/// </summary>
public sealed class MyRecordsService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>My confirmed records, unread first, then newest decision first.</summary>
    public async Task<IReadOnlyList<DerelictionRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var staffId = (await currentUser.GetAsync()).StaffId;
        if (staffId is null)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = db.DerelictionRecords.AsNoTracking()
            .Where(d => d.StaffMemberId == staffId && d.Status == DerelictionStatus.Confirmed);
        var rows = await DerelictionService.Project(db, mine).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.ReadAt is not null).ThenByDescending(r => r.DecisionDate).ThenByDescending(r => r.Id).ToList();
    }

    /// <summary>One of my confirmed records; null for anything else (another person's, a draft, a dismissed one, none).</summary>
    public async Task<DerelictionDetail?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var staffId = (await currentUser.GetAsync()).StaffId;
        if (staffId is null)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.DerelictionRecords.AnyAsync(d => d.Id == id && d.StaffMemberId == staffId && d.Status == DerelictionStatus.Confirmed, cancellationToken))
        {
            return null;
        }
        return await DerelictionService.DetailAsync(db, id, cancellationToken);
    }

    /// <summary>已阅确认: I have read my confirmed record. The first acknowledgement is kept; a second changes nothing.</summary>
    public async Task<SaveResult> AcknowledgeAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } staffId)
        {
            return new SaveResult([L["MyRecords.NotFound"]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.DerelictionRecords
            .SingleOrDefaultAsync(d => d.Id == id && d.StaffMemberId == staffId && d.Status == DerelictionStatus.Confirmed, cancellationToken);
        if (record is null)
        {
            return new SaveResult([L["MyRecords.NotFound"]]);
        }
        var who = user.DisplayName is { Length: > 0 } display && display != user.Name ? $"{display} ({user.Name})" : user.Name;
        if (!DerelictionRules.Acknowledge(record, time.GetUtcNow(), who))
        {
            return SaveResult.Ok;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Acknowledged meanwhile on another screen: the first acknowledgement stands.
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["Dereliction.Conflict"]]);
        }
        return SaveResult.Ok;
    }
}
