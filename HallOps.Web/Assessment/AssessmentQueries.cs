using HallOps.Domain.Accountability;
using HallOps.Domain.Assessment;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Assessment;

/// <summary>A window as the assessment lists it.</summary>
public sealed record AssessmentWindow(int Id, int Number, string Name, bool IsActive);

/// <summary>A person as the assessment lists it, with the posts they hold (window number and A or B).</summary>
public sealed record AssessmentPerson(int Id, string Name, string EmployeeNo, IReadOnlyList<(int WindowNumber, PostRole Role)> Posts);

/// <summary>Who the figures are about: the windows, the people, and the posts (for the coverage replay).</summary>
public sealed record AssessmentSubjects(
    IReadOnlyList<AssessmentWindow> Windows,
    IReadOnlyList<AssessmentPerson> People,
    IReadOnlyList<HeldPost> Posts)
{
    /// <summary>The A holders of each window's posts (a window's gap minutes count for them, AB4).</summary>
    public ILookup<int, int> AHolders { get; } = Posts.SelectMany(p => p.Holders.Where(h => h.Role == PostRole.A).Select(h => (p.WindowId, h.StaffMemberId)))
        .Distinct().ToLookup(x => x.WindowId, x => x.StaffMemberId);
}

/// <summary>
/// The raw figures of a span of hall-local days, per window, per person, and for the whole hall under
/// id 0 (everything, a case or complaint without a window or person included).
/// </summary>
public sealed record AssessmentSpan(AssessmentRaw Windows, AssessmentRaw Staff, AssessmentRaw Hall)
{
    /// <summary>The key of the hall's figures in <see cref="Hall"/>.</summary>
    public const int HallId = 0;
}

/// <summary>
/// Reads the assessment's raw figures for a span of hall-local dates [from, until) from the stored
/// rows, one grouped query per source (each on its own index), grouped by (window, person) and
/// split in memory into the window and the person maps:
/// <list type="bullet">
/// <item>cases (TL0, TL5): accepted by <see cref="ServiceCase.AcceptedAt"/>, completed by <see cref="ServiceCase.ClosedAt"/>
/// (on time per <see cref="ServiceCase.CompletedOnTime"/>), overdue when the due time fell in the span, has passed, and the case
/// was not closed by it; the window is the case's, the person its handler;</item>
/// <item>one-time-notice breaches (OT2, AC2 type 1): dereliction records of that type raised in the span and not dismissed;</item>
/// <item>gap and B-cover minutes (AB4, AB3): each day replayed through <see cref="CoverageDay"/> as the coverage day report does;
/// a window's gap minutes count for its A holders, B minutes for the B who covered;</item>
/// <item>round exceptions (SE2.2, SE4) found in the span at a window: for the person the window round was planned for, else the window's A holders;</item>
/// <item>IT findings (IT1, IT5): failed checks of a template item naming a computer rule ("IT…"), on a window's round,
/// by when they were checked; for the person the round was planned for, else the window's A holders;</item>
/// <item>first inquiries (FQ1) by receipt, for the window and the first responder;</item>
/// <item>complaints (AC5) by receipt, for the window and person complained about; upheld = 属实 or 部分属实;</item>
/// <item>confirmed derelictions (AC1–AC4) by their decision date, with their sanctions.</item>
/// </list>
/// Instants are compared in UTC against the hall-local midnights of the span.
/// </summary>
public static class AssessmentQueries
{
    public static async Task<AssessmentSubjects> SubjectsAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var windows = await db.Windows.AsNoTracking().OrderBy(w => w.Number)
            .Select(w => new AssessmentWindow(w.Id, w.Number, w.Name, w.IsActive)).ToListAsync(cancellationToken);
        var holders = await db.PostHolders.AsNoTracking()
            .Select(h => new { h.PostId, h.Post!.WindowId, h.Post.Window!.Number, h.Post.Window.IsActive, h.StaffMemberId, h.Role })
            .ToListAsync(cancellationToken);
        var postIds = await db.Posts.AsNoTracking().Where(p => p.Window!.IsActive).Select(p => new { p.Id, p.WindowId }).ToListAsync(cancellationToken);
        var posts = postIds.Select(p => new HeldPost(p.Id, p.WindowId,
            holders.Where(h => h.PostId == p.Id).Select(h => new HolderRole(h.StaffMemberId, h.Role)).ToList())).ToList();
        var people = await db.StaffMembers.AsNoTracking().Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        var personList = people.OrderBy(p => p.EmployeeNo, StringComparer.Ordinal)
            .Select(p => new AssessmentPerson(p.Id, p.Name, p.EmployeeNo,
                holders.Where(h => h.StaffMemberId == p.Id && h.IsActive).OrderBy(h => h.Number).ThenBy(h => h.Role)
                    .Select(h => (h.Number, h.Role)).Distinct().ToList()))
            .ToList();
        return new AssessmentSubjects(windows, personList, posts);
    }

    /// <summary>The raw figures of [from, until) as of <paramref name="now"/> (nothing after now is counted: the month so far).</summary>
    public static async Task<AssessmentSpan> SpanAsync(
        HallDbContext db, WorkingCalendar calendar, AssessmentSubjects subjects, DateOnly from, DateOnly until, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var start = calendar.ToInstant(from, TimeOnly.MinValue);
        var end = calendar.ToInstant(until, TimeOnly.MinValue);
        var dueEnd = end < now ? end : now;
        var w = new Tally();
        var s = new Tally();
        var h = new Tally();

        // Cases (TL0, TL5): three grouped queries, on the AcceptedAt, ClosedAt and (State, DueAt) indexes.
        var accepted = await db.Cases.AsNoTracking()
            .Where(c => c.AcceptedAt >= start && c.AcceptedAt < end)
            .GroupBy(c => new { c.WindowId, c.HandlerStaffId })
            .Select(g => new { g.Key.WindowId, StaffId = g.Key.HandlerStaffId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in accepted)
        {
            Add(w.Accepted, row.WindowId, row.Count);
            Add(h.Accepted, AssessmentSpan.HallId, row.Count);
            Add(s.Accepted, row.StaffId, row.Count);
        }
        var completed = await db.Cases.AsNoTracking()
            .Where(c => c.ClosedAt >= start && c.ClosedAt < end && c.State == CaseState.Completed)
            .GroupBy(c => new { c.WindowId, c.HandlerStaffId })
            .Select(g => new { g.Key.WindowId, StaffId = g.Key.HandlerStaffId, Count = g.Count(), OnTime = g.Count(c => c.CompletedOnTime == true) })
            .ToListAsync(cancellationToken);
        foreach (var row in completed)
        {
            Add(w.Completed, row.WindowId, row.Count);
            Add(h.Completed, AssessmentSpan.HallId, row.Count);
            Add(s.Completed, row.StaffId, row.Count);
            Add(w.OnTime, row.WindowId, row.OnTime);
            Add(h.OnTime, AssessmentSpan.HallId, row.OnTime);
            Add(s.OnTime, row.StaffId, row.OnTime);
        }
        var overdue = await db.Cases.AsNoTracking()
            .Where(c => c.DueAt >= start && c.DueAt < dueEnd && (c.ClosedAt == null || c.ClosedAt > c.DueAt))
            .GroupBy(c => new { c.WindowId, c.HandlerStaffId })
            .Select(g => new { g.Key.WindowId, StaffId = g.Key.HandlerStaffId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in overdue)
        {
            Add(w.Overdue, row.WindowId, row.Count);
            Add(h.Overdue, AssessmentSpan.HallId, row.Count);
            Add(s.Overdue, row.StaffId, row.Count);
        }

        // One-time-notice breaches (OT2, AC2 type 1): drafted from the cases, counted unless dismissed; the window is the record's or its case's.
        var breaches = await db.DerelictionRecords.AsNoTracking()
            .Where(d => d.Type == DerelictionType.NoOneTimeNotice && d.Status != DerelictionStatus.Dismissed && d.CreatedAt >= start && d.CreatedAt < end)
            .GroupBy(d => new { WindowId = d.WindowId ?? db.Cases.Where(c => c.Id == d.CaseId).Select(c => c.WindowId).FirstOrDefault(), d.StaffMemberId })
            .Select(g => new { g.Key.WindowId, g.Key.StaffMemberId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in breaches)
        {
            Add(w.Breaches, row.WindowId, row.Count);
            Add(h.Breaches, AssessmentSpan.HallId, row.Count);
            Add(s.Breaches, row.StaffMemberId, row.Count);
        }

        // Confirmed derelictions (AC1–AC4) by decision date, with their sanctions (few rows: joined in memory).
        var derelictions = await db.DerelictionRecords.AsNoTracking()
            .Where(d => d.Status == DerelictionStatus.Confirmed && d.DecisionDate >= from && d.DecisionDate < until)
            .Select(d => new { WindowId = d.WindowId ?? db.Cases.Where(c => c.Id == d.CaseId).Select(c => c.WindowId).FirstOrDefault(), d.StaffMemberId, d.Sanctions })
            .ToListAsync(cancellationToken);
        foreach (var row in derelictions)
        {
            Add(w.Derelictions, row.WindowId, 1);
            Add(h.Derelictions, AssessmentSpan.HallId, 1);
            Add(s.Derelictions, row.StaffMemberId, 1);
            Join(w.Sanctions, row.WindowId, row.Sanctions);
            Join(h.Sanctions, AssessmentSpan.HallId, row.Sanctions);
            Join(s.Sanctions, row.StaffMemberId, row.Sanctions);
        }

        // Round exceptions at a window (SE2.2, SE4).
        var exceptions = await db.RoundExceptions.AsNoTracking()
            .Where(e => e.WindowId != null && e.FoundAt >= start && e.FoundAt < end)
            .Select(e => new
            {
                e.WindowId,
                StaffId = db.Rounds.Where(r => r.Id == e.RoundId && r.WindowId != null).Select(r => r.ResponsibleStaffId).FirstOrDefault(),
            })
            .GroupBy(e => new { e.WindowId, e.StaffId })
            .Select(g => new { g.Key.WindowId, g.Key.StaffId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in exceptions)
        {
            Add(w.Exceptions, row.WindowId, row.Count);
            Add(h.Exceptions, AssessmentSpan.HallId, row.Count);
            if (row.StaffId is not null)
            {
                Add(s.Exceptions, row.StaffId, row.Count);
            }
            else
            {
                foreach (var holder in subjects.AHolders[row.WindowId!.Value])
                {
                    Add(s.Exceptions, holder, row.Count);
                }
            }
        }

        // IT findings (IT1, IT5): a failed item of a computer rule on a window's inspection, matched to its template item by text.
        var itFindings = await (
                from c in db.Set<Domain.Rounds.RoundCheck>().AsNoTracking()
                join r in db.Rounds.AsNoTracking() on c.InstanceId equals r.Id
                where r.WindowId != null && c.Result == Domain.Rounds.CheckResult.Fail && c.CheckedAt >= start && c.CheckedAt < end
                    && db.Set<Domain.Rounds.RoundTemplateItem>().Any(i => i.TemplateId == r.TemplateId && i.Text == c.Text
                        && i.Regulation != null && i.Regulation.StartsWith("IT"))
                select new { r.WindowId, StaffId = r.ResponsibleStaffId })
            .GroupBy(x => new { x.WindowId, x.StaffId })
            .Select(g => new { g.Key.WindowId, g.Key.StaffId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in itFindings)
        {
            Add(w.ItFindings, row.WindowId, row.Count);
            Add(h.ItFindings, AssessmentSpan.HallId, row.Count);
            if (row.StaffId is not null)
            {
                Add(s.ItFindings, row.StaffId, row.Count);
            }
            else
            {
                foreach (var holder in subjects.AHolders[row.WindowId!.Value])
                {
                    Add(s.ItFindings, holder, row.Count);
                }
            }
        }

        // First inquiries (FQ1): the window and the first responder.
        var inquiries = await db.Inquiries.AsNoTracking()
            .Where(i => i.ReceivedAt >= start && i.ReceivedAt < end)
            .GroupBy(i => new { i.WindowId, i.ResponderStaffId })
            .Select(g => new { g.Key.WindowId, g.Key.ResponderStaffId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var row in inquiries)
        {
            Add(w.Inquiries, row.WindowId, row.Count);
            Add(h.Inquiries, AssessmentSpan.HallId, row.Count);
            Add(s.Inquiries, row.ResponderStaffId, row.Count);
        }

        // Complaints (AC5): the window and the person complained about; upheld or partly upheld.
        var complaints = await db.Complaints.AsNoTracking()
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)
            .GroupBy(c => new { c.SubjectWindowId, c.SubjectStaffId })
            .Select(g => new
            {
                g.Key.SubjectWindowId, g.Key.SubjectStaffId, Count = g.Count(),
                Upheld = g.Count(c => c.Outcome == ComplaintOutcome.Upheld || c.Outcome == ComplaintOutcome.PartlyUpheld),
            })
            .ToListAsync(cancellationToken);
        foreach (var row in complaints)
        {
            Add(w.Complaints, row.SubjectWindowId, row.Count);
            Add(h.Complaints, AssessmentSpan.HallId, row.Count);
            Add(s.Complaints, row.SubjectStaffId, row.Count);
            Add(w.Upheld, row.SubjectWindowId, row.Upheld);
            Add(h.Upheld, AssessmentSpan.HallId, row.Upheld);
            Add(s.Upheld, row.SubjectStaffId, row.Upheld);
        }

        await CoverageAsync(db, calendar, subjects, from, until, now, w, s, h, cancellationToken);
        return new AssessmentSpan(w.Raw(), s.Raw(), h.Raw());
    }

    /// <summary>
    /// Gap and B-cover minutes (AB4, AB3) of every day of the span up to now: the presence history is
    /// read once for the span (and the look-back before it) and each day replayed through the coverage rule.
    /// </summary>
    private static async Task CoverageAsync(
        HallDbContext db, WorkingCalendar calendar, AssessmentSubjects subjects, DateOnly from, DateOnly until, DateTimeOffset now,
        Tally w, Tally s, Tally h, CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(now);
        var last = until.AddDays(-1) < today ? until.AddDays(-1) : today;
        if (last < from || subjects.Posts.Count == 0)
        {
            return;
        }
        var start = calendar.ToInstant(from, TimeOnly.MinValue);
        var end = calendar.ToInstant(last.AddDays(1), TimeOnly.MinValue);
        var since = start - CoverageHistory.LookBack;
        var events = await db.PresenceEvents.AsNoTracking()
            .Where(e => e.At >= since && e.At < end)
            .Select(e => new PresenceChange(e.StaffMemberId, e.At, e.State, e.HandoverToStaffId))
            .ToListAsync(cancellationToken);
        var rows = await db.Presences.AsNoTracking()
            .Where(p => p.Since < end)
            .Select(p => new PresenceChange(p.StaffMemberId, p.Since, p.State, p.HandoverToStaffId))
            .ToListAsync(cancellationToken);
        var known = events.Select(e => (e.StaffMemberId, e.At)).ToHashSet();
        events.AddRange(rows.Where(r => !known.Contains((r.StaffMemberId, r.At))));
        var byPerson = events.GroupBy(e => e.StaffMemberId)
            .Select(g => g.OrderBy(e => e.At).ToList())
            .ToList();

        for (var day = from; day <= last; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }
            var dayStart = calendar.ToInstant(day, TimeOnly.MinValue);
            var dayEnd = calendar.ToInstant(day.AddDays(1), TimeOnly.MinValue);
            var history = new List<PresenceChange>();
            foreach (var changes in byPerson)
            {
                // The person's last change before the day (their state at its start), then the day's own.
                var before = changes.FindLastIndex(c => c.At < dayStart);
                if (before >= 0)
                {
                    history.Add(changes[before]);
                }
                for (var i = before + 1; i < changes.Count && changes[i].At < dayEnd; i++)
                {
                    history.Add(changes[i]);
                }
            }
            var result = CoverageDay.Compute(day, subjects.Posts, history, calendar, day == today ? now : null);
            foreach (var window in result.Windows)
            {
                Add(w.Gap, window.WindowId, window.GapMinutes);
                Add(h.Gap, AssessmentSpan.HallId, window.GapMinutes);
                Add(w.BCover, window.WindowId, window.BMinutes);
                Add(h.BCover, AssessmentSpan.HallId, window.BMinutes);
                foreach (var holder in subjects.AHolders[window.WindowId])
                {
                    Add(s.Gap, holder, window.GapMinutes);
                }
                foreach (var covered in window.Intervals.Where(i => i is { State: CoverageState.ByB, CoveringStaffId: not null }).GroupBy(i => i.CoveringStaffId))
                {
                    Add(s.BCover, covered.Key, (int)Math.Round(covered.Sum(i => i.Length.TotalMinutes), MidpointRounding.AwayFromZero));
                }
            }
        }
    }

    private static void Add(Dictionary<int, int> map, int? id, int count)
    {
        if (id is { } key && count != 0)
        {
            map[key] = map.GetValueOrDefault(key) + count;
        }
    }

    private static void Join(Dictionary<int, DerelictionSanctions> map, int? id, DerelictionSanctions sanctions)
    {
        if (id is { } key)
        {
            map[key] = map.GetValueOrDefault(key) | sanctions;
        }
    }

    private sealed class Tally
    {
        public Dictionary<int, int> Accepted { get; } = [];
        public Dictionary<int, int> Completed { get; } = [];
        public Dictionary<int, int> OnTime { get; } = [];
        public Dictionary<int, int> Overdue { get; } = [];
        public Dictionary<int, int> Breaches { get; } = [];
        public Dictionary<int, int> Gap { get; } = [];
        public Dictionary<int, int> BCover { get; } = [];
        public Dictionary<int, int> Exceptions { get; } = [];
        public Dictionary<int, int> Inquiries { get; } = [];
        public Dictionary<int, int> ItFindings { get; } = [];
        public Dictionary<int, int> Complaints { get; } = [];
        public Dictionary<int, int> Upheld { get; } = [];
        public Dictionary<int, int> Derelictions { get; } = [];
        public Dictionary<int, DerelictionSanctions> Sanctions { get; } = [];

        public AssessmentRaw Raw() => new()
        {
            Accepted = Accepted, Completed = Completed, CompletedOnTime = OnTime, Overdue = Overdue, NoticeBreaches = Breaches,
            GapMinutes = Gap, BCoverMinutes = BCover, Exceptions = Exceptions, Inquiries = Inquiries, Complaints = Complaints,
            ComplaintsUpheld = Upheld, Derelictions = Derelictions, Sanctions = Sanctions, ItFindings = ItFindings,
        };
    }
}
