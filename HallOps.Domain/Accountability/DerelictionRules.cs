namespace HallOps.Domain.Accountability;

/// <summary>Why a dereliction decision or record was refused; each has its text in the UI resources ("Dereliction.Problem.{name}").</summary>
public enum DerelictionProblem
{
    /// <summary>AC2: the type must be one of the nine.</summary>
    TypeRequired,

    /// <summary>AC3: the severity must be one of the three.</summary>
    SeverityRequired,

    /// <summary>AC4: at least one sanction.</summary>
    SanctionRequired,

    /// <summary>AC4: a sanction outside the seven.</summary>
    SanctionUnknown,

    DecisionDateRequired,
    DecisionDateInFuture,
    DecisionDateBeforeRaised,
    DecisionMakerRequired,
    DecisionMakerTooLong,
    NoteTooLong,
    ReasonRequired,
    ReasonTooLong,
    AlreadyDecided,
    StaffRequired,
    SummaryRequired,
    SummaryTooLong,
    EvidenceTooLong,
}

/// <summary>What the office or manager decides when confirming a record (AC2–AC4).</summary>
public sealed record DerelictionConfirmation(
    DerelictionType? Type,
    DerelictionSeverity? Severity,
    DerelictionSanctions Sanctions,
    DateOnly? DecisionDate,
    string? DecisionMaker,
    string? Note = null);

/// <summary>A record entered by hand (AC1): the staff member, the type, what happened and the evidence.</summary>
public sealed record DerelictionEntry(int? StaffMemberId, int? WindowId, DerelictionType? Type, string? Summary, string? Evidence);

/// <summary>
/// The rules of a dereliction record (AC1–AC4), pure: a confirmation names one of the nine types
/// (AC2), one of the three severities (AC3), one or more of the seven sanctions and nothing else
/// (AC4), the date of the decision — not in the future, not before the record was raised — and who
/// took it; a dismissal gives its reason; a decided record is not decided again; a record entered
/// by hand names the staff member, the type and what happened.
/// </summary>
public static class DerelictionRules
{
    public const int MaxDecisionMaker = 100;
    public const int MaxNote = 1000;
    public const int MaxSummary = 500;
    public const int MaxEvidence = 16000;

    /// <summary>AC4: the seven sanctions, in the regulation's order.</summary>
    public static IReadOnlyList<DerelictionSanctions> Sanctions { get; } =
    [
        DerelictionSanctions.Criticism,
        DerelictionSanctions.LossOfAwardEligibility,
        DerelictionSanctions.Admonition,
        DerelictionSanctions.EfficiencyWarning,
        DerelictionSanctions.BonusWithheld,
        DerelictionSanctions.DisciplineReferral,
        DerelictionSanctions.JudicialReferral,
    ];

    /// <summary>Every bit AC4 knows; anything else is not a sanction.</summary>
    public const DerelictionSanctions AllSanctions = DerelictionSanctions.Criticism | DerelictionSanctions.LossOfAwardEligibility
        | DerelictionSanctions.Admonition | DerelictionSanctions.EfficiencyWarning | DerelictionSanctions.BonusWithheld
        | DerelictionSanctions.DisciplineReferral | DerelictionSanctions.JudicialReferral;

    /// <summary>AC2: the nine types, in the regulation's order.</summary>
    public static IReadOnlyList<DerelictionType> Types { get; } = Enum.GetValues<DerelictionType>().Order().ToList();

    /// <summary>AC3: the three severities, from the most serious.</summary>
    public static IReadOnlyList<DerelictionSeverity> Severities { get; } =
        [DerelictionSeverity.Serious, DerelictionSeverity.General, DerelictionSeverity.Minor];

    public static bool IsType(DerelictionType? type) => type is { } value && Enum.IsDefined(value);

    public static bool IsSeverity(DerelictionSeverity? severity) => severity is { } value && Enum.IsDefined(value);

    /// <summary>The sanctions of a set, in the regulation's order.</summary>
    public static IReadOnlyList<DerelictionSanctions> Of(DerelictionSanctions sanctions) =>
        Sanctions.Where(s => (sanctions & s) == s).ToList();

    /// <summary>
    /// AC2–AC4: what is wrong with confirming <paramref name="record"/> as <paramref name="confirmation"/>
    /// on <paramref name="today"/> (the hall's date); <paramref name="raisedOn"/> is the hall's date the record was raised.
    /// </summary>
    public static IReadOnlyList<DerelictionProblem> CheckConfirm(
        DerelictionStatus status, DerelictionConfirmation confirmation, DateOnly raisedOn, DateOnly today)
    {
        if (status != DerelictionStatus.Draft)
        {
            return [DerelictionProblem.AlreadyDecided];
        }
        var problems = new List<DerelictionProblem>();
        if (!IsType(confirmation.Type))
        {
            problems.Add(DerelictionProblem.TypeRequired);
        }
        if (!IsSeverity(confirmation.Severity))
        {
            problems.Add(DerelictionProblem.SeverityRequired);
        }
        if ((confirmation.Sanctions & ~AllSanctions) != 0)
        {
            problems.Add(DerelictionProblem.SanctionUnknown);
        }
        else if (confirmation.Sanctions == DerelictionSanctions.None)
        {
            problems.Add(DerelictionProblem.SanctionRequired);
        }
        switch (confirmation.DecisionDate)
        {
            case null:
                problems.Add(DerelictionProblem.DecisionDateRequired);
                break;
            case { } date when date > today:
                problems.Add(DerelictionProblem.DecisionDateInFuture);
                break;
            case { } date when date < raisedOn:
                problems.Add(DerelictionProblem.DecisionDateBeforeRaised);
                break;
        }
        var maker = confirmation.DecisionMaker?.Trim() ?? "";
        if (maker.Length == 0)
        {
            problems.Add(DerelictionProblem.DecisionMakerRequired);
        }
        else if (maker.Length > MaxDecisionMaker)
        {
            problems.Add(DerelictionProblem.DecisionMakerTooLong);
        }
        if ((confirmation.Note?.Trim().Length ?? 0) > MaxNote)
        {
            problems.Add(DerelictionProblem.NoteTooLong);
        }
        return problems;
    }

    /// <summary>A dismissal gives its reason; a decided record is not decided again.</summary>
    public static IReadOnlyList<DerelictionProblem> CheckDismiss(DerelictionStatus status, string? reason)
    {
        if (status != DerelictionStatus.Draft)
        {
            return [DerelictionProblem.AlreadyDecided];
        }
        var text = reason?.Trim() ?? "";
        return text.Length == 0 ? [DerelictionProblem.ReasonRequired]
            : text.Length > MaxNote ? [DerelictionProblem.ReasonTooLong]
            : [];
    }

    /// <summary>AC1: a record entered by hand names the staff member, one of the nine types and what happened.</summary>
    public static IReadOnlyList<DerelictionProblem> CheckEntry(DerelictionEntry entry)
    {
        var problems = new List<DerelictionProblem>();
        if (entry.StaffMemberId is null or <= 0)
        {
            problems.Add(DerelictionProblem.StaffRequired);
        }
        if (!IsType(entry.Type))
        {
            problems.Add(DerelictionProblem.TypeRequired);
        }
        var summary = entry.Summary?.Trim() ?? "";
        if (summary.Length == 0)
        {
            problems.Add(DerelictionProblem.SummaryRequired);
        }
        else if (summary.Length > MaxSummary)
        {
            problems.Add(DerelictionProblem.SummaryTooLong);
        }
        if ((entry.Evidence?.Trim().Length ?? 0) > MaxEvidence)
        {
            problems.Add(DerelictionProblem.EvidenceTooLong);
        }
        return problems;
    }

    /// <summary>A draft's type and staff member may be corrected before it is decided, to one of the nine types.</summary>
    public static IReadOnlyList<DerelictionProblem> CheckDraftEdit(DerelictionStatus status, DerelictionType? type)
    {
        if (status != DerelictionStatus.Draft)
        {
            return [DerelictionProblem.AlreadyDecided];
        }
        return IsType(type) ? [] : [DerelictionProblem.TypeRequired];
    }

    /// <summary>Applies a confirmation that <see cref="CheckConfirm"/> found nothing wrong with.</summary>
    public static void Confirm(DerelictionRecord record, DerelictionConfirmation confirmation, DateTimeOffset now, string decidedBy)
    {
        record.Status = DerelictionStatus.Confirmed;
        record.Type = confirmation.Type!.Value;
        record.Severity = confirmation.Severity;
        record.Sanctions = confirmation.Sanctions;
        record.DecisionDate = confirmation.DecisionDate;
        record.DecisionMaker = confirmation.DecisionMaker!.Trim();
        record.Decision = confirmation.Note?.Trim() is { Length: > 0 } note ? note : null;
        record.DecidedAt = now;
        record.DecidedBy = decidedBy;
        record.Version++;
    }

    /// <summary>Applies a dismissal that <see cref="CheckDismiss"/> found nothing wrong with.</summary>
    public static void Dismiss(DerelictionRecord record, string reason, DateTimeOffset now, string decidedBy)
    {
        record.Status = DerelictionStatus.Dismissed;
        record.Decision = reason.Trim();
        record.DecidedAt = now;
        record.DecidedBy = decidedBy;
        record.Version++;
    }

    /// <summary>
    /// The staff member acknowledges having read a confirmed record: the first acknowledgement is kept,
    /// a second changes nothing. Returns whether anything changed.
    /// </summary>
    public static bool Acknowledge(DerelictionRecord record, DateTimeOffset now, string readBy)
    {
        if (record.Status != DerelictionStatus.Confirmed || record.ReadAt is not null)
        {
            return false;
        }
        record.ReadAt = now;
        record.ReadBy = readBy;
        record.Version++;
        return true;
    }

    /// <summary>The source key of a record entered by hand: unique like the drafts'.</summary>
    public static string HandSourceKey(Guid id) => $"hand:{id:N}";
}
