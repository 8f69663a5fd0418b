using System.Globalization;
using HallOps.Domain.Accountability;
using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Hall;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Complaints;

/// <summary>
/// 投诉举报 (AC5, SC2.6): the bureau office's queue of complaints, reports and bad ratings — open
/// ones first by due time with the case lights, the counts, the complaint alerts; taking one
/// directly (visit, the published complaint line, letter, online); handling notes, whom it is
/// about, the outcome, the reply to the complainant, a bad rating's call-back and fix, closing
/// (<see cref="ComplaintWorkflow"/>), and raising a dereliction draft from it (AC1, AC2).
/// Complaints policy (Office, Manager, Admin), re-checked on every read and action. Every change
/// names the version the clerk saw: two clerks at once → one change is stored, the other is told.
/// </summary>
public sealed class ComplaintService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxName = 50;
    public const int MaxPhone = 30;
    public const int MaxRows = 500;

    /// <summary>How a complaint may be taken directly by the office (a 投诉 inquiry arrives by itself).</summary>
    public static readonly ComplaintSource[] DirectSources = [ComplaintSource.Visit, ComplaintSource.Phone, ComplaintSource.Letter, ComplaintSource.Online];

    public TimeZoneInfo Zone => options.Value.Zone();

    public string KindName(ComplaintKind kind) => L[$"Complaint.Kind.{kind}"];

    public string SourceName(ComplaintSource source) => L[$"Complaint.Source.{source}"];

    public string StatusName(ComplaintStatus status) => L[$"Complaint.Status.{status}"];

    public string OutcomeName(ComplaintOutcome outcome) => L[$"Complaint.Outcome.{outcome}"];

    public string MethodName(FeedbackMethod method) => L[$"Complaint.Method.{method}"];

    public string LightName(CaseLight light) => L[$"Complaint.Light.{light}"];

    public string LevelName(int level) => L[$"Rating.Level.{level}"];

    public string ProblemText(ComplaintProblem problem) => L[$"Complaint.Problem.{problem}"];

    public string DerelictionTypeName(DerelictionType type) => L[$"Dereliction.Type.{type}"];

    public string DerelictionStatusName(DerelictionStatus status) => L[$"Dereliction.Status.{status}"];

    public string AlertKindName(string kind) => L[$"Alert.Kind.{kind}"];

    public async Task<ComplaintChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var staff = await db.StaffMembers.AsNoTracking().OrderBy(s => s.EmployeeNo)
            .Select(s => new { s.Id, s.Name, s.EmployeeNo }).ToListAsync(cancellationToken);
        return new ComplaintChoices(
            windows.Select(w => new ChoiceItem(w.Id, L["Complaint.WindowLabel", w.Number, w.Name])).ToList(),
            staff.Select(s => new ChoiceItem(s.Id, $"{s.Name} ({s.EmployeeNo})")).ToList());
    }

    /// <summary>The queue: open complaints first by due time (the most urgent on top), then closed ones, newest first.</summary>
    public async Task<ComplaintQueue> QueueAsync(ComplaintFilter filter, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var now = time.GetUtcNow();
        var calendar = await calendars.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Complaints.AsNoTracking();
        if (filter.Kind is { } kind)
        {
            query = query.Where(c => c.Kind == kind);
        }
        if (filter.Source is { } source)
        {
            query = query.Where(c => c.Source == source);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }
        if (filter.WindowId is { } windowId)
        {
            query = query.Where(c => c.SubjectWindowId == windowId);
        }
        if (filter.StaffId is { } staffId)
        {
            query = query.Where(c => c.SubjectStaffId == staffId);
        }
        if (filter.ReceivedFrom is { } from)
        {
            var start = calendar.ToInstant(from, TimeOnly.MinValue);
            query = query.Where(c => c.ReceivedAt >= start);
        }
        if (filter.ReceivedTo is { } to)
        {
            var end = calendar.ToInstant(to.AddDays(1), TimeOnly.MinValue);
            query = query.Where(c => c.ReceivedAt < end);
        }
        var open = await Rows(db, query.Where(c => c.Status == ComplaintStatus.Open).OrderBy(c => c.DueAt).ThenBy(c => c.Id).Take(MaxRows), now)
            .ToListAsync(cancellationToken);
        var closed = await Rows(db, query.Where(c => c.Status == ComplaintStatus.Closed).OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Id).Take(MaxRows), now)
            .ToListAsync(cancellationToken);
        var rows = open.Concat(closed).Select(r => r with { Light = ComplaintRules.LightAt(now, r.Status, r.DueSoonAt, r.DueAt) }).ToList();

        // The counts are of the whole queue, whatever the filter.
        var counts = await db.Complaints.AsNoTracking().Where(c => c.Status == ComplaintStatus.Open)
            .Select(c => new { c.DueSoonAt, c.DueAt }).ToListAsync(cancellationToken);
        var lights = counts.Select(c => ComplaintRules.LightAt(now, ComplaintStatus.Open, c.DueSoonAt, c.DueAt)).ToList();

        string[] kinds = [AlertKinds.ComplaintDueSoon, AlertKinds.ComplaintOverdue];
        var alerts = await db.Alerts.AsNoTracking().Where(a => a.IsOpen && kinds.Contains(a.Kind))
            .OrderByDescending(a => a.Severity).ThenByDescending(a => a.RaisedAt).Take(50)
            .Select(a => new { a.Id, a.Kind, a.Severity, a.Subject, a.RaisedAt }).ToListAsync(cancellationToken);
        var alertIds = alerts.Select(a => ParseId(a.Subject)).OfType<long>().ToList();
        var numbers = await db.Complaints.AsNoTracking().Where(c => alertIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, cancellationToken);
        var alertRows = alerts.Where(a => ParseId(a.Subject) is not null)
            .Select(a =>
            {
                var id = ParseId(a.Subject)!.Value;
                return new ComplaintAlertRow(a.Id, a.Kind, a.Severity, id, numbers.GetValueOrDefault(id), a.RaisedAt);
            })
            .ToList();

        return new ComplaintQueue(rows, counts.Count, lights.Count(l => l == CaseLight.Yellow), lights.Count(l => l == CaseLight.Red), alertRows);
    }

    /// <summary>One complaint, with its notes, its dereliction records and the inquiry it came from; null if there is none.</summary>
    public async Task<ComplaintDetail?> DetailAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var c = await db.Complaints.AsNoTracking().Include(x => x.Notes).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (c is null)
        {
            return null;
        }
        var staffName = c.SubjectStaffId is { } staffId
            ? await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var window = c.SubjectWindowId is { } windowId
            ? await db.Windows.Where(w => w.Id == windowId).Select(w => new { w.Number, w.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        var derelictions = await db.DerelictionRecords.AsNoTracking().Where(d => d.ComplaintId == id)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
            .Select(d => new LinkedDereliction(d.Id, d.Type, d.Status, d.StaffMember!.Name, d.Summary, d.CreatedAt))
            .ToListAsync(cancellationToken);
        var inquiry = c.InquiryId is { } inquiryId
            ? await db.Inquiries.AsNoTracking().Where(i => i.Id == inquiryId)
                .Select(i => new LinkedInquiry(i.Id, i.ReceivedAt, i.Channel, i.ResponderName, i.Subject)).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new ComplaintDetail(
            c.Id, c.Number, c.Kind, c.Source, c.Status, c.ReceivedAt, c.ReceivedBy, c.ComplainantName, c.ComplainantPhone, c.Content,
            c.SubjectStaffId, staffName, c.SubjectWindowId, window?.Number, window?.Name,
            c.RatingLevel, c.RatingReference, c.DueSoonAt, c.DueAt, ComplaintRules.LightAt(now, c.Status, c.DueSoonAt, c.DueAt),
            c.Outcome, c.OutcomeNote, c.ReplyMethod, c.RepliedAt, c.ReplyNote,
            ComplaintWorkflow.NeedsCallBack(c), c.CalledBackAt, c.CallBackNote, c.FixNote,
            c.ClosedAt, c.ClosedBy, c.Version,
            c.Notes.OrderBy(n => n.At).ThenBy(n => n.Id).Select(n => new ComplaintNoteView(n.At, n.By, n.Text)).ToList(),
            derelictions, inquiry, ComplaintWorkflow.CloseProblems(c, now));
    }

    /// <summary>Takes a complaint or report directly (AC5): content required, complainant optional, due in working days (SC2.6).</summary>
    public async Task<ComplaintResult> TakeAsync(ComplaintIntake intake, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        var errors = new List<string>();
        if (intake.Kind is not (ComplaintKind.Complaint or ComplaintKind.Report))
        {
            errors.Add(L["Complaint.KindRequired"]);
        }
        if (!DirectSources.Contains(intake.Source))
        {
            errors.Add(L["Complaint.SourceRequired"]);
        }
        var content = intake.Content?.Trim() ?? "";
        if (content.Length == 0)
        {
            errors.Add(L["Complaint.ContentRequired"]);
        }
        else if (content.Length > ComplaintRules.MaxContent)
        {
            errors.Add(L["Complaint.ContentTooLong", ComplaintRules.MaxContent]);
        }
        var name = Blank(intake.ComplainantName);
        if (name is { Length: > MaxName })
        {
            errors.Add(L["Complaint.NameTooLong", MaxName]);
        }
        var phone = Blank(intake.ComplainantPhone);
        if (phone is not null && !IntakeRules.IsValidPhone(phone))
        {
            errors.Add(L["Complaint.PhoneInvalid"]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        errors.AddRange(await SubjectErrorsAsync(db, intake.SubjectStaffId, intake.SubjectWindowId, cancellationToken));
        if (errors.Count > 0)
        {
            return new ComplaintResult(errors);
        }

        var now = time.GetUtcNow();
        var complaint = await NewComplaintAsync(intake.Kind, intake.Source, now, now, user.DisplayName, content, cancellationToken);
        complaint.ComplainantName = name;
        complaint.ComplainantPhone = phone;
        complaint.SubjectStaffId = intake.SubjectStaffId;
        complaint.SubjectWindowId = intake.SubjectWindowId;
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(cancellationToken);
        return new ComplaintResult([], complaint.Id);
    }

    /// <summary>A handling note (who, when, what), on an open or closed complaint (a later follow-up too).</summary>
    public Task<ComplaintResult> AddNoteAsync(long id, int version, string? text, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, allowClosed: true, (complaint, user, now) =>
        {
            if (ComplaintWorkflow.TextProblem(text, ComplaintWorkflow.MaxNote) is { } problem)
            {
                return [TextMessage(problem, ComplaintWorkflow.MaxNote)];
            }
            complaint.Notes.Add(new ComplaintNote { ComplaintId = complaint.Id, At = now, By = user, Text = text!.Trim() });
            return [];
        }, cancellationToken);

    /// <summary>Whom it is about: a staff member and/or a window (either may be cleared).</summary>
    public async Task<ComplaintResult> SetSubjectAsync(long id, int version, int? staffId, int? windowId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        await using (var check = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await SubjectErrorsAsync(check, staffId, windowId, cancellationToken) is { Count: > 0 } errors)
            {
                return new ComplaintResult(errors);
            }
        }
        return await ChangeAsync(id, version, allowClosed: false, (complaint, _, _) =>
        {
            complaint.SubjectStaffId = staffId;
            complaint.SubjectWindowId = windowId;
            return [];
        }, cancellationToken);
    }

    /// <summary>What the office found: 属实 / 部分属实 / 不属实, with a note.</summary>
    public Task<ComplaintResult> RecordOutcomeAsync(long id, int version, ComplaintOutcome? outcome, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, allowClosed: false, (complaint, _, _) =>
        {
            if (outcome is null || !Enum.IsDefined(outcome.Value))
            {
                return [ProblemText(ComplaintProblem.NoOutcome)];
            }
            if (ComplaintWorkflow.TextProblem(note, ComplaintWorkflow.MaxOutcomeNote, required: false) is { } problem)
            {
                return [TextMessage(problem, ComplaintWorkflow.MaxOutcomeNote)];
            }
            complaint.Outcome = outcome;
            complaint.OutcomeNote = Blank(note);
            return [];
        }, cancellationToken);

    /// <summary>The reply to the complainant: how, when (not in the future), and what was said.</summary>
    public Task<ComplaintResult> ReplyAsync(long id, int version, FeedbackMethod? method, DateTimeOffset? at, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, allowClosed: false, (complaint, _, now) =>
        {
            if (ComplaintWorkflow.ReplyProblem(complaint, method, at, now) is { } problem)
            {
                return [ProblemText(problem)];
            }
            if (ComplaintWorkflow.TextProblem(note, ComplaintWorkflow.MaxReplyNote, required: false) is { } textProblem)
            {
                return [TextMessage(textProblem, ComplaintWorkflow.MaxReplyNote)];
            }
            complaint.ReplyMethod = method;
            complaint.RepliedAt = at;
            complaint.ReplyNote = Blank(note);
            return [];
        }, cancellationToken);

    /// <summary>A bad rating's call-back (回访): when, and what the rater said.</summary>
    public Task<ComplaintResult> CallBackAsync(long id, int version, DateTimeOffset? at, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, allowClosed: false, (complaint, _, now) =>
        {
            if (ComplaintWorkflow.CallBackProblem(complaint, at, note, now) is { } problem)
            {
                return [problem is ComplaintProblem.TextTooLong ? TextMessage(problem, ComplaintWorkflow.MaxCallBackNote) : ProblemText(problem)];
            }
            complaint.CalledBackAt = at;
            complaint.CallBackNote = note!.Trim();
            return [];
        }, cancellationToken);

    /// <summary>What was put right (整改).</summary>
    public Task<ComplaintResult> RecordFixAsync(long id, int version, string? note, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, allowClosed: false, (complaint, _, _) =>
        {
            if (ComplaintWorkflow.TextProblem(note, ComplaintWorkflow.MaxFixNote) is { } problem)
            {
                return [problem == ComplaintProblem.TextRequired ? ProblemText(ComplaintProblem.NoFix) : TextMessage(problem, ComplaintWorkflow.MaxFixNote)];
            }
            complaint.FixNote = note!.Trim();
            return [];
        }, cancellationToken);

    /// <summary>Closes the complaint if <see cref="ComplaintWorkflow.CloseProblems"/> allows it; its alerts are resolved at once.</summary>
    public async Task<ComplaintResult> CloseAsync(long id, int version, CancellationToken cancellationToken = default)
    {
        ComplaintResult result = await ChangeAsync(id, version, allowClosed: false, (complaint, user, now) =>
        {
            if (ComplaintWorkflow.CloseProblems(complaint, now) is { Count: > 0 } problems)
            {
                return problems.Select(ProblemText).ToList();
            }
            ComplaintWorkflow.Close(complaint, now, user);
            return [];
        }, cancellationToken, resolveAlerts: true);
        return result;
    }

    /// <summary>
    /// Raises a dereliction draft from the complaint (AC1, AC2, AC5): about its subject staff member and
    /// window, of the type chosen (态度恶劣 by default), linked to the complaint; the office or the
    /// manager decides it on the dereliction page.
    /// </summary>
    public async Task<ComplaintResult> RaiseDerelictionAsync(long id, DerelictionType type = DerelictionType.BadAttitude, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        if (!Enum.IsDefined(type))
        {
            return new ComplaintResult([L["Complaint.DerelictionTypeRequired"]]);
        }
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var complaint = await db.Complaints.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (complaint is null)
            {
                return new ComplaintResult([L["Complaint.Unknown"]]);
            }
            if (complaint.SubjectStaffId is null)
            {
                return new ComplaintResult([L["Complaint.DerelictionNeedsStaff"]]);
            }
            var prefix = $"complaint:{id}:";
            var count = await db.DerelictionRecords.CountAsync(d => d.SourceKey.StartsWith(prefix), cancellationToken);
            var now = time.GetUtcNow();
            var record = new DerelictionRecord
            {
                Type = type,
                Status = DerelictionStatus.Draft,
                Origin = DerelictionOrigin.Complaint,
                ComplaintId = complaint.Id,
                StaffMemberId = complaint.SubjectStaffId,
                WindowId = complaint.SubjectWindowId,
                SourceKey = SourceKey(complaint.Id, count + 1),
                Summary = Clip(L["Complaint.DerelictionSummary", complaint.Number, KindName(complaint.Kind), Clip(complaint.Content, 200)], 500),
                Evidence = Clip(Evidence(complaint), 16000),
                CreatedAt = now,
                CreatedBy = user.Name,
            };
            db.DerelictionRecords.Add(record);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new ComplaintResult([], record.Id);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another clerk raised one from the same complaint in the same instant: take the next number.
            }
        }
    }

    /// <summary>The source key of the n-th dereliction draft raised from a complaint.</summary>
    public static string SourceKey(long complaintId, int n) => $"complaint:{complaintId}:{n}";

    /// <summary>A new complaint with its number and clock (SC2.6): the clock counts from <paramref name="clockFrom"/>.</summary>
    internal async Task<Complaint> NewComplaintAsync(ComplaintKind kind, ComplaintSource source, DateTimeOffset receivedAt, DateTimeOffset clockFrom,
        string receivedBy, string content, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync();
        var settings = options.Value.Complaints;
        var days = kind == ComplaintKind.BadRating ? settings.BadRatingDueWorkingDays : settings.DueWorkingDays;
        var today = calendar.LocalDate(clockFrom);
        var number = await DocumentNumbers.NextComplaintNumberAsync(contexts, today, cancellationToken);
        return new Complaint
        {
            Number = number,
            Kind = kind,
            Source = source,
            Status = ComplaintStatus.Open,
            ReceivedAt = receivedAt,
            ReceivedBy = receivedBy,
            Content = content,
            CallBackRequired = kind == ComplaintKind.BadRating,
            DueSoonAt = ComplaintRules.DueSoonAt(clockFrom, days, settings.DueSoonWorkingDays, calendar),
            DueAt = ComplaintRules.DueAt(clockFrom, days, calendar),
        };
    }

    internal async Task<List<string>> SubjectErrorsAsync(HallDbContext db, int? staffId, int? windowId, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        if (staffId is { } s && !await db.StaffMembers.AnyAsync(x => x.Id == s, cancellationToken))
        {
            errors.Add(L["Complaint.StaffUnknown"]);
        }
        if (windowId is { } w && !await db.Windows.AnyAsync(x => x.Id == w, cancellationToken))
        {
            errors.Add(L["Complaint.WindowUnknown"]);
        }
        return errors;
    }

    private async Task<ComplaintResult> ChangeAsync(long id, int version, bool allowClosed,
        Func<Complaint, string, DateTimeOffset, List<string>> change, CancellationToken cancellationToken, bool resolveAlerts = false)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var complaint = await db.Complaints.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null)
        {
            return new ComplaintResult([L["Complaint.Unknown"]]);
        }
        if (complaint.Version != version)
        {
            return new ComplaintResult([L["Complaint.ChangedMeanwhile"]]);
        }
        if (!allowClosed && complaint.Status == ComplaintStatus.Closed)
        {
            return new ComplaintResult([ProblemText(ComplaintProblem.AlreadyClosed)]);
        }
        var now = time.GetUtcNow();
        var errors = change(complaint, user.DisplayName, now);
        if (errors.Count > 0)
        {
            return new ComplaintResult(errors);
        }
        complaint.Version++;
        if (resolveAlerts && complaint.Status == ComplaintStatus.Closed)
        {
            await ComplaintDeadlineScanner.ResolveAsync(db, complaint.Id, now, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new ComplaintResult([], complaint.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another clerk saved a change to it between our read and our save: theirs stands.
            return new ComplaintResult([L["Complaint.ChangedMeanwhile"]]);
        }
    }

    private string TextMessage(ComplaintProblem problem, int max) =>
        problem == ComplaintProblem.TextTooLong ? L["Complaint.Problem.TextTooLong", max] : ProblemText(problem);

    private string Evidence(Complaint c)
    {
        var zone = Zone;
        string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            L["Complaint.Evidence.Head", c.Number, KindName(c.Kind), SourceName(c.Source), Local(c.ReceivedAt)],
            c.Content,
        };
        if (c.RatingLevel is { } level)
        {
            lines.Add(L["Complaint.Evidence.Rating", level, LevelName(level), c.RatingReference ?? ""]);
        }
        if (c.Outcome is { } outcome)
        {
            lines.Add(L["Complaint.Evidence.Outcome", OutcomeName(outcome), c.OutcomeNote ?? ""]);
        }
        return string.Join("\n", lines);
    }

    private static IQueryable<ComplaintRow> Rows(HallDbContext db, IQueryable<Complaint> complaints, DateTimeOffset now) =>
        complaints.Select(c => new ComplaintRow(
            c.Id, c.Number, c.Kind, c.Source, c.Status, c.ReceivedAt,
            c.Content.Length > 120 ? c.Content.Substring(0, 120) + "…" : c.Content,
            c.ComplainantName, c.ComplainantPhone,
            db.Windows.Where(w => w.Id == c.SubjectWindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            db.Windows.Where(w => w.Id == c.SubjectWindowId).Select(w => w.Name).FirstOrDefault(),
            db.StaffMembers.Where(s => s.Id == c.SubjectStaffId).Select(s => s.Name).FirstOrDefault(),
            c.RatingLevel, c.CallBackRequired, c.DueSoonAt, c.DueAt, c.ClosedAt, CaseLight.None));

    private static long? ParseId(string subject) =>
        subject.StartsWith(HallSubjects.ComplaintPrefix, StringComparison.Ordinal)
        && long.TryParse(subject.AsSpan(HallSubjects.ComplaintPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
