using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Inquiries;

namespace HallOps.Tests.Domain;

/// <summary>
/// 首问登记 (FQ1–FQ3.8) as the rules apply it: what a new inquiry needs (FQ1), what each disposition
/// needs (FQ3.1–FQ3.6), that an inquiry closes only with a disposition and the feedback to the person
/// (FQ3.1), and when one left without a disposition is due its end-of-day alert (FQ3.8).
/// </summary>
public class InquiryRulesTests
{
    private static readonly DateTimeOffset Received = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Now = Received.AddMinutes(30);

    // Responder: staff 7 on window 1. Staff 8 is an active colleague, staff 9 holds no post any more;
    // window 3 is open, window 30 is closed.
    private static DispositionFacts Facts(int? handler = null, int? window = null) => new(
        ResponderStaffId: 7,
        ResponderWindowId: 1,
        Handler: handler switch { 7 or 8 => new StaffFact(handler.Value, true), 9 => new StaffFact(9, false), _ => null },
        TargetWindow: window switch { 1 or 3 => new WindowFact(window.Value, true), 30 => new WindowFact(30, false), _ => null });

    [Theory]
    // FQ1: a subject, a defined channel and category; the person's name and phone are optional.
    [InlineData(InquiryChannel.Visit, InquiryCategory.Consultation, "不动产登记需要带什么材料", null, null, "")]
    [InlineData(InquiryChannel.Phone, InquiryCategory.Complaint, "窗口人员态度差", "王大妈", "13855631234", "")]
    [InlineData(InquiryChannel.Visit, InquiryCategory.Consultation, "   ", null, null, "SubjectRequired")]
    [InlineData(InquiryChannel.Visit, InquiryCategory.Consultation, null, null, null, "SubjectRequired")]
    [InlineData(InquiryChannel.Visit, InquiryCategory.Consultation, "long:201", null, null, "SubjectTooLong")]
    [InlineData(InquiryChannel.Visit, InquiryCategory.Consultation, "long:200", null, null, "")]
    [InlineData((InquiryChannel)9, InquiryCategory.Consultation, "社保", null, null, "ChannelUnknown")]
    [InlineData(InquiryChannel.Letter, (InquiryCategory)0, "社保", null, null, "CategoryUnknown")]
    [InlineData(InquiryChannel.Visit, InquiryCategory.Business, "社保", "long:51", "long:31", "PersonNameTooLong,PersonPhoneTooLong")]
    public void FQ1_ANewInquiry_NeedsASubjectOfAtMost200_AndADefinedChannelAndCategory(
        InquiryChannel channel, InquiryCategory category, string? subject, string? name, string? phone, string expected)
    {
        var problems = InquiryRules.CheckNew(new NewInquiry(channel, category, Long(subject), Long(name), Long(phone)));

        Assert.Equal(expected, string.Join(",", problems));
    }

    [Theory]
    // FQ3.6: reports and complaints go to the bureau office by default; the others wait for the responder.
    [InlineData(InquiryCategory.Report, InquiryDisposition.BureauOffice)]
    [InlineData(InquiryCategory.Complaint, InquiryDisposition.BureauOffice)]
    [InlineData(InquiryCategory.Consultation, null)]
    [InlineData(InquiryCategory.Business, null)]
    public void FQ3_6_ReportsAndComplaints_GoToTheBureauOfficeByDefault(InquiryCategory category, InquiryDisposition? expected) =>
        Assert.Equal(expected, InquiryRules.DefaultDisposition(category));

    [Theory]
    // FQ3.1: handled — the answer is required, the written notice optional.
    [InlineData(InquiryDisposition.Handled, "带身份证和不动产权证书", null, null, null, null, null, "")]
    [InlineData(InquiryDisposition.Handled, "已答复", "long:4000", null, null, null, null, "")]
    [InlineData(InquiryDisposition.Handled, " ", "材料清单", null, null, null, null, "AnswerRequired")]
    [InlineData(InquiryDisposition.Handled, "long:1001", "long:4001", null, null, null, null, "AnswerTooLong,NoticeTooLong")]
    // FQ3.2: guided to the handler — a colleague, different from the responder, still holding a post.
    [InlineData(InquiryDisposition.GuidedToHandler, null, null, 8, null, null, null, "")]
    [InlineData(InquiryDisposition.GuidedToHandler, null, null, null, null, null, null, "HandlerRequired")]
    [InlineData(InquiryDisposition.GuidedToHandler, null, null, 7, null, null, null, "HandlerIsSelf")]
    [InlineData(InquiryDisposition.GuidedToHandler, null, null, 9, null, null, null, "HandlerUnknown")]
    [InlineData(InquiryDisposition.GuidedToHandler, null, null, 999, null, null, null, "HandlerUnknown")]
    // FQ3.3: guided to a window — one that exists and is open, not the responder's own.
    [InlineData(InquiryDisposition.GuidedToWindow, null, null, null, 3, null, null, "")]
    [InlineData(InquiryDisposition.GuidedToWindow, null, null, null, null, null, null, "WindowRequired")]
    [InlineData(InquiryDisposition.GuidedToWindow, null, null, null, 999, null, null, "WindowUnknown")]
    [InlineData(InquiryDisposition.GuidedToWindow, null, null, null, 30, null, null, "WindowInactive")]
    [InlineData(InquiryDisposition.GuidedToWindow, null, null, null, 1, null, null, "WindowIsOwn")]
    // FQ3.4: referred outside — the department's name AND address.
    [InlineData(InquiryDisposition.ReferredOutside, null, null, null, null, "县人民法院诉讼服务中心", "城关镇法院路1号", "")]
    [InlineData(InquiryDisposition.ReferredOutside, null, null, null, null, "县人民法院诉讼服务中心", " ", "DepartmentAddressRequired")]
    [InlineData(InquiryDisposition.ReferredOutside, null, null, null, null, null, "城关镇法院路1号", "DepartmentNameRequired")]
    [InlineData(InquiryDisposition.ReferredOutside, null, null, null, null, "long:101", "long:201", "DepartmentNameTooLong,DepartmentAddressTooLong")]
    // FQ3.5, FQ3.6: the guidance desk and the bureau office need nothing more.
    [InlineData(InquiryDisposition.GuidanceDesk, null, null, null, null, null, null, "")]
    [InlineData(InquiryDisposition.BureauOffice, null, null, null, null, null, null, "")]
    [InlineData(null, null, null, null, null, null, null, "DispositionRequired")]
    [InlineData((InquiryDisposition)42, null, null, null, null, null, null, "DispositionUnknown")]
    public void FQ3_EachDisposition_NeedsItsOwnFields(
        InquiryDisposition? disposition, string? answer, string? notice, int? handler, int? window, string? department, string? address, string expected)
    {
        var input = new DispositionInput(disposition, Long(answer), Long(notice), handler, window, Long(department), Long(address));

        var problems = InquiryRules.CheckDisposition(input, Facts(handler, window));

        Assert.Equal(expected, string.Join(",", problems));
    }

    [Fact]
    public void FQ3_1_AClosedInquiry_TakesNoNewDisposition() =>
        Assert.Equal([InquiryProblem.AlreadyClosed],
            InquiryRules.CheckDisposition(new DispositionInput(InquiryDisposition.GuidanceDesk), Facts(), closed: true));

    [Fact]
    public void FQ3_AChangedDisposition_LeavesNoFieldsOfTheOldOneBehind()
    {
        var inquiry = New();
        InquiryRules.ApplyDisposition(inquiry, new DispositionInput(InquiryDisposition.ReferredOutside, DepartmentName: "县法院", DepartmentAddress: "法院路1号"), Now);
        InquiryRules.ApplyDisposition(inquiry, new DispositionInput(InquiryDisposition.GuidedToWindow, TargetWindowId: 3), Now);

        Assert.Equal((InquiryDisposition.GuidedToWindow, 3, null, null), (inquiry.Disposition!.Value, inquiry.TargetWindowId!.Value, inquiry.DepartmentName, inquiry.DepartmentAddress));
    }

    [Theory]
    // FQ3.1: the feedback — how and when, not in the future and not before the inquiry was received.
    [InlineData(FeedbackMethod.OnTheSpot, 0, "")]
    [InlineData(FeedbackMethod.Phone, 30, "")]
    [InlineData(FeedbackMethod.Phone, 31, "FeedbackInFuture")]
    [InlineData(FeedbackMethod.TextMessage, -1, "FeedbackBeforeReceipt")]
    [InlineData(null, 10, "FeedbackMethodRequired")]
    [InlineData((FeedbackMethod)0, 10, "FeedbackMethodUnknown")]
    [InlineData(FeedbackMethod.Letter, null, "FeedbackTimeRequired")]
    public void FQ3_1_Feedback_NeedsAMethodAndATime_NotInTheFuture_NotBeforeReceipt(FeedbackMethod? method, int? minutesAfterReceipt, string expected)
    {
        DateTimeOffset? at = minutesAfterReceipt is { } m ? Received.AddMinutes(m) : null;

        Assert.Equal(expected, string.Join(",", InquiryRules.CheckFeedback(method, at, null, Received, Now)));
    }

    [Theory]
    // FQ3.1: an inquiry closes only with its disposition and the feedback recorded.
    [InlineData(false, false, "NotDisposed,NoFeedback")]
    [InlineData(true, false, "NoFeedback")]
    [InlineData(false, true, "NotDisposed")]
    [InlineData(true, true, "")]
    public void FQ3_1_AnInquiryCloses_OnlyWithADispositionAndTheFeedbackRecorded(bool disposed, bool fedBack, string expected)
    {
        var inquiry = New();
        if (disposed)
        {
            InquiryRules.ApplyDisposition(inquiry, new DispositionInput(InquiryDisposition.GuidanceDesk), Now);
        }
        if (fedBack)
        {
            inquiry.FeedbackMethod = FeedbackMethod.OnTheSpot;
            inquiry.FeedbackAt = Now;
        }

        Assert.Equal(expected, string.Join(",", InquiryRules.CheckClose(inquiry)));
        Assert.Equal(disposed ? InquiryState.AwaitingFeedback : InquiryState.Open, InquiryRules.StateOf(inquiry.Disposition, null));
    }

    [Fact]
    public void FQ3_1_AClosedInquiry_DoesNotCloseTwice()
    {
        var inquiry = New();
        inquiry.ClosedAt = Now;

        Assert.Equal([InquiryProblem.AlreadyClosed], InquiryRules.CheckClose(inquiry));
        Assert.Equal(InquiryState.Closed, InquiryRules.StateOf(InquiryDisposition.Handled, Now));
    }

    [Theory]
    // FQ3.8: due by the close of the working day it came in; after closing or on a rest day, by the close of the next working day.
    [InlineData("2026-11-25T10:00", "2026-11-25T17:00")] // Wednesday morning → Wednesday's close (winter hours)
    [InlineData("2026-11-25T16:59", "2026-11-25T17:00")]
    [InlineData("2026-11-25T18:30", "2026-11-26T17:00")] // after closing → Thursday's close
    [InlineData("2026-11-28T10:00", "2026-11-30T17:00")] // Saturday → Monday's close
    [InlineData("2026-10-02T10:00", "2026-10-08T17:00")] // National Day holiday → the first working day after it
    public void FQ3_8_AnInquiryIsDueItsDisposition_ByTheCloseOfItsWorkingDay(string received, string due)
    {
        var calendar = WorkingCalendar.ChinaDefault();

        Assert.Equal(Instant(due), InquiryEndOfDay.DisposeBy(Instant(received), calendar));
        Assert.False(InquiryEndOfDay.IsLeftOpen(Instant(received), null, Instant(due).AddMinutes(-1), calendar));
        Assert.True(InquiryEndOfDay.IsLeftOpen(Instant(received), null, Instant(due), calendar));
        Assert.False(InquiryEndOfDay.IsLeftOpen(Instant(received), InquiryDisposition.GuidanceDesk, Instant(due).AddDays(1), calendar));
    }

    private static DateTimeOffset Instant(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static Inquiry New() => new()
    {
        ReceivedAt = Received, Channel = InquiryChannel.Visit, Category = InquiryCategory.Consultation,
        Subject = "社保卡补办", ResponderUserName = "staff", ResponderName = "张晓明",
    };

    /// <summary>"long:N" stands for a text of N characters.</summary>
    private static string? Long(string? value) =>
        value is not null && value.StartsWith("long:", StringComparison.Ordinal) ? new string('字', int.Parse(value[5..], CultureInfo.InvariantCulture)) : value;
}
