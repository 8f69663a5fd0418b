using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Rounds;

/// <summary>One checklist item's answer from a page: pass / fail / not applicable, a note, a stored photo's name.</summary>
public sealed record CheckInput(int Order, CheckResult Result, string? Note, string? Photo);

/// <summary>A round as a checklist page shows it.</summary>
public sealed record RoundSheet(
    long Id,
    RoundKind Kind,
    string TemplateName,
    string Subject,
    int? WindowId,
    int? FloorId,
    DateTimeOffset DueFrom,
    DateTimeOffset DueBy,
    DateTimeOffset MissedAt,
    RoundState State,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    int? Score,
    IReadOnlyList<RoundTemplateItem> Items,
    IReadOnlyList<RoundCheck> Checks,
    bool MayWork);

/// <summary>
/// Work on rounds, for every page that does it (the staff's checks, the guard's phone, the
/// inspector): who may work on which round, completing a checklist, a guard's verification of a
/// window's shutdown, and what a failed item leads to — an exception that alerts the manager at
/// once (SE2.2, SE4), or a rectification with a due date (HY4). The server decides every time;
/// a refused action changes nothing and says why in the user's language.
/// </summary>
public sealed class RoundService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    CalendarSource calendars,
    PhotoStore photos,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 500;

    /// <summary>Working days a hygiene inspection's rectification is given (HY4).</summary>
    public const int RectificationWorkingDays = 2;

    /// <summary>Whether the signed-in person may work on a round: its assignee role, or — for a window's round — a holder of the window's posts; managers may do any.</summary>
    public async Task<bool> MayWorkOnAsync(RoundInstance round, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await MayWorkOnAsync(db, user, round, cancellationToken);
    }

    private static async Task<bool> MayWorkOnAsync(HallDbContext db, HallUserInfo user, RoundInstance round, CancellationToken cancellationToken)
    {
        if (user.IsManager)
        {
            return true;
        }
        if (round.AssigneeStaffId is { } assignee)
        {
            return user.StaffId == assignee;
        }
        if (!user.Principal.IsInRole(round.AssigneeRole))
        {
            return false;
        }
        if (round.WindowId is { } windowId && round.AssigneeRole == HallRoles.Staff)
        {
            // A window's own checks are done by the people who hold its posts (A or B), nobody else.
            return user.StaffId is { } staffId
                && await db.PostHolders.AnyAsync(h => h.StaffMemberId == staffId && h.Post!.WindowId == windowId, cancellationToken);
        }
        return true;
    }

    /// <summary>A round's checklist and what is recorded on it; null for an unknown round.</summary>
    public async Task<RoundSheet?> SheetAsync(long roundId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking().Include(r => r.Template!).ThenInclude(t => t.Items).Include(r => r.Checks)
            .SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }
        return new RoundSheet(
            round.Id, round.Kind, round.Template!.Name, round.Subject, round.WindowId, round.FloorId,
            round.DueFrom, round.DueBy, round.MissedAt, round.State, round.CompletedBy, round.CompletedAt, round.Score,
            round.Template.Items.OrderBy(i => i.Order).ToList(), round.Checks.OrderBy(c => c.Order).ToList(),
            await MayWorkOnAsync(db, user, round, cancellationToken));
    }

    /// <summary>Whether an instant is inside a round's time window [due-from, missed): outside it a reason is asked for.</summary>
    public bool InWindow(RoundSheet sheet) => time.GetUtcNow() is var now && now >= sheet.DueFrom && now < sheet.MissedAt;

    /// <summary>Marks a round as started by the signed-in person (the first checklist answer does the same).</summary>
    public async Task<SaveResult> StartAsync(long roundId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Fail("Rounds.Unknown");
        }
        if (!await MayWorkOnAsync(db, user, round, cancellationToken))
        {
            return Fail("Rounds.NotYours");
        }
        if (!round.IsOpen)
        {
            return Fail("Rounds.Problem.AlreadySettled");
        }
        RoundWork.Start(round, time.GetUtcNow(), user.DisplayName);
        round.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// Completes a round with every item's answer. A failed item of a shutdown check or an evening
    /// round becomes an exception (the manager is alerted at once); of a hygiene inspection, a
    /// rectification due in <see cref="RectificationWorkingDays"/> working days. An evening round of
    /// a floor cannot be completed while a window handed to it is not yet verified.
    /// </summary>
    public async Task<SaveResult> CompleteAsync(long roundId, IReadOnlyList<CheckInput> inputs, string? outOfWindowReason, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (inputs.Any(i => i.Note is { Length: > MaxNote }) || outOfWindowReason is { Length: > MaxNote })
        {
            return new SaveResult([L["Rounds.NoteTooLong", MaxNote]]);
        }
        if (inputs.Any(i => !Enum.IsDefined(i.Result)))
        {
            return Fail("Rounds.Problem.ItemsMissing");
        }
        if (inputs.Any(i => i.Photo is { } photo && photos.Open(photo) is null))
        {
            return Fail("Rounds.PhotoUnknown");
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.Include(r => r.Template!).ThenInclude(t => t.Items).SingleOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return Fail("Rounds.Unknown");
        }
        if (!await MayWorkOnAsync(db, user, round, cancellationToken))
        {
            return Fail("Rounds.NotYours");
        }
        if (round.Kind == RoundKind.EveningRound && round.FloorId is { } floorId && round.IsOpen
            && await UnverifiedWindowsOf(db, floorId, now).AnyAsync(cancellationToken))
        {
            return Fail("Rounds.WindowsToVerify");
        }
        var items = round.Template!.Items.OrderBy(i => i.Order).ToList();
        var entries = inputs.Select(i => (new CheckEntry(i.Order, i.Result, i.Note, i.Photo is not null), i.Photo)).ToList();
        if (RoundWork.Complete(round, items, entries, now, user.DisplayName, outOfWindowReason) is { } problem)
        {
            return Fail($"Rounds.Problem.{problem}");
        }
        round.Version++;

        var failed = round.Checks.Where(c => c.Result == CheckResult.Fail).ToList();
        if (failed.Count > 0 && round.Kind is RoundKind.ShutdownCheck or RoundKind.EveningRound or RoundKind.Patrol or RoundKind.MachineRoomUpkeep)
        {
            foreach (var check in failed)
            {
                db.RoundExceptions.Add(new RoundException
                {
                    RoundId = round.Id, WindowId = round.WindowId, FloorId = round.FloorId,
                    Item = check.Text, Note = check.Note ?? "", Photo = check.Photo, FoundAt = now, FoundBy = user.DisplayName,
                });
            }
        }
        // A failed item of a computer rule (IT1, IT5) is an IT finding for the assessment, not a hygiene rectification (HY4).
        var itTexts = items.Where(i => RoundDefaults.IsItItem(i.Regulation)).Select(i => i.Text).ToHashSet(StringComparer.Ordinal);
        failed = round.Kind == RoundKind.HygieneInspection ? failed.Where(c => !itTexts.Contains(c.Text)).ToList() : failed;
        if (failed.Count > 0 && round.Kind == RoundKind.HygieneInspection)
        {
            var calendar = await calendars.GetAsync();
            var dueOn = calendar.AddWorkingDays(calendar.LocalDate(now), RectificationWorkingDays);
            int? checkpointId = round.Subject.StartsWith(HallSubjects.AreaPrefix, StringComparison.Ordinal)
                && int.TryParse(round.Subject.AsSpan(HallSubjects.AreaPrefix.Length), out var id) ? id : null;
            foreach (var check in failed)
            {
                db.Rectifications.Add(new Rectification
                {
                    RoundId = round.Id, WindowId = round.WindowId, CheckpointId = checkpointId,
                    Item = check.Text, Note = check.Note ?? "", DueOn = dueOn, RaisedAt = now, RaisedBy = user.DisplayName,
                });
            }
        }
        var result = await SaveAsync(db, cancellationToken);
        if (result.Succeeded)
        {
            await AlertExceptionsAsync(round.Id, cancellationToken);
        }
        return result;
    }

    /// <summary>
    /// A guard's verification of one window's shutdown on the evening round (SE2.2, SE4): pass, or
    /// fail with what was found (a photo when there is one) — a fail is an exception for the manager
    /// now and for the window's staff next morning.
    /// </summary>
    public async Task<SaveResult> VerifyWindowAsync(long shutdownRoundId, CheckResult result, string? note, string? photo, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync();
        if (!user.IsManager && !user.Principal.IsInRole(HallRoles.Guard))
        {
            return Fail("Rounds.NotYours");
        }
        note = note?.Trim();
        if (note is { Length: > MaxNote })
        {
            return new SaveResult([L["Rounds.NoteTooLong", MaxNote]]);
        }
        if (result is not (CheckResult.Pass or CheckResult.Fail))
        {
            return Fail("Rounds.Problem.ItemsMissing");
        }
        if (result == CheckResult.Fail && string.IsNullOrEmpty(note))
        {
            return Fail("Rounds.Problem.FailWithoutNote");
        }
        if (photo is not null && photos.Open(photo) is null)
        {
            return Fail("Rounds.PhotoUnknown");
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.Include(r => r.Template).SingleOrDefaultAsync(r => r.Id == shutdownRoundId && r.Kind == RoundKind.ShutdownCheck, cancellationToken);
        if (round is null)
        {
            return Fail("Rounds.Unknown");
        }
        if (round.VerifiedAt is { } at)
        {
            return new SaveResult([L["Rounds.AlreadyVerified", round.VerifiedBy ?? "", Local(at)]]);
        }
        round.VerifiedAt = now;
        round.VerifiedBy = user.DisplayName;
        round.VerifyResult = result;
        round.VerifyNote = string.IsNullOrEmpty(note) ? null : note;
        round.Version++;
        if (result == CheckResult.Fail)
        {
            db.RoundExceptions.Add(new RoundException
            {
                RoundId = round.Id, WindowId = round.WindowId, FloorId = round.FloorId,
                Item = round.Template!.Name, Note = note!, Photo = photo, FoundAt = now, FoundBy = user.DisplayName,
            });
        }
        var saved = await SaveAsync(db, cancellationToken);
        if (saved.Succeeded)
        {
            await AlertExceptionsAsync(round.Id, cancellationToken);
        }
        return saved;
    }

    /// <summary>
    /// The shutdown checks a floor's evening round must verify (SE2.2, SE4): today's window checks on
    /// the floor handed to the guards (not done by +30 min after closing) and not yet verified.
    /// </summary>
    public static IQueryable<RoundInstance> UnverifiedWindowsOf(HallDbContext db, int floorId, DateTimeOffset now) =>
        db.Rounds.Where(r => r.Kind == RoundKind.ShutdownCheck && r.FloorId == floorId
            && r.HandedToGuardAt != null && r.VerifiedAt == null
            && r.DueFrom <= now && r.DueFrom > now.AddHours(-24));

    /// <summary>
    /// Raises the manager's alert for each of a round's exceptions that has none yet: critical and
    /// escalated at once (the manager is told, not the window), one per exception by the alerts'
    /// unique index however often this runs.
    /// </summary>
    private async Task AlertExceptionsAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var exceptions = await db.RoundExceptions.Where(e => e.RoundId == roundId && e.ClosedAt == null).ToListAsync(cancellationToken);
        var subjects = exceptions.Select(e => HallSubjects.RoundExceptionSubject(e.Id)).ToList();
        var alerted = await db.Alerts.Where(a => a.Kind == AlertKinds.RoundException && subjects.Contains(a.Subject)).Select(a => a.Subject).ToListAsync(cancellationToken);
        foreach (var exception in exceptions.Where(e => !alerted.Contains(HallSubjects.RoundExceptionSubject(e.Id))))
        {
            db.Alerts.Add(new Alert
            {
                Kind = AlertKinds.RoundException, Severity = AlertSeverity.Critical, Subject = HallSubjects.RoundExceptionSubject(exception.Id),
                WindowId = exception.WindowId, RaisedAt = exception.FoundAt, EscalatedAt = exception.FoundAt,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Raised by a concurrent call meanwhile: one alert per exception is what the index keeps.
        }
    }

    private string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, options.Value.Zone()).ToString("HH:mm");

    private SaveResult Fail(string key) => new([L[key]]);

    private SaveResult Conflict() => new([L["Rounds.ChangedMeanwhile"]]);

    private async Task<SaveResult> SaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict();
        }
    }
}
