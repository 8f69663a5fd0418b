namespace HallOps.Domain.Inquiries;

/// <summary>What is wrong with an inquiry, a disposition, a feedback or a close; each has a resource text "Inquiry.Error.{name}".</summary>
public enum InquiryProblem
{
    SubjectRequired,
    SubjectTooLong,
    ChannelUnknown,
    CategoryUnknown,
    PersonNameTooLong,
    PersonPhoneTooLong,
    DispositionRequired,
    DispositionUnknown,
    AnswerRequired,
    AnswerTooLong,
    NoticeTooLong,
    HandlerRequired,
    HandlerUnknown,
    HandlerIsSelf,
    WindowRequired,
    WindowUnknown,
    WindowInactive,
    WindowIsOwn,
    DepartmentNameRequired,
    DepartmentAddressRequired,
    DepartmentNameTooLong,
    DepartmentAddressTooLong,
    DepartmentPhoneTooLong,
    FeedbackMethodRequired,
    FeedbackMethodUnknown,
    FeedbackTimeRequired,
    FeedbackInFuture,
    FeedbackBeforeReceipt,
    FeedbackNoteTooLong,
    NotDisposed,
    NoFeedback,
    AlreadyClosed,
}

/// <summary>A new inquiry as the form enters it (FQ1).</summary>
public sealed record NewInquiry(InquiryChannel Channel, InquiryCategory Category, string? Subject, string? PersonName = null, string? PersonPhone = null);

/// <summary>A disposition as the form enters it (FQ3.1–FQ3.6); only the fields of its kind are kept.</summary>
public sealed record DispositionInput(
    InquiryDisposition? Disposition,
    string? Answer = null,
    string? WrittenNotice = null,
    int? HandlerStaffId = null,
    int? TargetWindowId = null,
    string? DepartmentName = null,
    string? DepartmentAddress = null,
    string? DepartmentPhone = null);

/// <summary>What the database says about the people and windows a disposition names.</summary>
/// <param name="ResponderStaffId">The first responder's staff record.</param>
/// <param name="ResponderWindowId">The window the responder logged the inquiry at.</param>
/// <param name="Handler">The named colleague (FQ3.2): null when there is no such staff member; Active false when they no longer serve.</param>
/// <param name="TargetWindow">The named window (FQ3.3): null when there is no such window.</param>
public sealed record DispositionFacts(int? ResponderStaffId, int? ResponderWindowId, StaffFact? Handler, WindowFact? TargetWindow)
{
    public static readonly DispositionFacts None = new(null, null, null, null);
}

public sealed record StaffFact(int Id, bool Active);

public sealed record WindowFact(int Id, bool Active);

/// <summary>
/// 首问登记 rules (FQ1–FQ3.8), pure: what a new inquiry needs, what each disposition needs, and when an
/// inquiry may close. Each returns the problems found — none means the input may be stored as it is.
/// </summary>
public static class InquiryRules
{
    public const int MaxSubject = 200;
    public const int MaxPersonName = 50;
    public const int MaxPersonPhone = 30;
    public const int MaxAnswer = 1000;
    public const int MaxNotice = 4000;
    public const int MaxDepartmentName = 100;
    public const int MaxDepartmentAddress = 200;
    public const int MaxDepartmentPhone = 50;
    public const int MaxFeedbackNote = 500;

    /// <summary>FQ1: a subject (≤200), a defined channel and category; the person's name and phone are optional.</summary>
    public static IReadOnlyList<InquiryProblem> CheckNew(NewInquiry inquiry)
    {
        var problems = new List<InquiryProblem>();
        var subject = inquiry.Subject?.Trim() ?? "";
        if (subject.Length == 0)
        {
            problems.Add(InquiryProblem.SubjectRequired);
        }
        else if (subject.Length > MaxSubject)
        {
            problems.Add(InquiryProblem.SubjectTooLong);
        }
        if (!Enum.IsDefined(inquiry.Channel))
        {
            problems.Add(InquiryProblem.ChannelUnknown);
        }
        if (!Enum.IsDefined(inquiry.Category))
        {
            problems.Add(InquiryProblem.CategoryUnknown);
        }
        if (Text(inquiry.PersonName) is { Length: > MaxPersonName })
        {
            problems.Add(InquiryProblem.PersonNameTooLong);
        }
        if (Text(inquiry.PersonPhone) is { Length: > MaxPersonPhone })
        {
            problems.Add(InquiryProblem.PersonPhoneTooLong);
        }
        return problems;
    }

    /// <summary>The disposition a new inquiry starts with: 举报/投诉 go to the bureau office (FQ3.6); others wait for one.</summary>
    public static InquiryDisposition? DefaultDisposition(InquiryCategory category) =>
        category is InquiryCategory.Report or InquiryCategory.Complaint ? InquiryDisposition.BureauOffice : null;

    /// <summary>
    /// FQ3.1–FQ3.6: handled needs the answer (the written notice is optional); guided to a handler needs a
    /// different, active colleague; guided to a window needs an active window other than the responder's own;
    /// referred outside needs the department's name and address; the guidance desk and the bureau office need nothing more.
    /// </summary>
    public static IReadOnlyList<InquiryProblem> CheckDisposition(DispositionInput input, DispositionFacts facts, bool closed = false)
    {
        var problems = new List<InquiryProblem>();
        if (closed)
        {
            problems.Add(InquiryProblem.AlreadyClosed);
            return problems;
        }
        if (input.Disposition is not { } disposition)
        {
            problems.Add(InquiryProblem.DispositionRequired);
            return problems;
        }
        if (!Enum.IsDefined(disposition))
        {
            problems.Add(InquiryProblem.DispositionUnknown);
            return problems;
        }
        switch (disposition)
        {
            case InquiryDisposition.Handled:
                var answer = Text(input.Answer);
                if (answer is null)
                {
                    problems.Add(InquiryProblem.AnswerRequired);
                }
                else if (answer.Length > MaxAnswer)
                {
                    problems.Add(InquiryProblem.AnswerTooLong);
                }
                if (Text(input.WrittenNotice) is { Length: > MaxNotice })
                {
                    problems.Add(InquiryProblem.NoticeTooLong);
                }
                break;
            case InquiryDisposition.GuidedToHandler:
                if (input.HandlerStaffId is not { } handlerId)
                {
                    problems.Add(InquiryProblem.HandlerRequired);
                }
                else if (handlerId == facts.ResponderStaffId)
                {
                    problems.Add(InquiryProblem.HandlerIsSelf);
                }
                else if (facts.Handler is not { Active: true } handler || handler.Id != handlerId)
                {
                    problems.Add(InquiryProblem.HandlerUnknown);
                }
                break;
            case InquiryDisposition.GuidedToWindow:
                if (input.TargetWindowId is not { } windowId)
                {
                    problems.Add(InquiryProblem.WindowRequired);
                }
                else if (facts.TargetWindow is not { } window || window.Id != windowId)
                {
                    problems.Add(InquiryProblem.WindowUnknown);
                }
                else if (!window.Active)
                {
                    problems.Add(InquiryProblem.WindowInactive);
                }
                else if (windowId == facts.ResponderWindowId)
                {
                    problems.Add(InquiryProblem.WindowIsOwn);
                }
                break;
            case InquiryDisposition.ReferredOutside:
                var name = Text(input.DepartmentName);
                var address = Text(input.DepartmentAddress);
                if (name is null)
                {
                    problems.Add(InquiryProblem.DepartmentNameRequired);
                }
                else if (name.Length > MaxDepartmentName)
                {
                    problems.Add(InquiryProblem.DepartmentNameTooLong);
                }
                if (address is null)
                {
                    problems.Add(InquiryProblem.DepartmentAddressRequired);
                }
                else if (address.Length > MaxDepartmentAddress)
                {
                    problems.Add(InquiryProblem.DepartmentAddressTooLong);
                }
                if (Text(input.DepartmentPhone) is { Length: > MaxDepartmentPhone })
                {
                    problems.Add(InquiryProblem.DepartmentPhoneTooLong);
                }
                break;
            case InquiryDisposition.GuidanceDesk:
            case InquiryDisposition.BureauOffice:
                break;
        }
        if (disposition != InquiryDisposition.Handled && Text(input.Answer) is { Length: > MaxAnswer })
        {
            problems.Add(InquiryProblem.AnswerTooLong);
        }
        return problems;
    }

    /// <summary>
    /// Applies a checked disposition: the fields of its kind are set, those of any other kind cleared
    /// (a changed mind leaves no stale handler or department behind).
    /// </summary>
    public static void ApplyDisposition(Inquiry inquiry, DispositionInput input, DateTimeOffset now)
    {
        var disposition = input.Disposition ?? throw new ArgumentException("No disposition.", nameof(input));
        inquiry.Disposition = disposition;
        inquiry.DisposedAt = now;
        inquiry.Answer = Text(input.Answer);
        inquiry.WrittenNotice = disposition == InquiryDisposition.Handled ? Text(input.WrittenNotice) : null;
        inquiry.HandlerStaffId = disposition == InquiryDisposition.GuidedToHandler ? input.HandlerStaffId : null;
        inquiry.TargetWindowId = disposition == InquiryDisposition.GuidedToWindow ? input.TargetWindowId : null;
        var outside = disposition == InquiryDisposition.ReferredOutside;
        inquiry.DepartmentName = outside ? Text(input.DepartmentName) : null;
        inquiry.DepartmentAddress = outside ? Text(input.DepartmentAddress) : null;
        inquiry.DepartmentPhone = outside ? Text(input.DepartmentPhone) : null;
        if (!outside)
        {
            inquiry.DepartmentId = null;
            inquiry.Liaised = false;
        }
    }

    /// <summary>FQ3.1: the feedback to the person — how (a defined method) and when (not in the future, not before receipt).</summary>
    public static IReadOnlyList<InquiryProblem> CheckFeedback(
        FeedbackMethod? method, DateTimeOffset? at, string? note, DateTimeOffset receivedAt, DateTimeOffset now, bool closed = false)
    {
        var problems = new List<InquiryProblem>();
        if (closed)
        {
            problems.Add(InquiryProblem.AlreadyClosed);
            return problems;
        }
        if (method is not { } m)
        {
            problems.Add(InquiryProblem.FeedbackMethodRequired);
        }
        else if (!Enum.IsDefined(m))
        {
            problems.Add(InquiryProblem.FeedbackMethodUnknown);
        }
        if (at is not { } when)
        {
            problems.Add(InquiryProblem.FeedbackTimeRequired);
        }
        else if (when > now)
        {
            problems.Add(InquiryProblem.FeedbackInFuture);
        }
        else if (when < receivedAt)
        {
            problems.Add(InquiryProblem.FeedbackBeforeReceipt);
        }
        if (Text(note) is { Length: > MaxFeedbackNote })
        {
            problems.Add(InquiryProblem.FeedbackNoteTooLong);
        }
        return problems;
    }

    /// <summary>FQ3.1: an inquiry closes only once it has a disposition and its feedback (method and time) is recorded.</summary>
    public static IReadOnlyList<InquiryProblem> CheckClose(Inquiry inquiry)
    {
        var problems = new List<InquiryProblem>();
        if (inquiry.ClosedAt is not null)
        {
            problems.Add(InquiryProblem.AlreadyClosed);
            return problems;
        }
        if (inquiry.Disposition is null)
        {
            problems.Add(InquiryProblem.NotDisposed);
        }
        if (inquiry.FeedbackMethod is null || inquiry.FeedbackAt is null)
        {
            problems.Add(InquiryProblem.NoFeedback);
        }
        return problems;
    }

    /// <summary>Where an inquiry stands: 待处置 (no disposition), 待反馈 (disposed, not closed), 已办结 (closed).</summary>
    public static InquiryState StateOf(InquiryDisposition? disposition, DateTimeOffset? closedAt) =>
        closedAt is not null ? InquiryState.Closed : disposition is null ? InquiryState.Open : InquiryState.AwaitingFeedback;

    /// <summary>Trimmed text, or null when empty.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>待处置 / 待反馈 / 已办结.</summary>
public enum InquiryState
{
    Open = 1,
    AwaitingFeedback = 2,
    Closed = 3,
}
