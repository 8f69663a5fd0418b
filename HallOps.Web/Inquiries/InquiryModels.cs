using System.Collections.Concurrent;
using HallOps.Domain.Inquiries;

namespace HallOps.Web.Inquiries;

/// <summary>A new inquiry as the quick form enters it (FQ1): 来访 and 咨询 unless the clerk taps another chip.</summary>
public sealed class InquiryForm
{
    /// <summary>One per form fill: a double click or a retry of the same fill logs nothing twice.</summary>
    public Guid Token { get; set; } = Guid.NewGuid();

    public InquiryChannel Channel { get; set; } = InquiryChannel.Visit;

    public InquiryCategory Category { get; set; } = InquiryCategory.Consultation;

    public string? Subject { get; set; }

    /// <summary>The catalogue matter picked from the suggestions, if any.</summary>
    public int? MatterId { get; set; }

    public string? PersonName { get; set; }

    public string? PersonPhone { get; set; }
}

/// <summary>A disposition as the form enters it (FQ3.1–FQ3.6).</summary>
public sealed class DisposeForm
{
    public InquiryDisposition? Disposition { get; set; }
    public string? Answer { get; set; }
    public string? WrittenNotice { get; set; }
    public int? HandlerStaffId { get; set; }
    public int? TargetWindowId { get; set; }

    /// <summary>FQ3.4: the directory entry picked; its name, address and phone fill the fields left empty.</summary>
    public int? DepartmentId { get; set; }
    public string? DepartmentName { get; set; }
    public string? DepartmentAddress { get; set; }
    public string? DepartmentPhone { get; set; }

    /// <summary>FQ3.4: keep a department typed in as a new directory entry.</summary>
    public bool AddToDirectory { get; set; } = true;

    public bool Liaised { get; set; }

    /// <summary>The version the form was filled on: a change by someone else in between is refused, not overwritten.</summary>
    public int? Version { get; set; }

    public DispositionInput ToInput() => new(Disposition, Answer, WrittenNotice, HandlerStaffId, TargetWindowId, DepartmentName, DepartmentAddress, DepartmentPhone);
}

/// <summary>The feedback to the person (FQ3.1) as the form enters it; the time in the hall's local time.</summary>
public sealed class FeedbackForm
{
    public FeedbackMethod? Method { get; set; } = FeedbackMethod.OnTheSpot;
    public DateTime? At { get; set; }
    public string? Note { get; set; }
    public bool Close { get; set; } = true;
    public int? Version { get; set; }
}

/// <summary>The outcome of logging: the inquiry (and the complaint it opened), or the messages (nothing stored).</summary>
public sealed record LogResult(IReadOnlyList<string> Errors, long? InquiryId = null, string? ComplaintNumber = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>One inquiry as lists show it; the person is masked except on the office's list.</summary>
public sealed record InquiryRow(
    long Id,
    DateTimeOffset ReceivedAt,
    InquiryChannel Channel,
    InquiryCategory Category,
    string Subject,
    int? WindowNumber,
    string? WindowName,
    string ResponderName,
    string ResponderUserName,
    string? PersonName,
    string? PersonPhone,
    InquiryDisposition? Disposition,
    FeedbackMethod? FeedbackMethod,
    DateTimeOffset? ClosedAt,
    string? ComplaintNumber,
    int Version)
{
    public InquiryState State => InquiryRules.StateOf(Disposition, ClosedAt);
}

/// <summary>One inquiry in full (the person masked), for its page.</summary>
public sealed record InquiryDetail(
    InquiryRow Row,
    int? MatterId,
    string? MatterName,
    DateTimeOffset? DisposedAt,
    string? Answer,
    string? WrittenNotice,
    string? HandlerName,
    int? TargetWindowNumber,
    string? TargetWindowName,
    string? DepartmentName,
    string? DepartmentAddress,
    string? DepartmentPhone,
    bool Liaised,
    DateTimeOffset? FeedbackAt,
    string? FeedbackNote,
    string? ClosedBy,
    bool CanAct,
    int? HandlerStaffId = null,
    int? TargetWindowId = null,
    int? DepartmentId = null);

/// <summary>The office's filter of all inquiries; empty for all of the last 30 days.</summary>
public sealed class InquiryFilter
{
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public InquiryCategory? Category { get; set; }
    public InquiryDisposition? Disposition { get; set; }

    /// <summary>Only those still without a disposition.</summary>
    public bool Undisposed { get; set; }
    public int? WindowId { get; set; }
}

/// <summary>A window to guide a person to (FQ3.3), with who is on post there now.</summary>
public sealed record WindowChoice(int Id, int Number, string Name, string? OnPost, bool IsOwn);

/// <summary>A colleague to take a person to (FQ3.2).</summary>
public sealed record StaffChoice(int Id, string Name, string EmployeeNo, int? WindowNumber);

/// <summary>A catalogue matter the subject may name.</summary>
public sealed record MatterChoice(int Id, string Code, string Name, int? WindowNumber);

/// <summary>What the printed written notice (FQ3.1, once and in writing) says.</summary>
public sealed record InquiryNotice(
    long Id, string HallName, DateOnly Date, string Subject, string? Answer, string? WrittenNotice,
    string ResponderName, int? WindowNumber, string? WindowName);

/// <summary>
/// The form tokens already used (idempotency of the quick form on this app instance): the first call
/// with a token logs, a second one at the same time waits for it and answers its inquiry.
/// </summary>
public sealed class InquiryTokens
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<long?>> _used = new();
    private readonly ConcurrentQueue<(Guid Token, long Ticks)> _order = new();

    /// <summary>True when this call is the first with the token; otherwise the task of the first one.</summary>
    public bool TryBegin(Guid token, out Task<long?> first)
    {
        var mine = new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stored = _used.GetOrAdd(token, mine);
        first = stored.Task;
        if (!ReferenceEquals(stored, mine))
        {
            return false;
        }
        _order.Enqueue((token, Environment.TickCount64));
        Trim();
        return true;
    }

    /// <summary>The call with the token ended: stored (the inquiry) or refused (null: the token may be used again).</summary>
    public void End(Guid token, long? inquiryId)
    {
        if (_used.TryGetValue(token, out var source))
        {
            if (inquiryId is null)
            {
                _used.TryRemove(token, out _);
            }
            source.TrySetResult(inquiryId);
        }
    }

    private void Trim()
    {
        var hourAgo = Environment.TickCount64 - (long)TimeSpan.FromHours(1).TotalMilliseconds;
        while (_order.TryPeek(out var oldest) && oldest.Ticks < hourAgo && _order.TryDequeue(out oldest))
        {
            if (_used.TryGetValue(oldest.Token, out var source) && source.Task.IsCompleted)
            {
                _used.TryRemove(oldest.Token, out _);
            }
        }
    }
}
