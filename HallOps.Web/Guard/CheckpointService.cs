using System.Text.RegularExpressions;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Guard;

public enum ScanOutcome
{
    /// <summary>No active checkpoint of this hall has the code: nothing was stored.</summary>
    Unknown,

    /// <summary>A floor's label: tonight's open evening round of the floor was marked scanned.</summary>
    EveningRound,

    /// <summary>A patrol stop was logged at the place.</summary>
    PatrolStop,
}

/// <summary>What scanning a label did: the round it opened, or the patrol stop it logged.</summary>
public sealed record ScanResult(ScanOutcome Outcome, long? RoundId = null, long? StopId = null, string? PlaceName = null, bool Repeated = false);

/// <summary>A checkpoint as the manager's list shows it.</summary>
public sealed record CheckpointRow(int Id, CheckpointKind Kind, string Name, int? FloorId, string? FloorName, bool IsActive, string Token);

/// <summary>A checkpoint as the manager's form fills it.</summary>
public sealed class CheckpointEdit
{
    public int Id { get; set; }
    public CheckpointKind Kind { get; set; } = CheckpointKind.PublicArea;
    public string? Name { get; set; }
    public int? FloorId { get; set; }
}

public sealed record FloorOption(int Id, string Name);

/// <summary>
/// Checkpoints and their QR labels (SE2.2, SE2.3): a scanned label proves the guard stood at the
/// place. The label's link carries a random code; an unknown, deactivated, forged or other hall's
/// code opens nothing and stores nothing. The manager keeps the list and can issue a new code,
/// after which the old label no longer works.
/// </summary>
public sealed partial class CheckpointService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    PatrolService patrols,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxName = 100;

    /// <summary>A floor's label opens the floor's evening round from this long before it is due.</summary>
    public static readonly TimeSpan EarlyScan = TimeSpan.FromMinutes(30);

    /// <summary>The address a label's QR code holds: the app's own origin + /guard/cp/{token}.</summary>
    public static string ScanUrl(string origin, string token) => origin.TrimEnd('/') + "/guard/cp/" + token;

    /// <summary>
    /// A guard scanned a label. A floor's label marks tonight's open evening round of the floor as
    /// scanned (and started) and opens it; outside the round's time, and for a public area or the
    /// machine room, it logs a patrol stop.
    /// </summary>
    public async Task<ScanResult> ScanAsync(string? token, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        if (token is null || !TokenPattern().IsMatch(token))
        {
            return new ScanResult(ScanOutcome.Unknown);
        }
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.Checkpoints.AsNoTracking().SingleOrDefaultAsync(c => c.Token == token && c.IsActive, cancellationToken);
        // SQL Server compares text without case: the code must match exactly.
        if (checkpoint is null || !string.Equals(checkpoint.Token, token, StringComparison.Ordinal))
        {
            return new ScanResult(ScanOutcome.Unknown);
        }
        if (checkpoint.Kind == CheckpointKind.Floor && checkpoint.FloorId is { } floorId)
        {
            var opensFrom = now + EarlyScan;
            var round = await db.Rounds
                .Where(r => r.Kind == RoundKind.EveningRound && r.FloorId == floorId
                    && (r.State == RoundState.Due || r.State == RoundState.InProgress)
                    && r.DueFrom <= opensFrom && r.MissedAt > now)
                .OrderBy(r => r.DueFrom).FirstOrDefaultAsync(cancellationToken);
            if (round is not null)
            {
                var repeated = round.CheckpointScannedAt is not null;
                round.CheckpointScannedAt ??= now;
                RoundWork.Start(round, now, (await currentUser.GetAsync()).DisplayName);
                round.Version++;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Scanned by a second phone in the same instant: the round is open either way.
                    repeated = true;
                }
                return new ScanResult(ScanOutcome.EveningRound, RoundId: round.Id, PlaceName: checkpoint.Name, Repeated: repeated);
            }
        }
        var (stopId, again) = await patrols.LogScanAsync(checkpoint, cancellationToken);
        return new ScanResult(ScanOutcome.PatrolStop, StopId: stopId, PlaceName: checkpoint.Name, Repeated: again);
    }

    public async Task<IReadOnlyList<CheckpointRow>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().ToDictionaryAsync(f => f.Id, f => new { f.Name, f.Level }, cancellationToken);
        var rows = await db.Checkpoints.AsNoTracking().Where(c => !activeOnly || c.IsActive).ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(c => c.IsActive)
            .ThenBy(c => c.FloorId is { } f && floors.TryGetValue(f, out var floor) ? floor.Level : int.MaxValue)
            .ThenBy(c => c.Kind).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new CheckpointRow(c.Id, c.Kind, c.Name, c.FloorId, c.FloorId is { } f && floors.TryGetValue(f, out var floor) ? floor.Name : null, c.IsActive, c.Token))
            .ToList();
    }

    public async Task<IReadOnlyList<FloorOption>> FloorsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Floors.AsNoTracking().OrderBy(f => f.Level).Select(f => new FloorOption(f.Id, f.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a checkpoint (with a new random code) or renames / moves one; the name is unique among active checkpoints.</summary>
    public async Task<SaveResult> SaveAsync(CheckpointEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var name = edit.Name?.Trim() ?? "";
        var errors = new List<string>();
        if (name.Length == 0)
        {
            errors.Add(L["Checkpoint.NameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            errors.Add(L["Checkpoint.NameTooLong", MaxName]);
        }
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["Checkpoint.KindRequired"]);
        }
        if (edit.FloorId is null)
        {
            errors.Add(L["Checkpoint.FloorRequired"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Floors.AnyAsync(f => f.Id == edit.FloorId, cancellationToken))
        {
            return new SaveResult([L["Checkpoint.FloorRequired"]]);
        }
        if (await db.Checkpoints.AnyAsync(c => c.IsActive && c.Id != edit.Id && c.Name == name, cancellationToken))
        {
            return new SaveResult([L["Checkpoint.NameTaken", name]]);
        }
        if (edit.Kind == CheckpointKind.Floor
            && await db.Checkpoints.AnyAsync(c => c.IsActive && c.Id != edit.Id && c.Kind == CheckpointKind.Floor && c.FloorId == edit.FloorId, cancellationToken))
        {
            return new SaveResult([L["Checkpoint.FloorTaken"]]);
        }
        Checkpoint checkpoint;
        if (edit.Id == 0)
        {
            checkpoint = new Checkpoint { Name = name, Token = CheckpointTokens.New() };
            db.Checkpoints.Add(checkpoint);
        }
        else
        {
            checkpoint = await db.Checkpoints.SingleOrDefaultAsync(c => c.Id == edit.Id, cancellationToken)
                ?? throw new InvalidOperationException("gone");
            checkpoint.Name = name;
        }
        checkpoint.Kind = edit.Kind;
        checkpoint.FloorId = edit.FloorId;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    /// <summary>Takes a checkpoint out of use (its label opens nothing) or back into use.</summary>
    public async Task<SaveResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.Checkpoints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkpoint is null)
        {
            return new SaveResult([L["Checkpoint.Unknown"]]);
        }
        if (active && await db.Checkpoints.AnyAsync(c => c.IsActive && c.Id != id && c.Name == checkpoint.Name, cancellationToken))
        {
            return new SaveResult([L["Checkpoint.NameTaken", checkpoint.Name]]);
        }
        checkpoint.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    /// <summary>Issues a new random code for a checkpoint: the old label stops working, a new one must be printed.</summary>
    public async Task<SaveResult> RegenerateTokenAsync(int id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var checkpoint = await db.Checkpoints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkpoint is null)
        {
            return new SaveResult([L["Checkpoint.Unknown"]]);
        }
        checkpoint.Token = CheckpointTokens.New();
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{16,40}$")]
    private static partial Regex TokenPattern();
}
