using System.Data;
using System.Data.Common;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Guard;

/// <summary>A guard's shift as the duty card shows it.</summary>
public sealed record ShiftView(long Id, string GuardUserId, string GuardName, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? HandoverNote);

/// <summary>
/// Who is on duty, whether it is the viewer, and the handover the viewer should read: the note of
/// the shift they took over (when they are on duty), or of the last shift handed over (when nobody is).
/// </summary>
public sealed record DutyView(ShiftView? OnDuty, bool OnDutyIsMe, ShiftView? HandedOver);

/// <summary>
/// Guard shifts (SE2.1 值班, 交接班): one open shift at a time. 接班 starts the signed-in guard's
/// shift and ends the one before it; 交班 ends their own with a handover note the next guard reads.
/// </summary>
public sealed class GuardShiftService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 1000;

    public async Task<DutyView> DutyAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.GuardShifts.AsNoTracking().Where(s => s.EndedAt == null)
            .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        var mine = open is not null && open.GuardUserId == user.UserId;
        GuardShift? handedOver = null;
        if (open is null)
        {
            handedOver = await db.GuardShifts.AsNoTracking().Where(s => s.EndedAt != null)
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        }
        else if (mine && open.PreviousShiftId is { } previous)
        {
            handedOver = await db.GuardShifts.AsNoTracking().SingleOrDefaultAsync(s => s.Id == previous, cancellationToken);
        }
        return new DutyView(View(open), mine, View(handedOver));
    }

    /// <summary>
    /// 接班: the signed-in guard goes on duty now. The open shift (someone else's) ends — without a
    /// note if its guard did not hand over — and becomes the previous shift, whose note is shown.
    /// </summary>
    public async Task<SaveResult> TakeOverAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        if (user.UserId is not { } userId)
        {
            return new SaveResult([L["Shift.NoAccount"]]);
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            // Serializable: two guards pressing 接班 at once cannot both open a shift.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var open = await db.GuardShifts.Where(s => s.EndedAt == null).OrderByDescending(s => s.Id).ToListAsync(cancellationToken);
            if (open.FirstOrDefault() is { } current && current.GuardUserId == userId)
            {
                return new SaveResult([L["Shift.AlreadyOnDuty"]]);
            }
            foreach (var shift in open)
            {
                shift.EndedAt = now;
                shift.Version++;
            }
            var previous = open.FirstOrDefault()?.Id
                ?? await db.GuardShifts.Where(s => s.EndedAt != null).OrderByDescending(s => s.Id).Select(s => (long?)s.Id).FirstOrDefaultAsync(cancellationToken);
            db.GuardShifts.Add(new GuardShift
            {
                GuardUserId = userId, GuardName = user.DisplayName, StartedAt = now, PreviousShiftId = previous,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["Shift.ChangedMeanwhile"]]);
        }
    }

    /// <summary>交班: the signed-in guard ends their own shift with what the next guard must know.</summary>
    public async Task<SaveResult> HandOverAsync(string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return new SaveResult([L["Shift.NoteRequired"]]);
        }
        if (note.Length > MaxNote)
        {
            return new SaveResult([L["Shift.NoteTooLong", MaxNote]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = await db.GuardShifts.Where(s => s.EndedAt == null).OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is null || open.GuardUserId != user.UserId)
        {
            return new SaveResult([L["Shift.NotOnDuty"]]);
        }
        open.EndedAt = time.GetUtcNow();
        open.HandoverNote = note;
        open.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["Shift.ChangedMeanwhile"]]);
        }
    }

    private static ShiftView? View(GuardShift? shift) =>
        shift is null ? null : new ShiftView(shift.Id, shift.GuardUserId, shift.GuardName, shift.StartedAt, shift.EndedAt, shift.HandoverNote);
}
