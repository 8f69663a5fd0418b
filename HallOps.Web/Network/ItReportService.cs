using HallOps.Domain.Cases;
using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Network;

/// <summary>An asset as the report forms offer it; <see cref="IsMine"/> for what the reporter holds or stands at their window.</summary>
public sealed record AssetOption(int Id, string AssetNumber, EquipmentKind Kind, int? WindowNumber, string? Room, bool IsMine);

/// <summary>A virus incident as the reporter fills it (IT2).</summary>
public sealed class IncidentEdit
{
    public int? EquipmentId { get; set; }
    public string? Description { get; set; }
    public string? VirusName { get; set; }
    public bool? Cleaned { get; set; }
}

/// <summary>An external-media scan as the window fills it (IT3).</summary>
public sealed class MediaScanEdit
{
    public MediaKind Medium { get; set; } = MediaKind.UsbDisk;
    public string? Owner { get; set; }
    public string? OwnerUnit { get; set; }
    public string? Purpose { get; set; }
    public string? Antivirus { get; set; }
    public DateOnly? SignatureDate { get; set; }
    public MediaScanResult? Result { get; set; }
    public string? VirusName { get; set; }
    public int? EquipmentId { get; set; }
    public string? Note { get; set; }
}

/// <summary>One of my reports: an incident or a scan, newest first.</summary>
public sealed record MyItRow(
    string Kind, long Id, DateTimeOffset At, string Title, string? Number, VirusIncidentStatus? Status, MediaScanResult? Result, string? VirusName);

/// <summary>
/// Reporting at a window (ReportIt policy, re-checked on every action): a virus incident (IT2) on an
/// asset — normally one of mine; another's is allowed but flagged for the administrator — and an
/// external-media scan (IT3) with current antivirus; a positive scan opens its incident in the same
/// transaction, and a virus not cleaned alerts the network administrator at once.
/// </summary>
public sealed class ItReportService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxDescription = 1000;
    public const int MaxVirusName = 200;
    public const int MaxOwner = 50;
    public const int MaxOwnerUnit = 100;
    public const int MaxPurpose = 200;
    public const int MaxAntivirus = 100;
    public const int MaxNote = 500;

    /// <summary>The assets in use, mine (held by me or at my windows) first.</summary>
    public async Task<IReadOnlyList<AssetOption>> AssetsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.WindowsHeldBy(user.StaffId).ToListAsync(cancellationToken);
        var assets = await db.Equipment.AsNoTracking()
            .Where(e => e.Status != EquipmentStatus.Retired)
            .Select(e => new
            {
                e.Id, e.AssetNumber, e.Kind, e.WindowId, e.Room, e.HolderStaffId,
                WindowNumber = db.Windows.Where(w => w.Id == e.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return assets
            .Select(a => new AssetOption(a.Id, a.AssetNumber, a.Kind, a.WindowNumber, a.Room,
                IsMine(user.StaffId, windows, a.HolderStaffId, a.WindowId)))
            .OrderByDescending(a => a.IsMine).ThenBy(a => a.AssetNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>IT3: the oldest signature date the scan accepts today.</summary>
    public DateOnly OldestCurrentSignature() => ItRules.OldestCurrentSignature(Today(), options.Value.Network.SignatureMaxAgeDays);

    /// <summary>IT2: stores the report; a virus not cleaned is Open and alerts the network administrator at once. Returns the incident's number.</summary>
    public async Task<(SaveResult Result, string? Number)> ReportIncidentAsync(IncidentEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        var description = edit.Description?.Trim() ?? "";
        var virus = Blank(edit.VirusName);
        var errors = new List<string>();
        if (edit.EquipmentId is null)
        {
            errors.Add(L["ItReport.AssetRequired"]);
        }
        if (description.Length == 0)
        {
            errors.Add(L["ItReport.DescriptionRequired"]);
        }
        else if (description.Length > MaxDescription)
        {
            errors.Add(L["ItReport.DescriptionTooLong", MaxDescription]);
        }
        if (virus is { Length: > MaxVirusName })
        {
            errors.Add(L["ItReport.VirusNameTooLong", MaxVirusName]);
        }
        if (edit.Cleaned is null)
        {
            errors.Add(L["ItReport.CleanedRequired"]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = edit.EquipmentId is { } equipmentId
            ? await db.Equipment.AsNoTracking().Where(e => e.Id == equipmentId && e.Status != EquipmentStatus.Retired)
                .Select(e => new { e.Id, e.AssetNumber, e.WindowId, e.HolderStaffId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (edit.EquipmentId is not null && asset is null)
        {
            errors.Add(L["ItReport.AssetUnknown"]);
        }
        if (errors.Count > 0)
        {
            return (new SaveResult(errors), null);
        }
        var windows = await db.WindowsHeldBy(user.StaffId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var number = await DocumentNumbers.NextVirusIncidentNumberAsync(contexts, Today(), cancellationToken);
        var incident = new VirusIncident
        {
            Number = number,
            EquipmentId = asset!.Id,
            AssetNumber = asset.AssetNumber,
            NotReportersAsset = !IsMine(user.StaffId, windows, asset.HolderStaffId, asset.WindowId),
            WindowId = asset.WindowId ?? windows.Cast<int?>().FirstOrDefault(),
            ReporterStaffId = user.StaffId,
            ReportedBy = user.DisplayName,
            ReportedAt = now,
            Description = description,
            VirusName = virus,
            Status = ItRules.StatusOnReport(edit.Cleaned!.Value),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.VirusIncidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        if (incident.Status == VirusIncidentStatus.Open)
        {
            // IT2: what the reporter could not clean goes to the network administrator at once.
            db.Alerts.Add(ItIncidentMonitor.AlertFor(incident.Id, now, escalated: false));
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (SaveResult.Ok, number);
    }

    /// <summary>
    /// IT3: logs a scan. Refused, with nothing written, without a result or with antivirus signatures
    /// older than the setting. A virus found opens its incident in the same transaction (one per scan:
    /// a unique index on the scan's id); not cleaned, it alerts the network administrator at once.
    /// Returns the incident's number when one was opened.
    /// </summary>
    public async Task<(SaveResult Result, string? IncidentNumber)> LogScanAsync(MediaScanEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        var owner = edit.Owner?.Trim() ?? "";
        var unit = Blank(edit.OwnerUnit);
        var purpose = edit.Purpose?.Trim() ?? "";
        var antivirus = edit.Antivirus?.Trim() ?? "";
        var virus = Blank(edit.VirusName);
        var note = Blank(edit.Note);
        var today = Today();
        var errors = new List<string>();
        if (!Enum.IsDefined(edit.Medium))
        {
            errors.Add(L["MediaScan.MediumRequired"]);
        }
        Require(errors, owner, MaxOwner, "MediaScan.OwnerRequired", "MediaScan.OwnerTooLong");
        if (unit is { Length: > MaxOwnerUnit })
        {
            errors.Add(L["MediaScan.UnitTooLong", MaxOwnerUnit]);
        }
        Require(errors, purpose, MaxPurpose, "MediaScan.PurposeRequired", "MediaScan.PurposeTooLong");
        Require(errors, antivirus, MaxAntivirus, "MediaScan.AntivirusRequired", "MediaScan.AntivirusTooLong");
        if (edit.SignatureDate is not { } signature)
        {
            errors.Add(L["MediaScan.SignatureRequired"]);
        }
        else
        {
            var maxAge = options.Value.Network.SignatureMaxAgeDays;
            switch (ItRules.CheckSignature(signature, today, maxAge))
            {
                case SignatureCheck.Stale:
                    errors.Add(L["MediaScan.SignatureStale", maxAge, ItRules.OldestCurrentSignature(today, maxAge).ToString("yyyy-MM-dd")]);
                    break;
                case SignatureCheck.Future:
                    errors.Add(L["MediaScan.SignatureFuture"]);
                    break;
            }
        }
        if (edit.Result is not { } result || !Enum.IsDefined(result))
        {
            errors.Add(L["MediaScan.ResultRequired"]);
        }
        else if (result != MediaScanResult.Clean && virus is null)
        {
            errors.Add(L["MediaScan.VirusNameRequired"]);
        }
        if (virus is { Length: > MaxVirusName })
        {
            errors.Add(L["ItReport.VirusNameTooLong", MaxVirusName]);
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add(L["MediaScan.NoteTooLong", MaxNote]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = edit.EquipmentId is { } equipmentId
            ? await db.Equipment.AsNoTracking().Where(e => e.Id == equipmentId && e.Status != EquipmentStatus.Retired)
                .Select(e => new { e.Id, e.AssetNumber, e.WindowId, e.HolderStaffId }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (edit.EquipmentId is not null && asset is null)
        {
            errors.Add(L["ItReport.AssetUnknown"]);
        }
        if (errors.Count > 0)
        {
            return (new SaveResult(errors), null);
        }
        var windows = await db.WindowsHeldBy(user.StaffId).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var opens = ItRules.IncidentFor(edit.Result!.Value);
        // The number is taken in its own short transaction first (numbers may skip, never repeat).
        var number = opens is null ? null : await DocumentNumbers.NextVirusIncidentNumberAsync(contexts, today, cancellationToken);
        var scan = new MediaScan
        {
            Medium = edit.Medium,
            Owner = owner,
            OwnerUnit = unit,
            Purpose = purpose,
            Antivirus = antivirus,
            SignatureDate = edit.SignatureDate!.Value,
            Result = edit.Result.Value,
            VirusName = opens is null ? null : virus,
            EquipmentId = asset?.Id,
            WindowId = asset?.WindowId ?? windows.Cast<int?>().FirstOrDefault(),
            StaffId = user.StaffId,
            ScannedBy = user.DisplayName,
            ScannedAt = now,
            Note = note,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.MediaScans.Add(scan);
        await db.SaveChangesAsync(cancellationToken);
        if (opens is { } status)
        {
            var incident = new VirusIncident
            {
                Number = number!,
                EquipmentId = asset?.Id,
                AssetNumber = asset?.AssetNumber,
                NotReportersAsset = asset is not null && !IsMine(user.StaffId, windows, asset.HolderStaffId, asset.WindowId),
                WindowId = scan.WindowId,
                ReporterStaffId = user.StaffId,
                ReportedBy = user.DisplayName,
                ReportedAt = now,
                Description = L["MediaScan.IncidentDescription", L[$"MediaScan.Medium.{edit.Medium}"], owner, unit ?? "", purpose].Value,
                VirusName = virus,
                Status = status,
                MediaScanId = scan.Id,
            };
            db.VirusIncidents.Add(incident);
            await db.SaveChangesAsync(cancellationToken);
            scan.IncidentId = incident.Id;
            if (status == VirusIncidentStatus.Open)
            {
                db.Alerts.Add(ItIncidentMonitor.AlertFor(incident.Id, now, escalated: false));
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (SaveResult.Ok, number);
    }

    /// <summary>My reports and scans of the last 30 days, newest first.</summary>
    public async Task<IReadOnlyList<MyItRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        var since = time.GetUtcNow().AddDays(-30);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incidents = await db.VirusIncidents.AsNoTracking()
            .Where(v => v.ReportedAt >= since && v.MediaScanId == null
                && (user.StaffId != null ? v.ReporterStaffId == user.StaffId : v.ReportedBy == user.DisplayName))
            .OrderByDescending(v => v.ReportedAt).Take(20)
            .Select(v => new MyItRow("incident", v.Id, v.ReportedAt, v.AssetNumber ?? "", v.Number, v.Status, null, v.VirusName))
            .ToListAsync(cancellationToken);
        var scans = await db.MediaScans.AsNoTracking()
            .Where(m => m.ScannedAt >= since && (user.StaffId != null ? m.StaffId == user.StaffId : m.ScannedBy == user.DisplayName))
            .OrderByDescending(m => m.ScannedAt).Take(20)
            .Select(m => new MyItRow("scan", m.Id, m.ScannedAt, m.Owner, db.VirusIncidents.Where(v => v.Id == m.IncidentId).Select(v => v.Number).FirstOrDefault(),
                db.VirusIncidents.Where(v => v.Id == m.IncidentId).Select(v => (VirusIncidentStatus?)v.Status).FirstOrDefault(), m.Result, m.VirusName))
            .ToListAsync(cancellationToken);
        return incidents.Concat(scans).OrderByDescending(r => r.At).Take(20).ToList();
    }

    private static bool IsMine(int? staffId, IReadOnlyCollection<int> windows, int? holder, int? windowId) =>
        (staffId is not null && holder == staffId) || (windowId is { } id && windows.Contains(id));

    private void Require(List<string> errors, string value, int max, string requiredKey, string tooLongKey)
    {
        if (value.Length == 0)
        {
            errors.Add(L[requiredKey]);
        }
        else if (value.Length > max)
        {
            errors.Add(L[tooLongKey, max]);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone()).DateTime);
}
