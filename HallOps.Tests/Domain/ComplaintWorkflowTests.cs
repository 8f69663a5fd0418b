using HallOps.Domain.Complaints;
using HallOps.Domain.Inquiries;
using static HallOps.Tests.Domain.Calendar.Dates;

namespace HallOps.Tests.Domain;

/// <summary>
/// AC5 (the office solves complaints and reports; the queue records due times and the outcome): a
/// complaint closes only with an outcome (属实 / 部分属实 / 不属实) and the reply to the complainant
/// (method and time, not in the future and not before receipt); a bad rating (差评) closes only
/// with its call-back (time and note) and the fix recorded too. A rating is 1–5; 差评 is 1
/// (非常不满意) or 2 (不满意).
/// </summary>
public class ComplaintWorkflowTests
{
    private static readonly DateTimeOffset Received = Instant("2026-11-25T10:00+08:00");
    private static readonly DateTimeOffset Now = Instant("2026-11-26T15:00+08:00");

    [Theory]
    // AC5: nothing recorded → the outcome and the reply are missing.
    [InlineData(ComplaintKind.Complaint, false, false, false, false, "NoOutcome,NoReply")]
    [InlineData(ComplaintKind.Complaint, true, false, false, false, "NoReply")]
    [InlineData(ComplaintKind.Complaint, false, true, false, false, "NoOutcome")]
    [InlineData(ComplaintKind.Complaint, true, true, false, false, "")]
    [InlineData(ComplaintKind.Report, true, true, false, false, "")]
    // AC5, 差评: outcome and reply are not enough — the call-back and the fix as well.
    [InlineData(ComplaintKind.BadRating, true, true, false, false, "NoCallBack,NoFix")]
    [InlineData(ComplaintKind.BadRating, true, true, true, false, "NoFix")]
    [InlineData(ComplaintKind.BadRating, true, true, false, true, "NoCallBack")]
    [InlineData(ComplaintKind.BadRating, true, true, true, true, "")]
    [InlineData(ComplaintKind.BadRating, false, false, true, true, "NoOutcome,NoReply")]
    public void AC5_ClosesOnlyWithOutcomeAndReply_AndABadRatingWithItsCallBackAndFix(
        ComplaintKind kind, bool outcome, bool reply, bool callBack, bool fix, string problems)
    {
        var complaint = Complaint(kind);
        if (outcome)
        {
            complaint.Outcome = ComplaintOutcome.PartlyUpheld;
        }
        if (reply)
        {
            complaint.ReplyMethod = FeedbackMethod.Phone;
            complaint.RepliedAt = Now.AddHours(-1);
        }
        if (callBack)
        {
            complaint.CalledBackAt = Now.AddHours(-2);
            complaint.CallBackNote = "已电话回访，群众表示理解";
        }
        if (fix)
        {
            complaint.FixNote = "窗口已补充告知材料清单";
        }

        Assert.Equal(problems, string.Join(",", ComplaintWorkflow.CloseProblems(complaint, Now)));
    }

    [Theory]
    // AC5: the reply's time may not lie in the future, nor before the complaint was received.
    [InlineData("2026-11-26T15:01+08:00", ComplaintProblem.InTheFuture)]
    [InlineData("2026-11-25T09:59+08:00", ComplaintProblem.BeforeReceived)]
    [InlineData("2026-11-26T15:00+08:00", null)]
    [InlineData("2026-11-25T10:00+08:00", null)]
    public void AC5_TheReplyTimeIsNotInTheFutureNorBeforeReceipt(string repliedAt, ComplaintProblem? problem)
    {
        var complaint = Complaint(ComplaintKind.Complaint);

        Assert.Equal(problem, ComplaintWorkflow.ReplyProblem(complaint, FeedbackMethod.Letter, Instant(repliedAt), Now));
        complaint.Outcome = ComplaintOutcome.Upheld;
        complaint.ReplyMethod = FeedbackMethod.Letter;
        complaint.RepliedAt = Instant(repliedAt);
        Assert.Equal(problem is null ? "" : problem.ToString(), string.Join(",", ComplaintWorkflow.CloseProblems(complaint, Now)));
    }

    [Theory]
    // AC5, 差评: a call-back needs its time (not in the future) and a note.
    [InlineData("2026-11-26T14:00+08:00", "回访：满意", null)]
    [InlineData("2026-11-26T16:00+08:00", "回访：满意", ComplaintProblem.InTheFuture)]
    [InlineData(null, "回访：满意", ComplaintProblem.NoCallBack)]
    [InlineData("2026-11-26T14:00+08:00", "  ", ComplaintProblem.NoCallBack)]
    public void AC5_ACallBackNeedsItsTimeAndNote(string? at, string note, ComplaintProblem? problem)
    {
        Assert.Equal(problem, ComplaintWorkflow.CallBackProblem(Complaint(ComplaintKind.BadRating), at is null ? null : Instant(at), note, Now));
    }

    [Fact]
    public void AC5_AClosedComplaintIsNotClosedOrRepliedToAgain()
    {
        var complaint = Complaint(ComplaintKind.Complaint);
        complaint.Outcome = ComplaintOutcome.NotUpheld;
        complaint.ReplyMethod = FeedbackMethod.OnTheSpot;
        complaint.RepliedAt = Now;

        ComplaintWorkflow.Close(complaint, Now, "office");

        Assert.Equal(ComplaintStatus.Closed, complaint.Status);
        Assert.Equal(Now, complaint.ClosedAt);
        Assert.Equal([ComplaintProblem.AlreadyClosed], ComplaintWorkflow.CloseProblems(complaint, Now));
        Assert.Equal(ComplaintProblem.AlreadyClosed, ComplaintWorkflow.ReplyProblem(complaint, FeedbackMethod.Phone, Now, Now));
        Assert.Throws<InvalidOperationException>(() => ComplaintWorkflow.Close(complaint, Now, "office"));
    }

    [Theory]
    // 好差评: 1 非常不满意 and 2 不满意 are 差评; 3 基本满意, 4 满意, 5 非常满意 are not; 0 and 6 are no level.
    [InlineData(0, false, false)]
    [InlineData(1, true, true)]
    [InlineData(2, true, true)]
    [InlineData(3, true, false)]
    [InlineData(4, true, false)]
    [InlineData(5, true, false)]
    [InlineData(6, false, false)]
    public void AC5_RatingsRunOneToFive_AndOnlyOneAndTwoAreBad(int level, bool valid, bool bad)
    {
        Assert.Equal(valid, ComplaintWorkflow.IsValidLevel(level));
        Assert.Equal(bad, ComplaintWorkflow.IsBadRating(level));
    }

    private static Complaint Complaint(ComplaintKind kind) => new()
    {
        Number = "TS20261125-001",
        Kind = kind,
        Source = kind == ComplaintKind.BadRating ? ComplaintSource.Rating : ComplaintSource.Visit,
        ReceivedAt = Received,
        ReceivedBy = "office",
        Content = "窗口工作人员态度生硬",
        CallBackRequired = kind == ComplaintKind.BadRating,
        DueSoonAt = Instant("2026-12-01T17:00+08:00"),
        DueAt = Instant("2026-12-02T17:00+08:00"),
    };
}
