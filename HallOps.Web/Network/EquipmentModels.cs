using HallOps.Domain.Network;
using HallOps.Web.Windows;

namespace HallOps.Web.Network;

/// <summary>An asset as the register lists it, with its IT5 and IT6 state today.</summary>
public sealed record EquipmentRow(
    int Id,
    string AssetNumber,
    EquipmentKind Kind,
    string? Model,
    int? WindowId,
    int? WindowNumber,
    string? WindowName,
    string? Room,
    int? HolderStaffId,
    string? HolderName,
    bool HoldsImportantFiles,
    DateOnly? BootPasswordConfirmedOn,
    string? BootPasswordConfirmedBy,
    EquipmentStatus Status,
    DateOnly? NextMaintenanceOn,
    int MaintenanceIntervalDays,
    DateOnly? LastMaintainedOn,
    string? Note,
    DateTimeOffset RegisteredAt,
    BootPasswordState BootPassword,
    bool MaintenanceDue,
    int Version);

/// <summary>The register's filters; null or false means "any".</summary>
public sealed class EquipmentFilter
{
    public string? Search { get; set; }
    public EquipmentKind? Kind { get; set; }
    public int? WindowId { get; set; }
    public string? Room { get; set; }
    public int? HolderStaffId { get; set; }
    public EquipmentStatus? Status { get; set; }
    public bool? HoldsImportantFiles { get; set; }
    public bool BootPasswordDue { get; set; }
    public bool MaintenanceDue { get; set; }

    /// <summary>Retired machines are left out unless asked for by status.</summary>
    public bool IncludeRetired { get; set; }
}

/// <summary>The register, the day it was read on and the choices its forms offer.</summary>
public sealed record EquipmentView(
    DateOnly Today,
    DateOnly ConfirmBy,
    IReadOnlyList<EquipmentRow> Rows,
    IReadOnlyList<Choice> Windows,
    IReadOnlyList<Choice> Staff,
    IReadOnlyList<string> Rooms);

/// <summary>One history line of an asset.</summary>
public sealed record EquipmentHistoryLine(long Id, EquipmentEventKind Kind, DateTimeOffset At, string By, string? From, string? To, string? Note);

/// <summary>An asset's page: the asset, its history (newest first) and the form choices.</summary>
public sealed record EquipmentDetail(EquipmentRow Asset, IReadOnlyList<EquipmentHistoryLine> History, EquipmentView Choices);

/// <summary>What the administrator enters to register or edit an asset; validated by <see cref="EquipmentService"/>.</summary>
public sealed class EquipmentEdit
{
    public int Id { get; set; }
    public string AssetNumber { get; set; } = "";
    public EquipmentKind Kind { get; set; } = EquipmentKind.Pc;
    public string? Model { get; set; }
    public int? WindowId { get; set; }
    public string? Room { get; set; }
    public int? HolderStaffId { get; set; }
    public bool HoldsImportantFiles { get; set; }
    public EquipmentStatus Status { get; set; } = EquipmentStatus.InUse;
    public int MaintenanceIntervalDays { get; set; } = 180;
    public DateTime? NextMaintenanceOn { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public static EquipmentEdit From(EquipmentRow row) => new()
    {
        Id = row.Id,
        AssetNumber = row.AssetNumber,
        Kind = row.Kind,
        Model = row.Model,
        WindowId = row.WindowId,
        Room = row.Room,
        HolderStaffId = row.HolderStaffId,
        HoldsImportantFiles = row.HoldsImportantFiles,
        Status = row.Status,
        MaintenanceIntervalDays = row.MaintenanceIntervalDays,
        NextMaintenanceOn = row.NextMaintenanceOn?.ToDateTime(TimeOnly.MinValue),
        Note = row.Note,
        Version = row.Version,
    };
}

/// <summary>The outcome of a register action: the asset's id on success, else the reasons.</summary>
public sealed record EquipmentResult(int? Id, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static EquipmentResult Ok(int id) => new(id, []);

    public static EquipmentResult Failed(params string[] errors) => new(null, errors);
}

/// <summary>One bad row of an equipment import.</summary>
public sealed record EquipmentImportError(int Row, string Message);

/// <summary>An import's outcome: how many assets were registered, or every bad row (nothing registered), or a file problem.</summary>
public sealed record EquipmentImportResult(int Registered, IReadOnlyList<EquipmentImportError> Errors, string? FileError)
{
    public bool Succeeded => FileError is null && Errors.Count == 0;
}

/// <summary>A machine I hold (IT5), as /my/equipment shows it.</summary>
public sealed record MyEquipmentRow(
    int Id,
    string AssetNumber,
    EquipmentKind Kind,
    string? Model,
    string Place,
    bool HoldsImportantFiles,
    DateOnly? BootPasswordConfirmedOn,
    BootPasswordState BootPassword,
    EquipmentStatus Status);

/// <summary>The machines I hold, today, and the last day to confirm this quarter.</summary>
public sealed record MyEquipmentView(DateOnly Today, DateOnly ConfirmBy, IReadOnlyList<MyEquipmentRow> Rows);

/// <summary>A printed asset label.</summary>
public sealed record EquipmentLabel(int Id, string AssetNumber, EquipmentKind Kind, string? Model, string Place, string Svg);
