using HallOps.Domain.Staffing;
using HallOps.Domain.Alerts;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Rounds;

/// <summary>A round exception as the manager's list and the window's staff see it.</summary>
public sealed record ExceptionRow(
    long Id,
    long RoundId,
    RoundKind RoundKind,
    int? WindowId,
    int? WindowNumber,
    string? WindowName,
    string? FloorName,
    string Item,
    string Note,
    string? Photo,
    DateTimeOffset FoundAt,
    string FoundBy,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string? AckNote,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? CloseNote)
{
    public bool IsOpen => ClosedAt is null;
}

/// <summary>
/// Round exceptions (SE2.2, SE4): something found wrong on a round — a window left powered, found by
/// the guard verifying it or by the window's own check. The manager was alerted when it was found;
/// the window's staff see it (next morning) and acknowledge they know; the manager closes it with a
/// note, which resolves the manager's alert. Only the holders of the window's posts (A or B) and
/// managers may acknowledge; the second of two acknowledgements is told who was first and changes
/// nothing. Every action is checked again on the server.
/// </summary>
public sealed class RoundExceptionService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 500;

    /// <summary>How far back the manager's list shows closed exceptions.</summary>
    public static readonly TimeSpan ClosedShownFor = TimeSpan.FromDays(30);

    /// <summary>The manager's list: open exceptions, newest first; with closed ones of the last 30 days when asked.</summary>
    public async Task<IReadOnlyList<ExceptionRow>> ListAsync(bool includeClosed = false, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow() - ClosedShownFor;
        var exceptions = db.RoundExceptions.Where(e => e.ClosedAt == null || (includeClosed && e.ClosedAt >= since));
        var rows = await Rows(db, exceptions).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.IsOpen ? 0 : 1).ThenByDescending(r => r.FoundAt).ThenByDescending(r => r.Id).ToList();
    }

    /// <summary>
    /// The window staff's list: open exceptions of the windows whose posts the signed-in person holds
    /// (every window's for a manager) that nobody of the window has acknowledged yet, oldest first.
    /// </summary>
    public async Task<IReadOnlyList<ExceptionRow>> ForMyWindowsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exceptions = db.RoundExceptions.Where(e => e.ClosedAt == null && e.AcknowledgedAt == null && e.WindowId != null);
        if (!user.IsManager)
        {
            var windows = db.WindowsHeldBy(user.StaffId);
            exceptions = exceptions.Where(e => windows.Contains(e.WindowId!.Value));
        }
        var rows = await Rows(db, exceptions).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.FoundAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>A holder of the window's posts (or a manager) acknowledges they know of the exception, with an optional note.</summary>
    public async Task<SaveResult> AcknowledgeAsync(long exceptionId, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (note is { Length: > MaxNote })
        {
            return new SaveResult([L["RoundException.NoteTooLong", MaxNote]]);
        }
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var exception = await db.RoundExceptions.SingleOrDefaultAsync(e => e.Id == exceptionId, cancellationToken);
            if (exception is null)
            {
                return Fail("RoundException.Unknown");
            }
            if (!user.IsManager
                && !(exception.WindowId is { } windowId && await db.WindowsHeldBy(user.StaffId).ContainsAsync(windowId, cancellationToken)))
            {
                return Fail("RoundException.NotYours");
            }
            if (exception.AcknowledgedAt is { } at)
            {
                return new SaveResult([L["RoundException.AlreadyAcknowledged", exception.AcknowledgedBy ?? "", Local(at)]]);
            }
            exception.AcknowledgedAt = time.GetUtcNow();
            exception.AcknowledgedBy = user.DisplayName;
            exception.AckNote = string.IsNullOrEmpty(note) ? null : note;
            exception.Version++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SaveResult.Ok;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // Someone acknowledged (or the manager closed) it in the same instant: read it again and decide.
            }
        }
    }

    /// <summary>The manager closes an exception — put right or explained — with a note; its alert is resolved.</summary>
    public async Task<SaveResult> CloseAsync(long exceptionId, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        note = note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return Fail("RoundException.CloseNoteRequired");
        }
        if (note.Length > MaxNote)
        {
            return new SaveResult([L["RoundException.NoteTooLong", MaxNote]]);
        }
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var exception = await db.RoundExceptions.SingleOrDefaultAsync(e => e.Id == exceptionId, cancellationToken);
            if (exception is null)
            {
                return Fail("RoundException.Unknown");
            }
            if (exception.ClosedAt is { } at)
            {
                return new SaveResult([L["RoundException.AlreadyClosed", exception.ClosedBy ?? "", Local(at)]]);
            }
            var now = time.GetUtcNow();
            exception.ClosedAt = now;
            exception.ClosedBy = user.DisplayName;
            exception.CloseNote = note;
            exception.Version++;
            var subject = HallSubjects.RoundExceptionSubject(exception.Id);
            foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.RoundException && a.Subject == subject).ToListAsync(cancellationToken))
            {
                AlertRules.Resolve(alert, now);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return SaveResult.Ok;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // The exception or its alert changed in the same instant (an acknowledgement): read again.
            }
        }
    }


    private static IQueryable<ExceptionRow> Rows(HallDbContext db, IQueryable<RoundException> exceptions) =>
        exceptions.Select(e => new ExceptionRow(
            e.Id, e.RoundId,
            db.Rounds.Where(r => r.Id == e.RoundId).Select(r => r.Kind).FirstOrDefault(),
            e.WindowId,
            db.Windows.Where(w => w.Id == e.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            db.Windows.Where(w => w.Id == e.WindowId).Select(w => w.Name).FirstOrDefault(),
            db.Floors.Where(f => f.Id == e.FloorId).Select(f => f.Name).FirstOrDefault(),
            e.Item, e.Note, e.Photo, e.FoundAt, e.FoundBy,
            e.AcknowledgedAt, e.AcknowledgedBy, e.AckNote, e.ClosedAt, e.ClosedBy, e.CloseNote));

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, options.Value.Zone()).ToString("MM-dd HH:mm");

    private SaveResult Fail(string key) => new([L[key]]);
}
