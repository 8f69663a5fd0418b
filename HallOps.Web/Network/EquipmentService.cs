using System.Globalization;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using HallOps.Web.Cases;
using HallOps.Web.Guard;
using HallOps.Web.Identity;
using HallOps.Web.Imports;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace HallOps.Web.Network;

/// <summary>
/// 设备登记 (IT4, IT5, IT6): the network administrator's equipment register — register, edit, move
/// (window, room or holder: a 移机 history line from → to), repair, status changes, maintenance
/// (the next date one interval on) and retirement, each a history line; an all-or-nothing xlsx import;
/// the printed labels. The Network policy, re-checked on every read and action. The holder's side
/// (IT5): the machines I hold and the quarterly boot-password confirmation, by the holder only.
/// An asset number is stored trimmed and upper-case and used once (the unique index backs the check).
/// </summary>
public sealed class EquipmentService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxRows = 2000;
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The import's columns, in the template's order.</summary>
    public static readonly string[] Columns = ["资产编号", "类别", "品牌型号", "窗口号", "房间", "使用人", "存有重要文件", "维护周期(天)"];

    private static readonly string[] EnglishColumns = ["AssetNumber", "Kind", "Model", "Window", "Room", "Holder", "ImportantFiles", "MaintenanceDays"];

    /// <summary>The kind words the import accepts (Chinese and English).</summary>
    private static readonly Dictionary<string, EquipmentKind> KindWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["电脑"] = EquipmentKind.Pc, ["计算机"] = EquipmentKind.Pc, ["PC"] = EquipmentKind.Pc, ["台式机"] = EquipmentKind.Pc, ["笔记本"] = EquipmentKind.Pc,
        ["打印机"] = EquipmentKind.Printer, ["Printer"] = EquipmentKind.Printer,
        ["扫描仪"] = EquipmentKind.Scanner, ["Scanner"] = EquipmentKind.Scanner,
        ["交换机"] = EquipmentKind.Switch, ["Switch"] = EquipmentKind.Switch,
        ["服务器"] = EquipmentKind.Server, ["Server"] = EquipmentKind.Server,
        ["其他"] = EquipmentKind.Other, ["其它"] = EquipmentKind.Other, ["Other"] = EquipmentKind.Other,
    };

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.OrdinalIgnoreCase)
    {
        ["是"] = true, ["否"] = false, ["Y"] = true, ["N"] = false, ["Yes"] = true, ["No"] = false, ["1"] = true, ["0"] = false, ["true"] = true, ["false"] = false,
    };

    public TimeZoneInfo Zone => options.Value.Zone();

    private int GraceDays => options.Value.Network.BootPasswordGraceWorkingDays;

    // ---- The register (Network policy) ----

    public async Task<EquipmentView> ListAsync(EquipmentFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        filter ??= new EquipmentFilter();
        var (calendar, today) = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, db.Equipment.AsNoTracking(), calendar, today, cancellationToken);
        var search = filter.Search?.Trim();
        var filtered = rows.Where(r =>
                (filter.Status is { } status ? r.Status == status : filter.IncludeRetired || r.Status != EquipmentStatus.Retired)
                && (filter.Kind is not { } kind || r.Kind == kind)
                && (filter.WindowId is not { } window || r.WindowId == window)
                && (string.IsNullOrWhiteSpace(filter.Room) || string.Equals(r.Room, filter.Room.Trim(), StringComparison.Ordinal))
                && (filter.HolderStaffId is not { } holder || r.HolderStaffId == holder)
                && (filter.HoldsImportantFiles is not { } important || r.HoldsImportantFiles == important)
                && (!filter.BootPasswordDue || r.BootPassword is BootPasswordState.Due or BootPasswordState.Overdue)
                && (!filter.MaintenanceDue || r.MaintenanceDue)
                && (string.IsNullOrEmpty(search)
                    || r.AssetNumber.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || (r.Model?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)))
            .OrderBy(r => r.Status == EquipmentStatus.Retired ? 1 : 0)
            .ThenBy(r => r.AssetNumber, StringComparer.Ordinal)
            .ToList();
        return await ViewAsync(db, calendar, today, filtered, cancellationToken);
    }

    /// <summary>One asset with its history, newest first; null when there is no such asset.</summary>
    public async Task<EquipmentDetail?> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var (calendar, today) = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, db.Equipment.AsNoTracking().Where(e => e.Id == id), calendar, today, cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }
        var history = await db.EquipmentEvents.AsNoTracking().Where(h => h.EquipmentId == id)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .Select(h => new EquipmentHistoryLine(h.Id, h.Kind, h.At, h.By, h.From, h.To, h.Note))
            .ToListAsync(cancellationToken);
        return new EquipmentDetail(rows[0], history, await ViewAsync(db, calendar, today, [], cancellationToken));
    }

    /// <summary>Registers a new asset (IT4): a Registered history line. An asset number already used, in any case, is refused.</summary>
    public async Task<EquipmentResult> RegisterAsync(EquipmentEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        var (_, today) = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var number = EquipmentRules.NormalizeAssetNumber(edit.AssetNumber);
        var errors = await ValidateAsync(db, edit, cancellationToken);
        if (errors.Count == 0 && await db.Equipment.AnyAsync(e => e.AssetNumber == number, cancellationToken))
        {
            errors.Add(L["Equipment.NumberTaken", number]);
        }
        if (errors.Count > 0)
        {
            return new EquipmentResult(null, errors);
        }
        var now = time.GetUtcNow();
        var asset = new Equipment
        {
            AssetNumber = number,
            Kind = edit.Kind,
            Model = Blank(edit.Model),
            WindowId = edit.WindowId,
            Room = edit.WindowId is null ? Blank(edit.Room) : null,
            HolderStaffId = edit.HolderStaffId,
            HoldsImportantFiles = edit.HoldsImportantFiles,
            Status = edit.Status,
            MaintenanceIntervalDays = edit.MaintenanceIntervalDays,
            NextMaintenanceOn = edit.NextMaintenanceOn is { } next ? DateOnly.FromDateTime(next)
                : edit.MaintenanceIntervalDays > 0 ? today.AddDays(edit.MaintenanceIntervalDays) : null,
            Note = Blank(edit.Note),
            RegisteredAt = now,
        };
        asset.History.Add(new EquipmentEvent
        {
            Kind = EquipmentEventKind.Registered, At = now, By = user.DisplayName,
            To = await PlaceTextAsync(db, asset.WindowId, asset.Room, asset.HolderStaffId, cancellationToken),
        });
        db.Equipment.Add(asset);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator registered the same number between the check and the save: the unique index refused it.
            return EquipmentResult.Failed(L["Equipment.NumberTaken", number]);
        }
        return EquipmentResult.Ok(asset.Id);
    }

    /// <summary>
    /// Edits an asset. A changed window, room or holder is a move (移机): a Moved history line from → to;
    /// a changed status a StatusChanged line. A form changed meanwhile by someone else is refused.
    /// </summary>
    public async Task<EquipmentResult> EditAsync(EquipmentEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == edit.Id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        if (asset.Version != edit.Version)
        {
            return EquipmentResult.Failed(L["Equipment.ChangedMeanwhile"]);
        }
        var number = EquipmentRules.NormalizeAssetNumber(edit.AssetNumber);
        var errors = await ValidateAsync(db, edit, cancellationToken);
        if (errors.Count == 0 && await db.Equipment.AnyAsync(e => e.AssetNumber == number && e.Id != asset.Id, cancellationToken))
        {
            errors.Add(L["Equipment.NumberTaken", number]);
        }
        if (errors.Count > 0)
        {
            return new EquipmentResult(null, errors);
        }
        var now = time.GetUtcNow();
        var room = edit.WindowId is null ? Blank(edit.Room) : null;
        if (asset.WindowId != edit.WindowId || asset.Room != room || asset.HolderStaffId != edit.HolderStaffId)
        {
            db.EquipmentEvents.Add(new EquipmentEvent
            {
                EquipmentId = asset.Id, Kind = EquipmentEventKind.Moved, At = now, By = user.DisplayName,
                From = await PlaceTextAsync(db, asset.WindowId, asset.Room, asset.HolderStaffId, cancellationToken),
                To = await PlaceTextAsync(db, edit.WindowId, room, edit.HolderStaffId, cancellationToken),
            });
        }
        if (asset.Status != edit.Status)
        {
            db.EquipmentEvents.Add(StatusLine(asset, asset.Status, edit.Status, null, now, user.DisplayName));
        }
        asset.AssetNumber = number;
        asset.Kind = edit.Kind;
        asset.Model = Blank(edit.Model);
        asset.WindowId = edit.WindowId;
        asset.Room = room;
        asset.HolderStaffId = edit.HolderStaffId;
        asset.HoldsImportantFiles = edit.HoldsImportantFiles;
        asset.Status = edit.Status;
        asset.MaintenanceIntervalDays = edit.MaintenanceIntervalDays;
        asset.NextMaintenanceOn = edit.NextMaintenanceOn is { } next ? DateOnly.FromDateTime(next) : null;
        asset.Note = Blank(edit.Note);
        return await SaveAsync(db, asset, number, cancellationToken);
    }

    /// <summary>A move only (移机): another window or room, another holder. A Moved history line.</summary>
    public async Task<EquipmentResult> MoveAsync(int id, int? windowId, string? room, int? holderStaffId, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        room = windowId is null ? Blank(room) : null;
        var errors = await PlaceErrorsAsync(db, windowId, room, holderStaffId, cancellationToken);
        if (Blank(note) is { Length: > EquipmentRules.MaxNote })
        {
            errors.Add(L["Equipment.NoteTooLong", EquipmentRules.MaxNote]);
        }
        if (asset.WindowId == windowId && asset.Room == room && asset.HolderStaffId == holderStaffId)
        {
            errors.Add(L["Equipment.MoveSame"]);
        }
        if (errors.Count > 0)
        {
            return new EquipmentResult(null, errors);
        }
        db.EquipmentEvents.Add(new EquipmentEvent
        {
            EquipmentId = asset.Id, Kind = EquipmentEventKind.Moved, At = time.GetUtcNow(), By = user.DisplayName, Note = Blank(note),
            From = await PlaceTextAsync(db, asset.WindowId, asset.Room, asset.HolderStaffId, cancellationToken),
            To = await PlaceTextAsync(db, windowId, room, holderStaffId, cancellationToken),
        });
        asset.WindowId = windowId;
        asset.Room = room;
        asset.HolderStaffId = holderStaffId;
        return await SaveAsync(db, asset, asset.AssetNumber, cancellationToken);
    }

    /// <summary>A status change (在用/备用/维修中/报废): a StatusChanged history line with the reason.</summary>
    public async Task<EquipmentResult> SetStatusAsync(int id, EquipmentStatus status, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        if (!Enum.IsDefined(status))
        {
            return EquipmentResult.Failed(L["Equipment.StatusInvalid"]);
        }
        note = Blank(note);
        if (note is { Length: > EquipmentRules.MaxNote })
        {
            return EquipmentResult.Failed(L["Equipment.NoteTooLong", EquipmentRules.MaxNote]);
        }
        if (status == EquipmentStatus.Retired && note is null)
        {
            return EquipmentResult.Failed(L["Equipment.RetireNeedsReason"]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        if (asset.Status == status)
        {
            return EquipmentResult.Failed(L["Equipment.StatusSame"]);
        }
        db.EquipmentEvents.Add(StatusLine(asset, asset.Status, status, note, time.GetUtcNow(), user.DisplayName));
        asset.Status = status;
        return await SaveAsync(db, asset, asset.AssetNumber, cancellationToken);
    }

    /// <summary>报废 (retire): kept in the register for its history, no longer checked. A reason is required.</summary>
    public Task<EquipmentResult> RetireAsync(int id, string? reason, CancellationToken cancellationToken = default) =>
        SetStatusAsync(id, EquipmentStatus.Retired, reason, cancellationToken);

    /// <summary>维修: what was repaired (required); a machine 维修中 goes back into use.</summary>
    public async Task<EquipmentResult> RecordRepairAsync(int id, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        note = Blank(note);
        if (note is null)
        {
            return EquipmentResult.Failed(L["Equipment.RepairNeedsNote"]);
        }
        if (note.Length > EquipmentRules.MaxNote)
        {
            return EquipmentResult.Failed(L["Equipment.NoteTooLong", EquipmentRules.MaxNote]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        if (asset.Status == EquipmentStatus.Retired)
        {
            return EquipmentResult.Failed(L["Equipment.Retired"]);
        }
        var line = new EquipmentEvent { EquipmentId = asset.Id, Kind = EquipmentEventKind.Repaired, At = time.GetUtcNow(), By = user.DisplayName, Note = note };
        if (asset.Status == EquipmentStatus.InRepair)
        {
            line.From = StatusName(EquipmentStatus.InRepair);
            line.To = StatusName(EquipmentStatus.InUse);
            asset.Status = EquipmentStatus.InUse;
        }
        db.EquipmentEvents.Add(line);
        return await SaveAsync(db, asset, asset.AssetNumber, cancellationToken);
    }

    /// <summary>IT6 维护: a Maintained line; last maintained today, the next date one interval on.</summary>
    public async Task<EquipmentResult> RecordMaintenanceAsync(int id, string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        var (_, today) = await TodayAsync();
        note = Blank(note);
        if (note is { Length: > EquipmentRules.MaxNote })
        {
            return EquipmentResult.Failed(L["Equipment.NoteTooLong", EquipmentRules.MaxNote]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        if (asset.Status == EquipmentStatus.Retired)
        {
            return EquipmentResult.Failed(L["Equipment.Retired"]);
        }
        var next = EquipmentRules.NextMaintenance(asset.NextMaintenanceOn, asset.MaintenanceIntervalDays, today);
        db.EquipmentEvents.Add(new EquipmentEvent
        {
            EquipmentId = asset.Id, Kind = EquipmentEventKind.Maintained, At = time.GetUtcNow(), By = user.DisplayName, Note = note,
            From = asset.NextMaintenanceOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            To = next?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        asset.LastMaintainedOn = today;
        asset.NextMaintenanceOn = next;
        return await SaveAsync(db, asset, asset.AssetNumber, cancellationToken);
    }

    // ---- The holder's side (IT5, ReportIt policy) ----

    /// <summary>The machines the signed-in person holds (not retired), with this quarter's boot-password state.</summary>
    public async Task<MyEquipmentView> MineAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        var (calendar, today) = await TodayAsync();
        var confirmBy = EquipmentRules.ConfirmBy(today, GraceDays, calendar);
        if (user.StaffId is not { } staffId)
        {
            return new MyEquipmentView(today, confirmBy, []);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await RowsAsync(db, db.Equipment.AsNoTracking().Where(e => e.HolderStaffId == staffId && e.Status != EquipmentStatus.Retired),
            calendar, today, cancellationToken);
        return new MyEquipmentView(today, confirmBy, rows
            .OrderBy(r => r.BootPassword is BootPasswordState.Overdue ? 0 : r.BootPassword is BootPasswordState.Due ? 1 : 2)
            .ThenBy(r => r.AssetNumber, StringComparer.Ordinal)
            .Select(r => new MyEquipmentRow(r.Id, r.AssetNumber, r.Kind, r.Model, PlaceOf(r), r.HoldsImportantFiles,
                r.BootPasswordConfirmedOn, r.BootPassword, r.Status))
            .ToList());
    }

    /// <summary>
    /// IT5 确认已设置开机密码: only the machine's holder, once a quarter, for a machine holding important
    /// files. A BootPasswordConfirmed history line; the machine's open alert is resolved at once.
    /// </summary>
    public async Task<EquipmentResult> ConfirmBootPasswordAsync(int id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.ReportIt);
        var user = await currentUser.GetAsync();
        var (_, today) = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var asset = await db.Equipment.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (asset is null)
        {
            return EquipmentResult.Failed(L["Equipment.Unknown"]);
        }
        if (user.StaffId is null || asset.HolderStaffId != user.StaffId)
        {
            return EquipmentResult.Failed(L["MyEquipment.NotHolder"]);
        }
        if (!asset.HoldsImportantFiles || asset.Status == EquipmentStatus.Retired)
        {
            return EquipmentResult.Failed(L["MyEquipment.NotRequired"]);
        }
        if (asset.BootPasswordConfirmedOn is { } on && on >= EquipmentRules.QuarterStart(today))
        {
            return EquipmentResult.Failed(L["MyEquipment.AlreadyConfirmed", on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        }
        var now = time.GetUtcNow();
        asset.BootPasswordConfirmedOn = today;
        asset.BootPasswordConfirmedBy = user.DisplayName;
        db.EquipmentEvents.Add(new EquipmentEvent { EquipmentId = asset.Id, Kind = EquipmentEventKind.BootPasswordConfirmed, At = now, By = user.DisplayName });
        var subject = HallSubjects.Equipment(asset.Id);
        foreach (var alert in await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.BootPasswordUnconfirmed && a.Subject == subject).ToListAsync(cancellationToken))
        {
            AlertRules.Resolve(alert, now);
        }
        return await SaveAsync(db, asset, asset.AssetNumber, cancellationToken);
    }

    // ---- Labels ----

    /// <summary>The labels of the given assets (all not retired when none are given), each with a QR code of its page on this app's own origin.</summary>
    public async Task<IReadOnlyList<EquipmentLabel>> LabelsAsync(IReadOnlyCollection<int> ids, string origin, CancellationToken cancellationToken = default)
    {
        var view = await ListAsync(new EquipmentFilter { IncludeRetired = ids.Count > 0 }, cancellationToken);
        return view.Rows.Where(r => ids.Count == 0 || ids.Contains(r.Id))
            .Select(r => new EquipmentLabel(r.Id, r.AssetNumber, r.Kind, r.Model, PlaceOf(r), CheckpointLabels.QrSvg(AssetUrl(origin, r.Id))))
            .ToList();
    }

    /// <summary>The absolute address of an asset's page.</summary>
    public static string AssetUrl(string origin, int id) => $"{origin.TrimEnd('/')}/network/equipment/{id.ToString(CultureInfo.InvariantCulture)}";

    // ---- Import ----

    /// <summary>
    /// Imports a register from xlsx (资产编号, 类别, 品牌型号, 窗口号 or 房间, 使用人, 存有重要文件, 维护周期(天)):
    /// all or nothing, every bad row listed by its row number — a number twice in the file or already in
    /// the register (in any case), an unknown window or person, a kind not known.
    /// </summary>
    public async Task<EquipmentImportResult> ImportAsync(string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var user = await currentUser.GetAsync();
        if (!string.Equals(Path.GetExtension(fileName ?? ""), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return Failed(L["Equipment.Import.NotXlsx"]);
        }
        using var buffer = new MemoryStream();
        try
        {
            await ImportFiles.CopyLimitedAsync(content, buffer, MaxFileBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return Failed(L["Equipment.Import.TooLarge", MaxFileBytes / 1024 / 1024]);
        }
        buffer.Position = 0;
        List<string?[]> lines;
        try
        {
            lines = CaseImportService.ReadXlsx(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException
                                      or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            return Failed(L["Equipment.Import.Unreadable"]);
        }
        var headerIndex = lines.FindIndex(l => l.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (headerIndex < 0)
        {
            return Failed(L["Equipment.Import.Empty"]);
        }
        var columns = new Dictionary<int, int>();
        var header = lines[headerIndex];
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i]?.Trim().TrimStart('\uFEFF') ?? "";
            var field = Array.IndexOf(Columns, name) is var zh and >= 0 ? zh
                : name == "房间号" ? 4 : name is "维护周期" or "维护周期（天）" ? 7
                : Array.FindIndex(EnglishColumns, c => c.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (name.Length > 0 && field >= 0)
            {
                columns.TryAdd(field, i);
            }
        }
        var missing = new[] { 0, 1 }.Where(f => !columns.ContainsKey(f)).Select(f => Columns[f]).ToList();
        if (!columns.ContainsKey(3) && !columns.ContainsKey(4))
        {
            missing.Add(L["Equipment.Import.WindowOrRoom"]);
        }
        if (missing.Count > 0)
        {
            return Failed(L["Equipment.Import.MissingColumns", string.Join(L["CaseImport.ListSeparator"], missing)]);
        }

        var (_, today) = await TodayAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        var registered = (await db.Equipment.AsNoTracking().Select(e => e.AssetNumber).ToListAsync(cancellationToken))
            .Select(n => n.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);

        var errors = new List<EquipmentImportError>();
        var assets = new List<Equipment>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowCount = 0;
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var cells = lines[i];
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (++rowCount > MaxRows)
            {
                return Failed(L["Equipment.Import.TooManyRows", MaxRows]);
            }
            var row = i + 1;
            string? Cell(int field) => columns.TryGetValue(field, out var at) && at < cells.Length ? Blank(cells[at]) : null;
            var rowErrors = new List<string>();

            var number = EquipmentRules.NormalizeAssetNumber(Cell(0));
            var problem = EquipmentRules.CheckAssetNumber(number);
            if (problem != AssetNumberProblem.None)
            {
                rowErrors.Add(NumberProblem(problem, number));
            }
            else if (seen.TryGetValue(number, out var first))
            {
                rowErrors.Add(L["Equipment.Import.NumberRepeated", number, first]);
            }
            else
            {
                seen[number] = row;
                if (registered.Contains(number))
                {
                    rowErrors.Add(L["Equipment.NumberTaken", number]);
                }
            }

            var kindText = Cell(1);
            var kind = EquipmentKind.Other;
            if (kindText is null)
            {
                rowErrors.Add(L["Equipment.Import.KindRequired"]);
            }
            else if (!KindWords.TryGetValue(kindText, out kind))
            {
                rowErrors.Add(L["Equipment.Import.KindUnknown", kindText]);
            }

            var model = Cell(2);
            if (model is { Length: > EquipmentRules.MaxModel })
            {
                rowErrors.Add(L["Equipment.ModelTooLong", EquipmentRules.MaxModel]);
            }

            int? windowId = null;
            var windowText = Cell(3);
            var room = Cell(4);
            if (windowText is not null)
            {
                var digits = System.Text.RegularExpressions.Regex.Match(windowText, "^\\s*(\\d{1,4})").Groups[1].Value;
                var matches = windows.Where(w => w.Name == windowText || (digits.Length > 0 && w.Number.ToString(CultureInfo.InvariantCulture) == digits)).ToList();
                if (matches.Count != 1)
                {
                    rowErrors.Add(L["Equipment.Import.WindowUnknown", windowText]);
                }
                else
                {
                    windowId = matches[0].Id;
                    room = null;
                }
            }
            else if (room is null)
            {
                rowErrors.Add(L["Equipment.PlaceRequired"]);
            }
            else if (room.Length > EquipmentRules.MaxRoom)
            {
                rowErrors.Add(L["Equipment.RoomTooLong", EquipmentRules.MaxRoom]);
            }

            int? holderId = null;
            if (Cell(5) is { } holderText)
            {
                var byNo = staff.Where(s => s.EmployeeNo == holderText).ToList();
                var matches = byNo.Count > 0 ? byNo : staff.Where(s => s.Name == holderText).ToList();
                if (matches.Count == 0)
                {
                    rowErrors.Add(L["Equipment.Import.HolderUnknown", holderText]);
                }
                else if (matches.Count > 1)
                {
                    rowErrors.Add(L["Equipment.Import.HolderAmbiguous", holderText]);
                }
                else
                {
                    holderId = matches[0].Id;
                }
            }

            var important = false;
            if (Cell(6) is { } importantText && !YesNo.TryGetValue(importantText, out important))
            {
                rowErrors.Add(L["Equipment.Import.YesNoInvalid", importantText]);
            }

            var interval = 0;
            if (Cell(7) is { } intervalText
                && (!int.TryParse(intervalText, NumberStyles.None, CultureInfo.InvariantCulture, out interval) || interval > EquipmentRules.MaxIntervalDays))
            {
                rowErrors.Add(L["Equipment.Import.IntervalInvalid", intervalText, EquipmentRules.MaxIntervalDays]);
            }

            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors.Select(e => new EquipmentImportError(row, e)));
                continue;
            }
            var asset = new Equipment
            {
                AssetNumber = number, Kind = kind, Model = model, WindowId = windowId, Room = room, HolderStaffId = holderId,
                HoldsImportantFiles = important, MaintenanceIntervalDays = interval,
                NextMaintenanceOn = interval > 0 ? today.AddDays(interval) : null, RegisteredAt = now,
            };
            asset.History.Add(new EquipmentEvent
            {
                Kind = EquipmentEventKind.Registered, At = now, By = user.DisplayName, Note = L["Equipment.Import.HistoryNote", fileName ?? ""],
                To = await PlaceTextAsync(db, windowId, room, holderId, cancellationToken),
            });
            assets.Add(asset);
        }
        if (rowCount == 0)
        {
            return Failed(L["Equipment.Import.NoRows"]);
        }
        if (errors.Count > 0)
        {
            return new EquipmentImportResult(0, errors, null);
        }
        db.Equipment.AddRange(assets);
        try
        {
            // One SaveChanges, one transaction: every asset or none.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Failed(L["Equipment.Import.Concurrent"]);
        }
        return new EquipmentImportResult(assets.Count, [], null);
    }

    /// <summary>The import template: the columns and three example rows.</summary>
    public static byte[] Template()
    {
        string[][] examples =
        [
            ["PC-W21", "电脑", "联想 启天 M450", "1", "", "张晓明", "是", "180"],
            ["PR-W21", "打印机", "惠普 LaserJet M405", "2", "", "", "否", "90"],
            ["SW-02", "交换机", "华为 S5735", "", "二楼机房", "", "否", "365"],
        ];
        var rows = examples.Select(values => Columns.Select((c, i) => (c, (object)values[i])).ToDictionary(p => p.c, p => p.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, EnableAutoWidth = true });
        return stream.ToArray();
    }

    // ---- Names ----

    public string KindName(EquipmentKind kind) => L[$"Equipment.Kind.{kind}"];

    public string StatusName(EquipmentStatus status) => L[$"Equipment.Status.{status}"];

    public string EventName(EquipmentEventKind kind) => L[$"Equipment.Event.{kind}"];

    public string BootPasswordName(BootPasswordState state) => L[$"Equipment.BootPassword.{state}"];

    /// <summary>Where an asset is, as the register shows it: the window or the room.</summary>
    public string PlaceOf(EquipmentRow row) =>
        row.WindowNumber is { } n ? L["Equipment.WindowPlace", n, row.WindowName ?? ""] : row.Room ?? L["Equipment.NoPlace"];

    // ---- Helpers ----

    private async Task<(WorkingCalendar Calendar, DateOnly Today)> TodayAsync()
    {
        var calendar = await calendars.GetAsync();
        return (calendar, calendar.LocalDate(time.GetUtcNow()));
    }

    private async Task<List<EquipmentRow>> RowsAsync(HallDbContext db, IQueryable<Equipment> query, WorkingCalendar calendar, DateOnly today,
        CancellationToken cancellationToken)
    {
        var items = await query
            .Select(e => new
            {
                Asset = e,
                WindowNumber = db.Windows.Where(w => w.Id == e.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
                WindowName = db.Windows.Where(w => w.Id == e.WindowId).Select(w => w.Name).FirstOrDefault(),
                HolderName = db.StaffMembers.Where(s => s.Id == e.HolderStaffId).Select(s => s.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var grace = GraceDays;
        return items.Select(i => new EquipmentRow(
                i.Asset.Id, i.Asset.AssetNumber, i.Asset.Kind, i.Asset.Model, i.Asset.WindowId, i.WindowNumber, i.WindowName, i.Asset.Room,
                i.Asset.HolderStaffId, i.HolderName, i.Asset.HoldsImportantFiles, i.Asset.BootPasswordConfirmedOn, i.Asset.BootPasswordConfirmedBy,
                i.Asset.Status, i.Asset.NextMaintenanceOn, i.Asset.MaintenanceIntervalDays, i.Asset.LastMaintainedOn, i.Asset.Note, i.Asset.RegisteredAt,
                EquipmentRules.BootPassword(i.Asset.HoldsImportantFiles, i.Asset.Status, i.Asset.BootPasswordConfirmedOn, today, grace, calendar),
                EquipmentRules.MaintenanceDue(i.Asset.NextMaintenanceOn, i.Asset.Status, today),
                i.Asset.Version))
            .ToList();
    }

    private async Task<EquipmentView> ViewAsync(HallDbContext db, WorkingCalendar calendar, DateOnly today, IReadOnlyList<EquipmentRow> rows,
        CancellationToken cancellationToken)
    {
        var windows = await db.Windows.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.EmployeeNo)
            .Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        var rooms = await db.Equipment.AsNoTracking().Where(e => e.Room != null).Select(e => e.Room!).Distinct().ToListAsync(cancellationToken);
        return new EquipmentView(today, EquipmentRules.ConfirmBy(today, GraceDays, calendar), rows,
            windows.Select(w => new Choice(w.Id, L["Equipment.WindowPlace", w.Number, w.Name])).ToList(),
            staff.Select(s => new Choice(s.Id, $"{s.Name} ({s.EmployeeNo})")).ToList(),
            rooms.Order(StringComparer.Ordinal).ToList());
    }

    private async Task<List<string>> ValidateAsync(HallDbContext db, EquipmentEdit edit, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var number = EquipmentRules.NormalizeAssetNumber(edit.AssetNumber);
        if (EquipmentRules.CheckAssetNumber(number) is var problem and not AssetNumberProblem.None)
        {
            errors.Add(NumberProblem(problem, number));
        }
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["Equipment.KindInvalid"]);
        }
        if (!Enum.IsDefined(edit.Status))
        {
            errors.Add(L["Equipment.StatusInvalid"]);
        }
        if (Blank(edit.Model) is { Length: > EquipmentRules.MaxModel })
        {
            errors.Add(L["Equipment.ModelTooLong", EquipmentRules.MaxModel]);
        }
        if (Blank(edit.Note) is { Length: > EquipmentRules.MaxNote })
        {
            errors.Add(L["Equipment.NoteTooLong", EquipmentRules.MaxNote]);
        }
        if (edit.MaintenanceIntervalDays is < 0 or > EquipmentRules.MaxIntervalDays)
        {
            errors.Add(L["Equipment.IntervalInvalid", EquipmentRules.MaxIntervalDays]);
        }
        errors.AddRange(await PlaceErrorsAsync(db, edit.WindowId, edit.WindowId is null ? Blank(edit.Room) : null, edit.HolderStaffId, cancellationToken));
        return errors;
    }

    private async Task<List<string>> PlaceErrorsAsync(HallDbContext db, int? windowId, string? room, int? holderId, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (windowId is { } w && !await db.Windows.AnyAsync(x => x.Id == w, cancellationToken))
        {
            errors.Add(L["Equipment.WindowUnknown"]);
        }
        if (windowId is null && room is null)
        {
            errors.Add(L["Equipment.PlaceRequired"]);
        }
        if (room is { Length: > EquipmentRules.MaxRoom })
        {
            errors.Add(L["Equipment.RoomTooLong", EquipmentRules.MaxRoom]);
        }
        if (holderId is { } h && !await db.StaffMembers.AnyAsync(s => s.Id == h, cancellationToken))
        {
            errors.Add(L["Equipment.HolderUnknown"]);
        }
        return errors;
    }

    private string NumberProblem(AssetNumberProblem problem, string number) => problem switch
    {
        AssetNumberProblem.Required => L["Equipment.NumberRequired"],
        AssetNumberProblem.TooLong => L["Equipment.NumberTooLong", EquipmentRules.MaxAssetNumber],
        _ => L["Equipment.NumberCharacters", number],
    };

    private async Task<string> PlaceTextAsync(HallDbContext db, int? windowId, string? room, int? holderId, CancellationToken cancellationToken)
    {
        var place = room ?? L["Equipment.NoPlace"];
        if (windowId is { } w && await db.Windows.AsNoTracking().Where(x => x.Id == w).Select(x => new { x.Number, x.Name }).FirstOrDefaultAsync(cancellationToken) is { } window)
        {
            place = L["Equipment.WindowPlace", window.Number, window.Name];
        }
        var holder = holderId is { } h
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == h).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        return L["Equipment.PlaceAndHolder", place, holder ?? L["Equipment.NoHolder"]];
    }

    private EquipmentEvent StatusLine(Equipment asset, EquipmentStatus from, EquipmentStatus to, string? note, DateTimeOffset at, string by) => new()
    {
        EquipmentId = asset.Id, Kind = EquipmentEventKind.StatusChanged, At = at, By = by, From = StatusName(from), To = StatusName(to), Note = note,
    };

    private async Task<EquipmentResult> SaveAsync(HallDbContext db, Equipment asset, string number, CancellationToken cancellationToken)
    {
        asset.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return EquipmentResult.Ok(asset.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EquipmentResult.Failed(L["Equipment.ChangedMeanwhile"]);
        }
        catch (DbUpdateException)
        {
            return EquipmentResult.Failed(L["Equipment.NumberTaken", number]);
        }
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static EquipmentImportResult Failed(string message) => new(0, [], message);
}
