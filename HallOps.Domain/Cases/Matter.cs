using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Cases;

/// <summary>Whether the Administrative Licensing Law's clock and notices apply (NOTICES.md), or the matter is a public service.</summary>
public enum MatterKind
{
    Licence = 1,
    PublicService = 2,
}

/// <summary>
/// 事项: a matter the hall handles (TL1, OT5). What the law and the hall promise about it lives in
/// its versions; the matter itself only names it and says where it is handled.
/// </summary>
public class Matter : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>The catalogue code (事项编码), unique.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    public MatterKind Kind { get; set; } = MatterKind.Licence;

    /// <summary>The department (进驻单位) that owns it.</summary>
    public int? HomeUnitId { get; set; }
    public HomeUnit? HomeUnit { get; set; }

    /// <summary>The window that takes it in.</summary>
    public int? WindowId { get; set; }
    public ServiceWindow? Window { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The version new cases are taken under (the highest).</summary>
    public int? CurrentVersionId { get; set; }
    public MatterVersion? CurrentVersion { get; set; }

    public List<MatterVersion> Versions { get; set; } = [];

    string IPublishesChanges.EventSubject => HallSubjects.Matter(Id);
}

/// <summary>
/// One version of a matter's limits, materials and guide (OT5): an edit makes a new version with
/// who, when and why; a case keeps the version it was taken under.
/// </summary>
public class MatterVersion
{
    public int Id { get; set; }

    public int MatterId { get; set; }
    public Matter? Matter { get; set; }

    /// <summary>1, 2, 3 … per matter.</summary>
    public int Number { get; set; }

    /// <summary>法定办结时限 in working days (TL0).</summary>
    public int StatutoryDays { get; set; }

    /// <summary>承诺办结时限 in working days, ≤ statutory; 0 = 即办件 (TL1).</summary>
    public int CommittedDays { get; set; }

    /// <summary>Whether time waiting for a supplement after acceptance does not count (TL3).</summary>
    public bool SupplementPausesClock { get; set; } = true;

    /// <summary>申请材料: the required materials, in order (OT1).</summary>
    public List<MatterMaterial> Materials { get; set; } = [];

    /// <summary>办事指南: the service guide's text.</summary>
    public string Guide { get; set; } = "";

    /// <summary>The legal basis quoted on notices (e.g. 《中华人民共和国行政许可法》第三十二条).</summary>
    public string? LegalBasis { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }

    public string? ChangeReason { get; set; }
}

/// <summary>One required material of a matter version.</summary>
public class MatterMaterial
{
    public int Id { get; set; }

    public int MatterVersionId { get; set; }

    /// <summary>1-based position on the list.</summary>
    public int Order { get; set; }

    public required string Name { get; set; }

    /// <summary>What makes it conforming: originals or copies, how many, signatures …</summary>
    public string? Requirement { get; set; }

    /// <summary>May be deferred under 容缺受理 (accept with deficiencies).</summary>
    public bool Deferrable { get; set; }
}
