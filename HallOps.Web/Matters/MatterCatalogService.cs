using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Matters;

/// <summary>One matter as the catalogue lists it, with its current version's limits.</summary>
public sealed record MatterRow(
    int Id, string Code, string Name, MatterKind Kind, string? Unit, int? WindowNumber, string? WindowName,
    int StatutoryDays, int CommittedDays, int Materials, int Version, DateTimeOffset ChangedAt, bool IsActive)
{
    /// <summary>即办件 (TL1).</summary>
    public bool IsInstant => CommittedDays == 0;
}

/// <summary>The catalogue's filter; empty for every active matter.</summary>
public sealed record MatterFilter(string? Search = null, MatterKind? Kind = null, int? HomeUnitId = null, bool IncludeInactive = false);

public sealed record MatterMaterialView(int Order, string Name, string? Requirement, bool Deferrable);

/// <summary>One version as it was saved (OT5): limits, materials, guide, and who made it, when and why.</summary>
public sealed record MatterVersionView(
    int Id, int Number, int StatutoryDays, int CommittedDays, bool SupplementPausesClock, string? LegalBasis, string Guide,
    DateTimeOffset ChangedAt, string ChangedBy, string? ChangeReason, IReadOnlyList<MatterMaterialView> Materials)
{
    public bool IsInstant => CommittedDays == 0;

    public IEnumerable<MatterMaterial> AsMaterials() =>
        Materials.Select(m => new MatterMaterial { Order = m.Order, Name = m.Name, Requirement = m.Requirement, Deferrable = m.Deferrable });
}

/// <summary>A matter with every version, newest first.</summary>
public sealed record MatterDetail(
    int Id, string Code, string Name, MatterKind Kind, int? HomeUnitId, string? Unit, string? UnitPhone,
    int? WindowId, int? WindowNumber, string? WindowName, string? Floor, bool IsActive, IReadOnlyList<MatterVersionView> Versions)
{
    public MatterVersionView Current => Versions[0];
}

public sealed record WindowChoice(int Id, int Number, string Name, int HomeUnitId);

/// <summary>One material line of the editor.</summary>
public sealed class MaterialEdit
{
    public string Name { get; set; } = "";
    public string? Requirement { get; set; }
    public bool Deferrable { get; set; }
}

/// <summary>A matter as the manager enters it: new (Id 0) or the next version of an existing one.</summary>
public sealed class MatterEdit
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public MatterKind Kind { get; set; } = MatterKind.Licence;
    public int? HomeUnitId { get; set; }
    public int? WindowId { get; set; }
    public int StatutoryDays { get; set; }
    public int CommittedDays { get; set; }
    public bool SupplementPausesClock { get; set; } = true;
    public string? LegalBasis { get; set; }
    public string? Guide { get; set; }
    public List<MaterialEdit> Materials { get; set; } = [];

    /// <summary>Why this version is made (required for every version after the first, OT5).</summary>
    public string? Reason { get; set; }

    public static MatterEdit From(MatterDetail matter)
    {
        var current = matter.Current;
        return new MatterEdit
        {
            Id = matter.Id, Code = matter.Code, Name = matter.Name, Kind = matter.Kind, HomeUnitId = matter.HomeUnitId, WindowId = matter.WindowId,
            StatutoryDays = current.StatutoryDays, CommittedDays = current.CommittedDays, SupplementPausesClock = current.SupplementPausesClock,
            LegalBasis = current.LegalBasis, Guide = current.Guide,
            Materials = current.Materials.Select(m => new MaterialEdit { Name = m.Name, Requirement = m.Requirement, Deferrable = m.Deferrable }).ToList(),
        };
    }
}

/// <summary>The outcome of a save: the matter's id, or the messages to show (nothing was written).</summary>
public sealed record MatterSaveResult(int? MatterId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// The matter catalogue (事项管理; TL1, OT1, OT5). Any signed-in hall account reads it (a window prints
/// the one-time information sheet from it); only the Manage policy changes it, re-checked on every
/// action. An edit never changes a saved version: it adds the next one, with who, when and why, and
/// makes it current; cases keep the version they were taken under.
/// </summary>
public sealed class MatterCatalogService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxCode = 50;
    public const int MaxName = 200;
    public const int MaxMaterialName = 200;
    public const int MaxRequirement = 500;
    public const int MaxLegalBasis = 500;
    public const int MaxGuide = 8000;
    public const int MaxReason = 500;
    public const int MaxMaterials = 100;

    public async Task<IReadOnlyList<MatterRow>> ListAsync(MatterFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Viewer);
        filter ??= new MatterFilter();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Matters.AsNoTracking();
        if (!filter.IncludeInactive)
        {
            query = query.Where(m => m.IsActive);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind == kind);
        }
        if (filter.HomeUnitId is { } unitId)
        {
            query = query.Where(m => m.HomeUnitId == unitId);
        }
        var rows = await query
            .Select(m => new MatterRow(
                m.Id, m.Code, m.Name, m.Kind, m.HomeUnit == null ? null : m.HomeUnit.Name,
                m.Window == null ? null : m.Window.Number, m.Window == null ? null : m.Window.Name,
                m.CurrentVersion == null ? 0 : m.CurrentVersion.StatutoryDays, m.CurrentVersion == null ? 0 : m.CurrentVersion.CommittedDays,
                m.CurrentVersion == null ? 0 : m.CurrentVersion.Materials.Count, m.CurrentVersion == null ? 0 : m.CurrentVersion.Number,
                m.CurrentVersion == null ? default : m.CurrentVersion.ChangedAt, m.IsActive))
            .ToListAsync(cancellationToken);
        // Searched here: a few hundred matters, and the same (case-insensitive) match on every database.
        var search = filter.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            rows = rows.Where(r => Matches(r, search)).ToList();
        }
        return rows.OrderBy(r => r.WindowNumber ?? int.MaxValue).ThenBy(r => r.Code, StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static bool Matches(MatterRow row, string search) =>
        row.Code.Contains(search, StringComparison.OrdinalIgnoreCase)
        || row.Name.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (row.Unit?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || (row.WindowName?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || (row.WindowNumber is { } number && (search == number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || search.TrimEnd('#', '号') == number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>One matter with all its versions, newest first; null when there is none.</summary>
    public async Task<MatterDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.AsNoTracking()
            .Include(m => m.HomeUnit)
            .Include(m => m.Window).ThenInclude(w => w!.Floor)
            .Include(m => m.Versions).ThenInclude(v => v.Materials)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null || matter.Versions.Count == 0)
        {
            return null;
        }
        var versions = matter.Versions.OrderByDescending(v => v.Number).Select(View).ToList();
        // The current version first, should it ever not be the highest.
        var current = versions.FindIndex(v => v.Id == matter.CurrentVersionId);
        if (current > 0)
        {
            var c = versions[current];
            versions.RemoveAt(current);
            versions.Insert(0, c);
        }
        return new MatterDetail(
            matter.Id, matter.Code, matter.Name, matter.Kind, matter.HomeUnitId, matter.HomeUnit?.Name, matter.HomeUnit?.Phone,
            matter.WindowId, matter.Window?.Number, matter.Window?.Name, matter.Window?.Floor?.Name, matter.IsActive, versions);
    }

    internal static MatterVersionView View(MatterVersion v) => new(
        v.Id, v.Number, v.StatutoryDays, v.CommittedDays, v.SupplementPausesClock, v.LegalBasis, v.Guide, v.ChangedAt, v.ChangedBy, v.ChangeReason,
        v.Materials.OrderBy(m => m.Order).Select(m => new MatterMaterialView(m.Order, m.Name, m.Requirement, m.Deferrable)).ToList());

    /// <summary>The home units and windows a matter may name.</summary>
    public async Task<(IReadOnlyList<Choice> Units, IReadOnlyList<WindowChoice> Windows)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Viewer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = await db.HomeUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => new Choice(u.Id, u.Name)).ToListAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().OrderBy(w => w.Number)
            .Select(w => new WindowChoice(w.Id, w.Number, w.Name, w.HomeUnitId)).ToListAsync(cancellationToken);
        return (units, windows);
    }

    /// <summary>
    /// Creates a matter with version 1 (Id 0), or adds the next version of an existing one and makes
    /// it current. Bad input returns every message at once and writes nothing.
    /// </summary>
    public async Task<MatterSaveResult> SaveAsync(MatterEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        Matter? matter = null;
        var errors = new List<string>();
        if (edit.Id != 0)
        {
            matter = await db.Matters.Include(m => m.CurrentVersion).ThenInclude(v => v!.Materials)
                .SingleOrDefaultAsync(m => m.Id == edit.Id, cancellationToken);
            if (matter is null)
            {
                return new MatterSaveResult(null, [L["Matter.Gone"]]);
            }
        }
        var code = MatterRules.NormalizeCode(edit.Code);
        var otherCodes = await db.Matters.AsNoTracking().Where(m => m.Id != edit.Id).Select(m => m.Code).ToListAsync(cancellationToken);
        var materials = (edit.Materials ?? []).ToList();
        var reason = edit.Reason?.Trim();
        errors.AddRange(Messages(MatterRules.Check(
            new MatterDraft(code, edit.Name, edit.StatutoryDays, edit.CommittedDays, materials.Select(m => m.Name).ToList(), matter is not null, reason),
            otherCodes)));
        errors.AddRange(await CheckFieldsAsync(db, edit, materials, reason, cancellationToken));
        if (errors.Count > 0)
        {
            return new MatterSaveResult(null, errors);
        }

        var version = NewVersion(edit, materials, user.Name, reason);
        if (matter?.CurrentVersion is { } current
            && MatterRules.SameContent(current, version)
            && matter.Code == code && matter.Name == edit.Name.Trim() && matter.Kind == edit.Kind
            && matter.HomeUnitId == edit.HomeUnitId && matter.WindowId == edit.WindowId)
        {
            return new MatterSaveResult(null, [L["Matter.NothingChanged"]]);
        }

        try
        {
            var id = await SaveVersionAsync(db, matter, edit, code, version, cancellationToken);
            return new MatterSaveResult(id, []);
        }
        catch (DbUpdateException)
        {
            return new MatterSaveResult(null, [L["Matter.Conflict"]]);
        }
    }

    /// <summary>Takes a matter out of the catalogue (no new case is taken under it) or puts it back.</summary>
    public async Task<SaveResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matter = await db.Matters.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (matter is null)
        {
            return new SaveResult([L["Matter.Gone"]]);
        }
        if (matter.IsActive != active)
        {
            matter.IsActive = active;
            await db.SaveChangesAsync(cancellationToken);
        }
        return SaveResult.Ok;
    }

    /// <summary>
    /// Writes a new matter with its first version, or the next version of an existing one, and makes
    /// it current (two statements in the caller's or an own transaction: the matter and its current
    /// version point at each other). Returns the matter's id.
    /// </summary>
    internal async Task<int> SaveVersionAsync(
        HallDbContext db, Matter? matter, MatterEdit edit, string code, MatterVersion version, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (matter is null)
            {
                matter = new Matter { Code = code, Name = edit.Name.Trim() };
                db.Matters.Add(matter);
            }
            matter.Code = code;
            matter.Name = edit.Name.Trim();
            matter.Kind = edit.Kind;
            matter.HomeUnitId = edit.HomeUnitId;
            matter.WindowId = edit.WindowId;
            version.Number = matter.Id == 0 ? 1
                : await db.MatterVersions.Where(v => v.MatterId == matter.Id).MaxAsync(v => (int?)v.Number, cancellationToken) + 1 ?? 1;
            matter.Versions.Add(version);
            await db.SaveChangesAsync(cancellationToken);
            matter.CurrentVersionId = version.Id;
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return matter.Id;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    internal MatterVersion NewVersion(MatterEdit edit, IReadOnlyList<MaterialEdit> materials, string changedBy, string? reason) => new()
    {
        StatutoryDays = edit.StatutoryDays,
        CommittedDays = edit.CommittedDays,
        SupplementPausesClock = edit.SupplementPausesClock,
        LegalBasis = string.IsNullOrWhiteSpace(edit.LegalBasis) ? null : edit.LegalBasis.Trim(),
        Guide = (edit.Guide ?? "").Trim(),
        ChangedAt = time.GetUtcNow(),
        ChangedBy = changedBy,
        ChangeReason = string.IsNullOrEmpty(reason) ? null : reason,
        Materials = materials.Select((m, i) => new MatterMaterial
        {
            Order = i + 1,
            Name = MatterRules.NormalizeMaterial(m.Name),
            Requirement = string.IsNullOrWhiteSpace(m.Requirement) ? null : m.Requirement.Trim(),
            Deferrable = m.Deferrable,
        }).ToList(),
    };

    /// <summary>The rule's problems in the user's language.</summary>
    internal IEnumerable<string> Messages(IEnumerable<MatterIssue> issues) => issues.Select(i => i.Problem switch
    {
        MatterProblem.CodeTaken => L["Matter.CodeTaken", i.Item ?? ""].Value,
        MatterProblem.LimitTooLong => L["Matter.LimitTooLong", CaseClock.MaxDays].Value,
        MatterProblem.DuplicateMaterial => L["Matter.DuplicateMaterial", i.Item ?? ""].Value,
        _ => L[$"Matter.{i.Problem}"].Value,
    });

    /// <summary>Lengths, kind, unit and window: what the form can get wrong beyond the rule.</summary>
    private async Task<IReadOnlyList<string>> CheckFieldsAsync(
        HallDbContext db, MatterEdit edit, IReadOnlyList<MaterialEdit> materials, string? reason, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (MatterRules.NormalizeCode(edit.Code).Length > MaxCode)
        {
            errors.Add(L["Matter.CodeTooLong", MaxCode]);
        }
        if ((edit.Name ?? "").Trim().Length > MaxName)
        {
            errors.Add(L["Matter.NameTooLong", MaxName]);
        }
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["Matter.KindRequired"]);
        }
        if (edit.HomeUnitId is not { } unitId)
        {
            errors.Add(L["Matter.UnitRequired"]);
        }
        else if (!await db.HomeUnits.AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            errors.Add(L["Matter.UnitUnknown"]);
        }
        if (edit.WindowId is { } windowId && !await db.Windows.AnyAsync(w => w.Id == windowId, cancellationToken))
        {
            errors.Add(L["Matter.WindowUnknown"]);
        }
        if (materials.Count > MaxMaterials)
        {
            errors.Add(L["Matter.TooManyMaterials", MaxMaterials]);
        }
        if (materials.Any(m => (m.Name ?? "").Trim().Length > MaxMaterialName))
        {
            errors.Add(L["Matter.MaterialNameTooLong", MaxMaterialName]);
        }
        if (materials.Any(m => (m.Requirement ?? "").Trim().Length > MaxRequirement))
        {
            errors.Add(L["Matter.RequirementTooLong", MaxRequirement]);
        }
        if ((edit.LegalBasis ?? "").Trim().Length > MaxLegalBasis)
        {
            errors.Add(L["Matter.LegalBasisTooLong", MaxLegalBasis]);
        }
        if ((edit.Guide ?? "").Trim().Length > MaxGuide)
        {
            errors.Add(L["Matter.GuideTooLong", MaxGuide]);
        }
        if ((reason ?? "").Length > MaxReason)
        {
            errors.Add(L["Matter.ReasonTooLong", MaxReason]);
        }
        return errors;
    }
}
