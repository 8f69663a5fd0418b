using HallOps.Domain.Staffing;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Hygiene;

/// <summary>A rectification as the list shows it. <see cref="SentBackNote"/>: why the manager sent the last report back.</summary>
public sealed record RectificationRow(
    long Id,
    long RoundId,
    int? WindowId,
    string Place,
    string Item,
    string Note,
    DateOnly DueOn,
    DateTimeOffset RaisedAt,
    string RaisedBy,
    DateTimeOffset? DoneAt,
    string? DoneBy,
    string? DoneNote,
    string? SentBackNote,
    bool Overdue);

/// <summary>The rectifications the viewer deals with: their windows' (staff) or all (managers), not yet confirmed.</summary>
public sealed record RectificationView(bool IsManager, DateOnly Today, IReadOnlyList<RectificationRow> Rows);

/// <summary>
/// Hygiene rectifications (HY4 整改): a failed inspection item to put right by its due date. The
/// window's staff (holders of its posts, A or B) report it done with a note; a manager confirms it or
/// sends it back with the reason (it is open again, and overdue again if its date has passed).
/// Reporting done resolves the overdue alert at once. Every action is checked on the server; a
/// refused one changes nothing and says why.
/// </summary>
/// <remarks>
/// A sent-back rectification keeps the manager's reason in <see cref="Rectification.DoneNote"/> with
/// no <see cref="Rectification.DoneAt"/>: the staff see why, and their next report replaces it (the
/// audit log keeps every earlier report).
/// </remarks>
public sealed class RectificationService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 500;

    /// <summary>The open (unconfirmed) rectifications of the viewer's windows, or all of them for a manager; overdue first, then by due date.</summary>
    public async Task<RectificationView> OpenAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Rectifications.AsNoTracking().Where(r => r.ConfirmedAt == null);
        if (!user.IsManager)
        {
            var windows = db.WindowsHeldBy(user.StaffId);
            query = query.Where(r => r.WindowId != null && windows.Contains(r.WindowId.Value));
        }
        var rows = await query.ToListAsync(cancellationToken);
        var windowNames = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number, w.Name }).ToDictionaryAsync(w => w.Id, cancellationToken);
        var areaNames = await db.Checkpoints.AsNoTracking().Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        string Place(Rectification r) =>
            r.WindowId is { } w && windowNames.TryGetValue(w, out var window) ? $"{L["Wall.WindowShort", window.Number]} {window.Name}"
            : r.CheckpointId is { } c && areaNames.TryGetValue(c, out var area) ? area
            : "";
        return new RectificationView(user.IsManager, today, rows
            .Select(r => new RectificationRow(
                r.Id, r.RoundId, r.WindowId, Place(r), r.Item, r.Note, r.DueOn, r.RaisedAt, r.RaisedBy, r.DoneAt, r.DoneBy,
                r.DoneAt is null ? null : r.DoneNote, r.DoneAt is null ? r.DoneNote : null,
                RectificationMonitor.IsOverdue(r.DueOn, r.DoneAt, today)))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.DoneAt is not null).ThenBy(r => r.DueOn).ThenBy(r => r.Id)
            .ToList());
    }

    /// <summary>The window's staff (or a manager) report a rectification done, saying what was done.</summary>
    public async Task<SaveResult> MarkDoneAsync(long id, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return Fail("Rectification.NoteRequired");
        }
        if (note.Length > MaxNote)
        {
            return new SaveResult([L["Rectification.NoteTooLong", MaxNote]]);
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null)
        {
            return Fail("Rectification.Unknown");
        }
        if (!user.IsManager
            && !(rectification.WindowId is { } windowId && await db.WindowsHeldBy(user.StaffId).ContainsAsync(windowId, cancellationToken)))
        {
            return Fail("Rectification.NotYours");
        }
        if (rectification.ConfirmedAt is { } confirmedAt)
        {
            return new SaveResult([L["Rectification.AlreadyConfirmed", rectification.ConfirmedBy ?? "", Local(confirmedAt)]]);
        }
        if (rectification.DoneAt is { } doneAt)
        {
            return new SaveResult([L["Rectification.AlreadyDone", rectification.DoneBy ?? "", Local(doneAt)]]);
        }
        rectification.DoneAt = now;
        rectification.DoneBy = user.DisplayName;
        rectification.DoneNote = note;
        rectification.Version++;
        var subject = HallSubjects.Rectification(rectification.Id);
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.RectificationOverdue && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
        return await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>A manager confirms a rectification reported done: it leaves the open list.</summary>
    public async Task<SaveResult> ConfirmAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null)
        {
            return Fail("Rectification.Unknown");
        }
        if (rectification.ConfirmedAt is { } confirmedAt)
        {
            return new SaveResult([L["Rectification.AlreadyConfirmed", rectification.ConfirmedBy ?? "", Local(confirmedAt)]]);
        }
        if (rectification.DoneAt is null)
        {
            return Fail("Rectification.NotDoneYet");
        }
        rectification.ConfirmedAt = time.GetUtcNow();
        rectification.ConfirmedBy = user.DisplayName;
        rectification.Version++;
        return await SaveAsync(db, id, cancellationToken);
    }

    /// <summary>A manager sends a reported rectification back, saying why: it is open again, with its due date unchanged.</summary>
    public async Task<SaveResult> SendBackAsync(long id, string? reason, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Fail("Rectification.ReasonRequired");
        }
        if (reason.Length > MaxNote)
        {
            return new SaveResult([L["Rectification.NoteTooLong", MaxNote]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rectification = await db.Rectifications.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rectification is null)
        {
            return Fail("Rectification.Unknown");
        }
        if (rectification.ConfirmedAt is { } confirmedAt)
        {
            return new SaveResult([L["Rectification.AlreadyConfirmed", rectification.ConfirmedBy ?? "", Local(confirmedAt)]]);
        }
        if (rectification.DoneAt is null)
        {
            return Fail("Rectification.NotDoneYet");
        }
        rectification.DoneAt = null;
        rectification.DoneBy = null;
        rectification.DoneNote = reason;
        rectification.Version++;
        return await SaveAsync(db, id, cancellationToken);
    }


    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, options.Value.Zone()).ToString("MM-dd HH:mm");

    private SaveResult Fail(string key) => new([L[key]]);

    private async Task<SaveResult> SaveAsync(HallDbContext db, long id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else acted on it in the same instant: say what they did.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var now = await fresh.Rectifications.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
            return now switch
            {
                { ConfirmedAt: { } at } => new SaveResult([L["Rectification.AlreadyConfirmed", now.ConfirmedBy ?? "", Local(at)]]),
                { DoneAt: { } at } => new SaveResult([L["Rectification.AlreadyDone", now.DoneBy ?? "", Local(at)]]),
                _ => Fail("Rectification.ChangedMeanwhile"),
            };
        }
    }
}
