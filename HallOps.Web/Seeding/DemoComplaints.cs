using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo office queue (AC5, SC2.6), into a hall that has no complaint yet: one overdue complaint,
/// one report due soon, a bad rating (差评) waiting for its call-back, one open complaint well in
/// time, and one closed with its outcome and reply. Times are counted back in working days from
/// the seeding instant, so the lights are the same whatever day the demo starts. Texts are data,
/// as the office writes them.
/// </summary>
public static class DemoComplaints
{
    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, HallOptions options, CancellationToken cancellationToken)
    {
        if (await db.Complaints.AnyAsync(cancellationToken) || !await db.Windows.AnyAsync(cancellationToken))
        {
            return;
        }
        var calendar = new WorkingCalendar(options.Zone(), OfficialHolidays.Load(), OpeningHours.From(options.OpeningHours));
        var settings = options.Complaints;
        var windows = await db.Windows.ToDictionaryAsync(w => w.Number, w => w.Id, cancellationToken);
        var staff = await db.StaffMembers.ToDictionaryAsync(s => s.Name, s => s.Id, cancellationToken);
        var numbers = new Dictionary<DateOnly, long>();

        Complaint New(ComplaintKind kind, ComplaintSource source, DateTimeOffset received, string content, int? window, string? staffName)
        {
            var days = kind == ComplaintKind.BadRating ? settings.BadRatingDueWorkingDays : settings.DueWorkingDays;
            var date = calendar.LocalDate(received);
            numbers[date] = numbers.GetValueOrDefault(date) + 1;
            return new Complaint
            {
                Number = ComplaintRules.Number(date, numbers[date]),
                Kind = kind,
                Source = source,
                Status = ComplaintStatus.Open,
                ReceivedAt = received,
                ReceivedBy = "局办公室 王敏",
                Content = content,
                SubjectWindowId = window is { } n && windows.TryGetValue(n, out var id) ? id : null,
                SubjectStaffId = staffName is not null && staff.TryGetValue(staffName, out var sid) ? sid : null,
                CallBackRequired = kind == ComplaintKind.BadRating,
                DueSoonAt = ComplaintRules.DueSoonAt(received, days, settings.DueSoonWorkingDays, calendar),
                DueAt = ComplaintRules.DueAt(received, days, calendar),
            };
        }

        var overdue = New(ComplaintKind.Complaint, ComplaintSource.Phone, WorkingDaysBefore(calendar, now, settings.DueWorkingDays + 2, 9, 40),
            "来电反映：在3号窗口办理营业执照变更，材料齐全仍被要求回去补开证明，往返三次未办成。", 3, null);
        overdue.ComplainantName = "刘建国";
        overdue.ComplainantPhone = "13955621873";
        overdue.Notes.Add(new ComplaintNote { At = overdue.ReceivedAt.AddHours(2), By = "局办公室 王敏", Text = "已电话联系窗口负责人，要求说明情况。" });

        var dueSoon = New(ComplaintKind.Report, ComplaintSource.Letter, WorkingDaysBefore(calendar, now, settings.DueWorkingDays, 10, 15),
            "来函举报：有中介人员在大厅二楼长期代办收费，疑似与窗口人员串通插队。", 8, null);

        var rating = New(ComplaintKind.BadRating, ComplaintSource.RatingImport, WorkingDaysBefore(calendar, now, 0, 9, 5),
            "等了四十分钟，工作人员一直在打电话，态度冷淡。", 1, "张晓明");
        rating.RatingLevel = 2;
        rating.RatingReference = "HP-DEMO-0001";
        rating.ComplainantPhone = "138****6621";

        var inTime = New(ComplaintKind.Complaint, ComplaintSource.Visit, WorkingDaysBefore(calendar, now, 1, 15, 30),
            "来访反映：自助取号机经常故障，老年人不会操作也无人引导。", null, null);
        inTime.ComplainantName = "陈秀英";

        var closed = New(ComplaintKind.Complaint, ComplaintSource.Online, WorkingDaysBefore(calendar, now, settings.DueWorkingDays + 4, 14, 20),
            "网上投诉：社保窗口午休时间无人值守，群众排队等待。", 4, null);
        closed.ComplainantName = "赵磊";
        closed.ComplainantPhone = "0563-5512301";
        closed.Outcome = ComplaintOutcome.PartlyUpheld;
        closed.OutcomeNote = "经查，当日A岗外出办事，B岗迟到15分钟到岗；已批评教育。";
        closed.ReplyMethod = FeedbackMethod.Phone;
        closed.RepliedAt = closed.ReceivedAt.AddDays(2);
        closed.ReplyNote = "已电话告知核查结果及整改措施，投诉人表示满意。";
        closed.Status = ComplaintStatus.Closed;
        closed.ClosedAt = closed.RepliedAt.Value.AddHours(1);
        closed.ClosedBy = "局办公室 王敏";

        db.Complaints.AddRange(overdue, dueSoon, rating, inTime, closed);
        foreach (var (date, value) in numbers)
        {
            var name = ComplaintRules.SequenceName(date);
            var sequence = await db.NumberSequences.SingleOrDefaultAsync(s => s.Name == name, cancellationToken);
            if (sequence is null)
            {
                db.NumberSequences.Add(new NumberSequence { Name = name, Value = value });
            }
            else
            {
                sequence.Value = Math.Max(sequence.Value, value);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The given local time on the working day <paramref name="days"/> working days before the day of <paramref name="now"/>, never after now.</summary>
    private static DateTimeOffset WorkingDaysBefore(WorkingCalendar calendar, DateTimeOffset now, int days, int hour, int minute)
    {
        var date = calendar.LocalDate(now);
        for (var counted = 0; counted < days || !calendar.IsWorkingDay(date);)
        {
            date = date.AddDays(-1);
            if (calendar.IsWorkingDay(date))
            {
                counted++;
            }
        }
        var at = calendar.ToInstant(date, new TimeOnly(hour, minute));
        return at > now ? now.AddMinutes(-5) : at;
    }
}
