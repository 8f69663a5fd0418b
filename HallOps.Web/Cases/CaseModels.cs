using HallOps.Domain.Cases;

namespace HallOps.Web.Cases;

/// <summary>The outcome of a case action: messages in the user's language (nothing written), or the case and notice it wrote.</summary>
public sealed record CaseResult(IReadOnlyList<string> Errors, long? CaseId = null, long? NoticeId = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static CaseResult Fail(params string[] errors) => new(errors);
}

/// <summary>A matter as the intake picker offers it: its current version's limits and materials.</summary>
public sealed record MatterChoice(
    int Id, string Code, string Name, int VersionId, int VersionNumber, int CommittedDays, int StatutoryDays,
    string? LegalBasis, IReadOnlyList<MaterialChoice> Materials)
{
    public override string ToString() => $"{Code} {Name}";
}

public sealed record MaterialChoice(int Id, int Order, string Name, string? Requirement, bool Deferrable);

/// <summary>One material's line of the check, as the form edits it.</summary>
public sealed class MaterialCheckEdit
{
    public int MaterialId { get; set; }
    public MaterialStatus Status { get; set; } = MaterialStatus.Received;
    public string? Note { get; set; }
}

/// <summary>Intake at the window as the form enters it.</summary>
public sealed class IntakeEdit
{
    public ApplicantKind ApplicantKind { get; set; } = ApplicantKind.Person;
    public string? ApplicantName { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public int? MatterId { get; set; }
    public List<MaterialCheckEdit> Checks { get; set; } = [];
    public IntakeOutcome Outcome { get; set; } = IntakeOutcome.Accept;

    /// <summary>Refusal or return: one reason per line.</summary>
    public string? Reasons { get; set; }
    public string? LegalBasis { get; set; }

    /// <summary>Where to apply instead, when elsewhere (第三十二条第一款第二项).</summary>
    public string? ApplyInstead { get; set; }
    public DateTime? DeferredDue { get; set; }
}

public sealed class ExtensionEdit
{
    public int Days { get; set; } = 1;
    public string? Reason { get; set; }
    public string? ApprovedBy { get; set; }
}

public sealed class PauseEdit
{
    public PauseKind Kind { get; set; } = PauseKind.Testing;
    public string? Note { get; set; }
}

/// <summary>One line of "why is this the due date?", in the user's language.</summary>
public sealed record ClockLine(DateOnly Date, ClockStepKind Kind, string Text);

public sealed record NoticeRow(long Id, NoticeKind Kind, string DocumentNumber, DateTimeOffset IssuedAt, string IssuedBy, IReadOnlyList<string> Items);

public sealed record PauseRow(PauseKind Kind, DateTimeOffset From, DateTimeOffset? To, string? Note, string RecordedBy);

public sealed record ExtensionRow(int Days, string Reason, string ApprovedBy, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>The case page: the one place the applicant is shown unmasked.</summary>
public sealed record CaseDetail(
    long Id, string Number, CaseState State, CaseLight Light, ApplicantKind ApplicantKind,
    string ApplicantName, string? ApplicantIdNumber, string? ApplicantPhone,
    string MatterCode, string MatterName, int VersionNumber, int CommittedDays, int StatutoryDays,
    string? WindowName, int? WindowNumber, string? Handler,
    DateTimeOffset ReceivedAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DueAt, DateOnly? DeferredItemsDue,
    DateTimeOffset? ClosedAt, string? ClosedBy, bool? CompletedOnTime, int Version,
    IReadOnlyList<MaterialChoice> Materials, IReadOnlyList<NoticeRow> Notices, IReadOnlyList<PauseRow> Pauses,
    IReadOnlyList<ExtensionRow> Extensions, IReadOnlyList<ClockLine> Clock)
{
    public bool IsOpen => State is CaseState.Received or CaseState.AwaitingSupplement or CaseState.Accepted or CaseState.AcceptedWithDeficiencies;

    public bool Running => State is CaseState.Accepted or CaseState.AcceptedWithDeficiencies;

    public PauseRow? OpenPause => Pauses.FirstOrDefault(p => p.To is null && p.Kind != PauseKind.Supplement);
}

/// <summary>What the case page gets: the case, or why not.</summary>
public sealed record CaseView(CaseDetail? Case, bool NotFound = false, bool NotYours = false);

/// <summary>An open case on "my cases", applicant masked.</summary>
public sealed record MyCaseRow(
    long Id, string Number, CaseState State, CaseLight Light, string Applicant, string MatterName,
    DateTimeOffset ReceivedAt, DateTimeOffset? DueAt);

/// <summary>A notice for printing, as issued.</summary>
public sealed record NoticePrint(long Id, long CaseId, NoticeKind Kind, NoticeDocument Document);
