using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Guard;

/// <summary>One floor's evening round as tonight's list shows it: state and progress.</summary>
public sealed record FloorRoundRow(
    long RoundId, int FloorId, string FloorName, int FloorLevel, DateTimeOffset DueFrom, DateTimeOffset DueBy, RoundState State,
    string? CompletedBy, DateTimeOffset? CompletedAt, bool Scanned, bool ManualEntry,
    int Windows, int WindowsToVerify, int WindowsVerified, int Items, int ItemsChecked, int ItemsFailed);

/// <summary>One occurrence of the evening round (21:00, 23:30): every floor's round of it.</summary>
public sealed record RoundOccurrence(DateTimeOffset DueFrom, DateTimeOffset DueBy, IReadOnlyList<FloorRoundRow> Floors);

/// <summary>Something found wrong tonight and not yet closed by the manager.</summary>
public sealed record ExceptionRow(
    long Id, string? FloorName, int? WindowNumber, string? WindowName, string Item, string Note, string? Photo, DateTimeOffset FoundAt, string FoundBy);

public sealed record TonightView(GuardNight Night, IReadOnlyList<RoundOccurrence> Occurrences, IReadOnlyList<ExceptionRow> Exceptions);

/// <summary>
/// A window's shutdown check as the guard's floor round shows it (SE2.2, SE4): self-checked by whom,
/// or to verify (not done, or handed to the guards), and the guard's verification.
/// </summary>
public sealed record WindowCheckRow(
    long ShutdownRoundId, int WindowNumber, string WindowName, RoundState State, string? CompletedBy, DateTimeOffset? CompletedAt,
    DateTimeOffset? HandedToGuardAt, DateTimeOffset? VerifiedAt, string? VerifiedBy, CheckResult? VerifyResult, string? VerifyNote)
{
    public bool SelfChecked => State is RoundState.Done or RoundState.Late;

    /// <summary>需核查: not self-checked, or handed to the guards' round.</summary>
    public bool NeedsVerify => HandedToGuardAt is not null || !SelfChecked;

    public bool Pending => NeedsVerify && VerifiedAt is null;
}

/// <summary>One floor's evening round: its time, state, whether its label was scanned, and the floor's windows.</summary>
public sealed record FloorRoundView(
    long RoundId, int FloorId, string FloorName, DateTimeOffset DueFrom, DateTimeOffset DueBy, DateTimeOffset MissedAt, RoundState State,
    DateTimeOffset? ScannedAt, string? ManualEntryReason, IReadOnlyList<WindowCheckRow> Windows)
{
    public bool IsOpen => State is RoundState.Due or RoundState.InProgress;

    public int ToVerify => Windows.Count(w => w.NeedsVerify);

    public int Pending => Windows.Count(w => w.Pending);

    /// <summary>The guard stood there: the label was scanned, or the reason it was entered by hand is recorded.</summary>
    public bool PlaceConfirmed => ScannedAt is not null || ManualEntryReason is not null;
}

/// <summary>
/// The guards' evening round (SE2.2) on the phone: tonight's rounds floor by floor with their
/// progress and the exceptions found; one floor's round with its windows' shutdown state (SE4)
/// to verify; entering a floor by hand when its label cannot be scanned. Completing the checklist
/// and verifying a window are <see cref="RoundService"/>'s.
/// </summary>
public sealed class GuardRoundService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    RoundService rounds,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxReason = 200;

    public GuardNight Tonight() => GuardNight.Of(time.GetUtcNow(), options.Value.Zone());

    public async Task<TonightView> TonightAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var now = time.GetUtcNow();
        var night = Tonight();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().ToDictionaryAsync(f => f.Id, f => new { f.Name, f.Level }, cancellationToken);
        var evening = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.EveningRound && r.FloorId != null && r.DueFrom >= night.From && r.DueFrom < night.To)
            .Select(r => new
            {
                r.Id, FloorId = r.FloorId!.Value, r.DueFrom, r.DueBy, r.MissedAt, r.State, r.CompletedBy, r.CompletedAt, r.CheckpointScannedAt, r.ManualEntryReason,
                Items = r.Template!.Items.Count,
                Checked = r.Checks.Count,
                Failed = r.Checks.Count(c => c.Result == CheckResult.Fail),
            })
            .ToListAsync(cancellationToken);
        var windows = (await ShutdownChecksAsync(db, night, now, floorId: null, cancellationToken))
            .GroupBy(w => w.FloorId).ToDictionary(g => g.Key, g => g.Select(x => x.Row).ToList());

        var occurrences = evening
            .GroupBy(r => r.DueFrom)
            .OrderBy(g => g.Key)
            .Select(g => new RoundOccurrence(g.Key, g.Max(r => r.DueBy), g
                .Select(r =>
                {
                    var floor = floors.GetValueOrDefault(r.FloorId);
                    var onFloor = windows.GetValueOrDefault(r.FloorId) ?? [];
                    return new FloorRoundRow(
                        // SE2.2: past its missed line a round shows as missed, as on the wall, before the monitor stores it.
                        r.Id, r.FloorId, floor?.Name ?? "", floor?.Level ?? 0, r.DueFrom, r.DueBy, RoundRules.StateAt(r.State, now, r.MissedAt), r.CompletedBy, r.CompletedAt,
                        r.CheckpointScannedAt is not null, r.ManualEntryReason is not null,
                        onFloor.Count, onFloor.Count(w => w.NeedsVerify), onFloor.Count(w => w.NeedsVerify && w.VerifiedAt is not null),
                        r.Items, r.Checked, r.Failed);
                })
                .OrderBy(f => f.FloorLevel)
                .ToList()))
            .ToList();

        var exceptions = await db.RoundExceptions.AsNoTracking()
            .Where(e => e.ClosedAt == null && e.FoundAt >= night.From && e.FoundAt < night.To)
            .OrderByDescending(e => e.FoundAt).ThenByDescending(e => e.Id)
            .Select(e => new ExceptionRow(
                e.Id,
                db.Floors.Where(f => f.Id == e.FloorId).Select(f => f.Name).FirstOrDefault(),
                db.Windows.Where(w => w.Id == e.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
                db.Windows.Where(w => w.Id == e.WindowId).Select(w => w.Name).FirstOrDefault(),
                e.Item, e.Note, e.Photo, e.FoundAt, e.FoundBy))
            .ToListAsync(cancellationToken);
        return new TonightView(night, occurrences, exceptions);
    }

    /// <summary>One floor's evening round with its windows; null when the id is not an evening round of a floor.</summary>
    public async Task<FloorRoundView?> FloorRoundAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.AsNoTracking()
            .SingleOrDefaultAsync(r => r.Id == roundId && r.Kind == RoundKind.EveningRound && r.FloorId != null, cancellationToken);
        if (round is null)
        {
            return null;
        }
        var floorId = round.FloorId!.Value;
        var floorName = await db.Floors.Where(f => f.Id == floorId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        // The windows' checks of the round's own night, due by now (or by the round, when opened later).
        var night = GuardNight.Of(round.DueFrom, options.Value.Zone());
        var until = time.GetUtcNow() > round.DueFrom ? time.GetUtcNow() : round.DueFrom;
        var windows = (await ShutdownChecksAsync(db, night, until, floorId, cancellationToken)).Select(w => w.Row).ToList();
        return new FloorRoundView(
            round.Id, floorId, floorName, round.DueFrom, round.DueBy, round.MissedAt, round.State,
            round.CheckpointScannedAt, round.ManualEntryReason, windows);
    }

    /// <summary>
    /// 手动登记: the floor's label could not be scanned; the guard says why, and the round counts as
    /// entered by hand (SE2.2). Refused when the label was scanned or a reason is already recorded.
    /// </summary>
    public async Task<SaveResult> EnterByHandAsync(long roundId, string? reason, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return new SaveResult([L["GuardRound.ManualReasonRequired"]]);
        }
        if (reason.Length > MaxReason)
        {
            return new SaveResult([L["GuardRound.ManualReasonTooLong", MaxReason]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await db.Rounds.SingleOrDefaultAsync(r => r.Id == roundId && r.Kind == RoundKind.EveningRound, cancellationToken);
        if (round is null)
        {
            return new SaveResult([L["Rounds.Unknown"]]);
        }
        if (!await rounds.MayWorkOnAsync(round, cancellationToken))
        {
            return new SaveResult([L["Rounds.NotYours"]]);
        }
        if (!round.IsOpen)
        {
            return new SaveResult([L["Rounds.Problem.AlreadySettled"]]);
        }
        if (round.CheckpointScannedAt is not null || round.ManualEntryReason is not null)
        {
            return new SaveResult([L["GuardRound.PlaceAlreadyConfirmed"]]);
        }
        round.ManualEntryReason = reason;
        round.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["Rounds.ChangedMeanwhile"]]);
        }
    }

    /// <summary>
    /// 其余均已断电: every window of the floor still to verify is verified as powered off, each
    /// through <see cref="RoundService.VerifyWindowAsync"/> (a window someone verified meanwhile is
    /// left as they recorded it). Returns the messages of the ones refused.
    /// </summary>
    public async Task<SaveResult> VerifyRemainingAsync(long roundId, CancellationToken cancellationToken = default)
    {
        var view = await FloorRoundAsync(roundId, cancellationToken);
        if (view is null)
        {
            return new SaveResult([L["Rounds.Unknown"]]);
        }
        var errors = new List<string>();
        foreach (var window in view.Windows.Where(w => w.Pending))
        {
            var result = await rounds.VerifyWindowAsync(window.ShutdownRoundId, CheckResult.Pass, null, null, cancellationToken);
            errors.AddRange(result.Errors.Where(e => !errors.Contains(e)));
        }
        return new SaveResult(errors);
    }

    private static async Task<List<(int FloorId, WindowCheckRow Row)>> ShutdownChecksAsync(
        HallDbContext db, GuardNight night, DateTimeOffset until, int? floorId, CancellationToken cancellationToken)
    {
        var query = db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.ShutdownCheck && r.WindowId != null && r.FloorId != null
                && r.DueFrom >= night.From && r.DueFrom < night.To && r.DueFrom <= until);
        if (floorId is { } id)
        {
            query = query.Where(r => r.FloorId == id);
        }
        var rows = await query
            .Join(db.Windows, r => r.WindowId, w => w.Id, (r, w) => new
            {
                FloorId = r.FloorId!.Value, r.Id, w.Number, w.Name, r.State, r.CompletedBy, r.CompletedAt, r.HandedToGuardAt,
                r.VerifiedAt, r.VerifiedBy, r.VerifyResult, r.VerifyNote,
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Number)
            .Select(r => (r.FloorId, new WindowCheckRow(
                r.Id, r.Number, r.Name, r.State, r.CompletedBy, r.CompletedAt, r.HandedToGuardAt, r.VerifiedAt, r.VerifiedBy, r.VerifyResult, r.VerifyNote)))
            .ToList();
    }
}
