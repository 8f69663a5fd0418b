using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Inquiries;

namespace HallOps.Domain.Complaints;

/// <summary>
/// The complaint queue's clock (SC2.6, AC5): a complaint is due at the close of the N-th working day
/// after the day it was received (a complaint received on a rest day, or after closing, counts from
/// the next working day); it turns yellow the given working days before, red when due — the same
/// lights as cases.
/// </summary>
public static class ComplaintRules
{
    /// <summary>The longest content the office keeps for one complaint.</summary>
    public const int MaxContent = 2000;

    /// <summary>The close of business on which a complaint received at <paramref name="receivedAt"/> is due.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset receivedAt, int workingDays, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var start = StartDay(receivedAt, calendar);
        return calendar.ClosingOf(calendar.AddWorkingDays(start, workingDays));
    }

    /// <summary>The moment the complaint turns yellow: the close of the working day <paramref name="dueSoonDays"/> before its due day.</summary>
    public static DateTimeOffset DueSoonAt(DateTimeOffset receivedAt, int workingDays, int dueSoonDays, WorkingCalendar calendar)
    {
        var start = StartDay(receivedAt, calendar);
        var days = Math.Max(0, workingDays - Math.Max(0, dueSoonDays));
        return days == 0 ? receivedAt : calendar.ClosingOf(calendar.AddWorkingDays(start, days));
    }

    /// <summary>None, yellow (即将超期) or red (超期) at <paramref name="now"/>; a closed complaint shows no light.</summary>
    public static CaseLight LightAt(DateTimeOffset now, ComplaintStatus status, DateTimeOffset dueSoonAt, DateTimeOffset dueAt) =>
        status == ComplaintStatus.Closed ? CaseLight.None : CaseClock.LightAt(now, dueSoonAt, dueAt);

    /// <summary>"TS20261126-003": the day's sequence, per the hall's local date.</summary>
    public static string Number(DateOnly localDate, long value) => $"TS{localDate:yyyyMMdd}-{value:D3}";

    /// <summary>The sequence the day's complaint numbers are taken from (<see cref="DocumentNumbers.NextAsync"/>).</summary>
    public static string SequenceName(DateOnly localDate) => $"complaint:{localDate:yyyyMMdd}";

    /// <summary>The kind a first inquiry's category opens (FQ3.6): 举报 → report, 投诉 → complaint; other categories open none.</summary>
    public static ComplaintKind? KindFor(InquiryCategory category) => category switch
    {
        InquiryCategory.Report => ComplaintKind.Report,
        InquiryCategory.Complaint => ComplaintKind.Complaint,
        _ => null,
    };

    /// <summary>
    /// The complaint a 举报/投诉 inquiry opens in the office's queue (FQ3.6, AC5): the inquiry's subject
    /// and person, about the responder's window, received when the inquiry was.
    /// </summary>
    public static Complaint FromInquiry(Inquiry inquiry, string number, DateTimeOffset dueSoonAt, DateTimeOffset dueAt)
    {
        var kind = KindFor(inquiry.Category)
            ?? throw new ArgumentException($"A {inquiry.Category} inquiry opens no complaint.", nameof(inquiry));
        return new Complaint
        {
            Number = number,
            Kind = kind,
            Source = ComplaintSource.Inquiry,
            Status = ComplaintStatus.Open,
            ReceivedAt = inquiry.ReceivedAt,
            ReceivedBy = inquiry.ResponderName,
            ComplainantName = inquiry.PersonName,
            ComplainantPhone = inquiry.PersonPhone,
            Content = inquiry.Subject.Length > MaxContent ? inquiry.Subject[..MaxContent] : inquiry.Subject,
            SubjectWindowId = inquiry.WindowId,
            InquiryId = inquiry.Id == 0 ? null : inquiry.Id,
            DueSoonAt = dueSoonAt,
            DueAt = dueAt,
        };
    }

    private static DateOnly StartDay(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        var date = calendar.LocalDate(receivedAt);
        return calendar.IsWorkingDay(date) && receivedAt < calendar.ClosingOf(date) ? date : calendar.NextWorkingDay(date);
    }
}
