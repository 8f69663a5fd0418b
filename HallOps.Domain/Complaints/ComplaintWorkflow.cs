using HallOps.Domain.Inquiries;

namespace HallOps.Domain.Complaints;

/// <summary>Why a complaint cannot close yet, or why a step was refused (AC5).</summary>
public enum ComplaintProblem
{
    /// <summary>Already closed: nothing more is recorded on it.</summary>
    AlreadyClosed = 1,

    /// <summary>No outcome (属实 / 部分属实 / 不属实) recorded.</summary>
    NoOutcome,

    /// <summary>The complainant was not replied to (method and time).</summary>
    NoReply,

    /// <summary>A time given lies in the future.</summary>
    InTheFuture,

    /// <summary>A time given lies before the complaint was received.</summary>
    BeforeReceived,

    /// <summary>A 差评 without its call-back (time and note).</summary>
    NoCallBack,

    /// <summary>A 差评 without the fix recorded.</summary>
    NoFix,

    /// <summary>A required text was left empty.</summary>
    TextRequired,

    /// <summary>A text longer than allowed.</summary>
    TextTooLong,

    /// <summary>A rating level outside 1–5.</summary>
    LevelOutOfRange,
}

/// <summary>
/// The office's complaint workflow as pure rules (AC5, SC2.6): a complaint or report closes only
/// with an outcome (属实 / 部分属实 / 不属实) and the reply to the complainant (how and when — not in
/// the future); a bad rating (差评) closes only with its call-back (when and what was said) and the fix
/// recorded as well. Ratings run 1–5: 1 非常不满意, 2 不满意, 3 基本满意, 4 满意, 5 非常满意; a 差评 is
/// a 1 or a 2.
/// </summary>
public static class ComplaintWorkflow
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;

    /// <summary>The longest outcome note, fix note, and reply / call-back / handling note (the columns' sizes).</summary>
    public const int MaxOutcomeNote = 1000;
    public const int MaxFixNote = 1000;
    public const int MaxReplyNote = 500;
    public const int MaxCallBackNote = 500;
    public const int MaxNote = 1000;

    /// <summary>A rating level the 好差评 system gives: 1 (非常不满意) to 5 (非常满意).</summary>
    public static bool IsValidLevel(int level) => level is >= MinLevel and <= MaxLevel;

    /// <summary>差评: 非常不满意 (1) or 不满意 (2). Only these open a complaint that needs a call-back.</summary>
    public static bool IsBadRating(int level) => level is 1 or 2;

    /// <summary>Whether the complaint needs a call-back and the fix before it closes: every bad rating does.</summary>
    public static bool NeedsCallBack(Complaint complaint) => complaint.CallBackRequired || complaint.Kind == ComplaintKind.BadRating;

    /// <summary>What stands between the complaint and closing, in the order the office records them; empty when it may close.</summary>
    public static IReadOnlyList<ComplaintProblem> CloseProblems(Complaint complaint, DateTimeOffset now)
    {
        if (complaint.Status == ComplaintStatus.Closed)
        {
            return [ComplaintProblem.AlreadyClosed];
        }
        var problems = new List<ComplaintProblem>();
        if (complaint.Outcome is null)
        {
            problems.Add(ComplaintProblem.NoOutcome);
        }
        if (complaint.ReplyMethod is null || complaint.RepliedAt is null)
        {
            problems.Add(ComplaintProblem.NoReply);
        }
        else if (TimeProblem(complaint.RepliedAt.Value, complaint.ReceivedAt, now) is { } replyTime)
        {
            problems.Add(replyTime);
        }
        if (NeedsCallBack(complaint))
        {
            if (complaint.CalledBackAt is null || string.IsNullOrWhiteSpace(complaint.CallBackNote))
            {
                problems.Add(ComplaintProblem.NoCallBack);
            }
            else if (TimeProblem(complaint.CalledBackAt.Value, complaint.ReceivedAt, now) is { } callTime && !problems.Contains(callTime))
            {
                problems.Add(callTime);
            }
            if (string.IsNullOrWhiteSpace(complaint.FixNote))
            {
                problems.Add(ComplaintProblem.NoFix);
            }
        }
        return problems;
    }

    /// <summary>A reply or call-back time: not in the future, not before the complaint was received.</summary>
    public static ComplaintProblem? TimeProblem(DateTimeOffset at, DateTimeOffset receivedAt, DateTimeOffset now) =>
        at > now ? ComplaintProblem.InTheFuture
        : at < receivedAt ? ComplaintProblem.BeforeReceived
        : null;

    /// <summary>A text the office must write: required, at most <paramref name="max"/> characters.</summary>
    public static ComplaintProblem? TextProblem(string? text, int max, bool required = true) =>
        string.IsNullOrWhiteSpace(text) ? (required ? ComplaintProblem.TextRequired : null)
        : text.Trim().Length > max ? ComplaintProblem.TextTooLong
        : null;

    /// <summary>The reply to the complainant: how and when (not in the future, not before receipt).</summary>
    public static ComplaintProblem? ReplyProblem(Complaint complaint, FeedbackMethod? method, DateTimeOffset? at, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Closed ? ComplaintProblem.AlreadyClosed
        : method is null || at is null ? ComplaintProblem.NoReply
        : TimeProblem(at.Value, complaint.ReceivedAt, now);

    /// <summary>The call-back of a bad rating: when, and what the rater said.</summary>
    public static ComplaintProblem? CallBackProblem(Complaint complaint, DateTimeOffset? at, string? note, DateTimeOffset now) =>
        complaint.Status == ComplaintStatus.Closed ? ComplaintProblem.AlreadyClosed
        : at is null || string.IsNullOrWhiteSpace(note) ? ComplaintProblem.NoCallBack
        : TimeProblem(at.Value, complaint.ReceivedAt, now) ?? TextProblem(note, MaxCallBackNote);

    /// <summary>Closes it (the caller checked <see cref="CloseProblems"/>); the light goes out.</summary>
    public static void Close(Complaint complaint, DateTimeOffset now, string by)
    {
        if (CloseProblems(complaint, now) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Complaint {complaint.Number} cannot close: {string.Join(", ", problems)}.");
        }
        complaint.Status = ComplaintStatus.Closed;
        complaint.ClosedAt = now;
        complaint.ClosedBy = by;
    }
}
