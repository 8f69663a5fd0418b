using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Inquiries;

/// <summary>
/// 首问登记 (FQ1–FQ3.8): every person's account (policy Inquire, re-checked on every action) logs the
/// contacts they first receive, disposes of them and records the feedback that closes them. A staff
/// member acts on their own inquiries only; the manager and the bureau office on any. A 举报 or 投诉
/// opens the office's complaint in the same transaction (FQ3.6, AC5). Bad input returns messages and
/// stores nothing; a form changed by someone else meanwhile is refused (Version), never overwritten.
/// </summary>
public sealed class InquiryService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    InquiryTokens tokens,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    /// <summary>How many inquiries the office's list shows at most.</summary>
    public const int MaxRows = 500;

    /// <summary>
    /// Logs a new inquiry (FQ1): the responder is the signed-in person, with their staff record and the
    /// window they are on post at now. With <paramref name="answeredOnTheSpot"/> it is also handled,
    /// answered there and then and closed (FQ3.1) — the quick path. A 举报/投诉 opens the office's complaint
    /// and goes to the bureau office unless answered (FQ3.6).
    /// </summary>
    public async Task<LogResult> LogAsync(InquiryForm form, bool answeredOnTheSpot = false, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        var problems = InquiryRules.CheckNew(new NewInquiry(form.Channel, form.Category, form.Subject, form.PersonName, form.PersonPhone));
        if (problems.Count > 0)
        {
            return new LogResult(Messages(problems));
        }
        if (!tokens.TryBegin(form.Token, out var first))
        {
            // The same fill sent twice (a double click, a retry): the first call's inquiry is the answer.
            return await first is { } done ? new LogResult([], done, await ComplaintNumberAsync(done, cancellationToken)) : new LogResult([L["Inquiry.Error.Retry"]]);
        }
        long? stored = null;
        try
        {
            var result = await StoreAsync(form, answeredOnTheSpot, user, cancellationToken);
            stored = result.InquiryId;
            return result;
        }
        finally
        {
            tokens.End(form.Token, stored);
        }
    }

    private async Task<LogResult> StoreAsync(InquiryForm form, bool answeredOnTheSpot, HallUserInfo user, CancellationToken cancellationToken)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subject = InquiryRules.Text(form.Subject)!;
        string? matterName = null;
        if (form.MatterId is { } matterId)
        {
            matterName = await db.Matters.Where(m => m.Id == matterId && m.IsActive).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken);
            if (matterName is null)
            {
                return new LogResult([L["Inquiry.Error.MatterUnknown"]]);
            }
        }
        var windowId = await WindowOnPostAsync(db, user.StaffId, cancellationToken);
        var kind = ComplaintRules.KindFor(form.Category);
        var number = kind is null
            ? null
            : await DocumentNumbers.NextComplaintNumberAsync(contexts, today, cancellationToken);

        var inquiry = new Inquiry
        {
            ReceivedAt = now,
            Channel = form.Channel,
            Category = form.Category,
            Subject = subject,
            MatterId = form.MatterId,
            WindowId = windowId,
            ResponderStaffId = user.StaffId,
            ResponderUserName = user.Name,
            ResponderName = user.DisplayName,
            PersonName = InquiryRules.Text(form.PersonName),
            PersonPhone = InquiryRules.Text(form.PersonPhone),
        };
        if (answeredOnTheSpot)
        {
            var answer = matterName is null ? L["Inquiry.QuickAnswer"].Value : L["Inquiry.QuickAnswerMatter", matterName].Value;
            InquiryRules.ApplyDisposition(inquiry, new DispositionInput(InquiryDisposition.Handled, answer), now);
            inquiry.FeedbackMethod = FeedbackMethod.OnTheSpot;
            inquiry.FeedbackAt = now;
            inquiry.ClosedAt = now;
            inquiry.ClosedBy = user.Name;
        }
        else if (InquiryRules.DefaultDisposition(form.Category) is { } disposition)
        {
            InquiryRules.ApplyDisposition(inquiry, new DispositionInput(disposition), now);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Inquiries.Add(inquiry);
        await db.SaveChangesAsync(cancellationToken);
        if (kind is not null)
        {
            var settings = options.Value.Complaints;
            var complaint = ComplaintRules.FromInquiry(inquiry, number!,
                ComplaintRules.DueSoonAt(now, settings.DueWorkingDays, settings.DueSoonWorkingDays, calendar),
                ComplaintRules.DueAt(now, settings.DueWorkingDays, calendar));
            db.Complaints.Add(complaint);
            await db.SaveChangesAsync(cancellationToken);
            inquiry.ComplaintId = complaint.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new LogResult([], inquiry.Id, number);
    }

    /// <summary>Records or changes the disposition (FQ3.1–FQ3.6) of an inquiry not yet closed; resolves its end-of-day alert (FQ3.8).</summary>
    public async Task<SaveResult> DisposeAsync(long id, DisposeForm form, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (inquiry, problem) = await ForActionAsync(db, user, id, form.Version, cancellationToken);
        if (problem is not null)
        {
            return new SaveResult([problem]);
        }
        Domain.Inquiries.Department? picked = null;
        if (form.Disposition == InquiryDisposition.ReferredOutside && form.DepartmentId is { } departmentId)
        {
            picked = await db.Departments.SingleOrDefaultAsync(d => d.Id == departmentId && d.Active, cancellationToken);
            if (picked is null)
            {
                return new SaveResult([L["Inquiry.Error.DepartmentUnknown"]]);
            }
            form.DepartmentName = InquiryRules.Text(form.DepartmentName) ?? picked.Name;
            form.DepartmentAddress = InquiryRules.Text(form.DepartmentAddress) ?? picked.Address;
            form.DepartmentPhone = InquiryRules.Text(form.DepartmentPhone) ?? picked.Phone;
        }
        var facts = await FactsAsync(db, inquiry, form, cancellationToken);
        var input = form.ToInput();
        var problems = InquiryRules.CheckDisposition(input, facts, inquiry.ClosedAt is not null);
        if (problems.Count > 0)
        {
            return new SaveResult(Messages(problems));
        }
        var now = time.GetUtcNow();
        if (form.Disposition == InquiryDisposition.ReferredOutside && picked is null && form.AddToDirectory)
        {
            // FQ3.4: a department typed in joins the directory (or is the entry of that name already there).
            var name = InquiryRules.Text(form.DepartmentName)!;
            picked = await db.Departments.SingleOrDefaultAsync(d => d.Name == name, cancellationToken);
            if (picked is null)
            {
                picked = new Domain.Inquiries.Department
                {
                    Name = name,
                    Address = InquiryRules.Text(form.DepartmentAddress)!,
                    Phone = InquiryRules.Text(form.DepartmentPhone),
                    CreatedAt = now,
                    CreatedBy = user.Name,
                };
                db.Departments.Add(picked);
            }
        }
        InquiryRules.ApplyDisposition(inquiry, input, now);
        if (form.Disposition == InquiryDisposition.ReferredOutside)
        {
            inquiry.Liaised = form.Liaised;
            if (picked is not null)
            {
                await db.SaveChangesAsync(cancellationToken); // the new directory entry's id
                inquiry.DepartmentId = picked.Id;
            }
        }
        inquiry.Version++;
        await ResolveAlertAsync(db, inquiry.Id, now, cancellationToken);
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Records the feedback to the person (FQ3.1) and, when asked, closes the inquiry — only once it has a disposition.</summary>
    public async Task<SaveResult> FeedbackAsync(long id, FeedbackForm form, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (inquiry, problem) = await ForActionAsync(db, user, id, form.Version, cancellationToken);
        if (problem is not null)
        {
            return new SaveResult([problem]);
        }
        var now = time.GetUtcNow();
        DateTimeOffset? at = form.At is { } local ? ToInstant(local) : null;
        var problems = InquiryRules.CheckFeedback(form.Method, at, form.Note, inquiry.ReceivedAt, now, inquiry.ClosedAt is not null).ToList();
        if (problems.Count == 0)
        {
            inquiry.FeedbackMethod = form.Method;
            inquiry.FeedbackAt = at;
            inquiry.FeedbackNote = InquiryRules.Text(form.Note);
            if (form.Close)
            {
                problems.AddRange(InquiryRules.CheckClose(inquiry));
            }
        }
        if (problems.Count > 0)
        {
            return new SaveResult(Messages(problems));
        }
        if (form.Close)
        {
            inquiry.ClosedAt = now;
            inquiry.ClosedBy = user.Name;
        }
        inquiry.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Closes an inquiry whose disposition and feedback are recorded (FQ3.1).</summary>
    public async Task<SaveResult> CloseAsync(long id, int? version = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (inquiry, problem) = await ForActionAsync(db, user, id, version, cancellationToken);
        if (problem is not null)
        {
            return new SaveResult([problem]);
        }
        var problems = InquiryRules.CheckClose(inquiry);
        if (problems.Count > 0)
        {
            return new SaveResult(Messages(problems));
        }
        inquiry.ClosedAt = time.GetUtcNow();
        inquiry.ClosedBy = user.Name;
        inquiry.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>My inquiries of today, and any earlier ones of mine not yet closed (newest first); the person masked.</summary>
    public async Task<IReadOnlyList<InquiryRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var startOfDay = calendar.ToInstant(calendar.LocalDate(time.GetUtcNow()), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.Inquiries.Where(i => i.ResponderUserName == user.Name && (i.ReceivedAt >= startOfDay || i.ClosedAt == null)))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Select(Masked).ToList();
    }

    /// <summary>My inquiries still without a disposition from before today (FQ3.8: the ones the end-of-day alert is about).</summary>
    public async Task<int> MineLeftOpenAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var startOfDay = calendar.ToInstant(calendar.LocalDate(time.GetUtcNow()), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Inquiries.CountAsync(i => i.ResponderUserName == user.Name && i.Disposition == null && i.ReceivedAt < startOfDay, cancellationToken);
    }

    /// <summary>All inquiries for the bureau office (Complaints policy), filtered; the person in full (this list only).</summary>
    public async Task<IReadOnlyList<InquiryRow>> AllAsync(InquiryFilter filter, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var from = filter.From is { } f ? DateOnly.FromDateTime(f) : today.AddDays(-30);
        var to = filter.To is { } t ? DateOnly.FromDateTime(t) : today;
        var start = calendar.ToInstant(from, TimeOnly.MinValue);
        var end = calendar.ToInstant(to.AddDays(1), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Inquiries.Where(i => i.ReceivedAt >= start && i.ReceivedAt < end);
        if (filter.Category is { } category)
        {
            query = query.Where(i => i.Category == category);
        }
        if (filter.Undisposed)
        {
            query = query.Where(i => i.Disposition == null);
        }
        else if (filter.Disposition is { } disposition)
        {
            query = query.Where(i => i.Disposition == disposition);
        }
        if (filter.WindowId is { } windowId)
        {
            query = query.Where(i => i.WindowId == windowId);
        }
        var rows = await Rows(db, query).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).Take(MaxRows).ToList();
    }

    /// <summary>One inquiry for its page (the person masked); null when there is none or it is someone else's (for staff).</summary>
    public async Task<(InquiryDetail? Detail, bool NotYours)> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var inquiry = await db.Inquiries.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (inquiry is null)
        {
            return (null, false);
        }
        if (!CanAct(user, inquiry))
        {
            return (null, true);
        }
        var row = Masked((await Rows(db, db.Inquiries.Where(i => i.Id == id)).SingleAsync(cancellationToken)));
        var matter = inquiry.MatterId is { } matterId ? await db.Matters.Where(m => m.Id == matterId).Select(m => m.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var handler = inquiry.HandlerStaffId is { } staffId ? await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken) : null;
        var target = inquiry.TargetWindowId is { } windowId
            ? await db.Windows.Where(w => w.Id == windowId).Select(w => new { w.Number, w.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return (new InquiryDetail(row, inquiry.MatterId, matter, inquiry.DisposedAt, inquiry.Answer, inquiry.WrittenNotice, handler,
            target?.Number, target?.Name, inquiry.DepartmentName, inquiry.DepartmentAddress, inquiry.DepartmentPhone, inquiry.Liaised,
            inquiry.FeedbackAt, inquiry.FeedbackNote, inquiry.ClosedBy, inquiry.ClosedAt is null,
            inquiry.HandlerStaffId, inquiry.TargetWindowId, inquiry.DepartmentId), false);
    }

    /// <summary>The written notice of an answered inquiry (FQ3.1: once, in writing), for printing.</summary>
    public async Task<(InquiryNotice? Notice, bool NotYours)> NoticeAsync(long id, CancellationToken cancellationToken = default)
    {
        var (detail, notYours) = await GetAsync(id, cancellationToken);
        if (detail is null)
        {
            return (null, notYours);
        }
        var calendar = await calendars.GetAsync();
        var at = detail.DisposedAt ?? detail.Row.ReceivedAt;
        return (new InquiryNotice(id, options.Value.Name, calendar.LocalDate(at), detail.Row.Subject, detail.Answer, detail.WrittenNotice,
            detail.Row.ResponderName, detail.Row.WindowNumber, detail.Row.WindowName), false);
    }

    /// <summary>The active windows with who is on post there now (FQ3.3: pick from the live list); the responder's own is marked.</summary>
    public async Task<IReadOnlyList<WindowChoice>> WindowsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = await WindowOnPostAsync(db, user.StaffId, cancellationToken);
        var windows = await db.Windows.AsNoTracking().Where(w => w.IsActive).OrderBy(w => w.Number)
            .Select(w => new { w.Id, w.Number, w.Name }).ToListAsync(cancellationToken);
        var onPost = await (from p in db.Presences
                            join post in db.Posts on p.PostId equals post.Id
                            where p.State == PresenceState.OnPost
                            select new { post.WindowId, p.StaffMember!.Name })
            .ToListAsync(cancellationToken);
        var byWindow = onPost.GroupBy(p => p.WindowId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(p => p.Name)));
        return windows.Select(w => new WindowChoice(w.Id, w.Number, w.Name, byWindow.GetValueOrDefault(w.Id), w.Id == own)).ToList();
    }

    /// <summary>Colleagues to take a person to (FQ3.2): staff who hold a post, other than the responder.</summary>
    public async Task<IReadOnlyList<StaffChoice>> ColleaguesAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = user.StaffId ?? -1;
        var holders = await db.PostHolders.AsNoTracking()
            .Where(h => h.StaffMemberId != me)
            .Select(h => new { h.StaffMemberId, h.StaffMember!.Name, h.StaffMember.EmployeeNo, h.Post!.Window!.Number })
            .ToListAsync(cancellationToken);
        return holders.GroupBy(h => h.StaffMemberId)
            .Select(g => new StaffChoice(g.Key, g.First().Name, g.First().EmployeeNo, g.Min(h => h.Number)))
            .OrderBy(s => s.WindowNumber).ThenBy(s => s.EmployeeNo).ToList();
    }

    /// <summary>Catalogue matters whose name or code contains the text (the subject's suggestions).</summary>
    public async Task<IReadOnlyList<MatterChoice>> MattersAsync(string? text, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var term = InquiryRules.Text(text);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Matters.AsNoTracking().Where(m => m.IsActive);
        if (term is not null)
        {
            // Matter codes match whatever the case, on every database (CaseInsensitiveText).
            var upper = term.ToUpperInvariant();
            query = query.Where(m => m.Name.Contains(term) || m.Code.ToUpper().StartsWith(upper));
        }
        return await query.OrderBy(m => m.Code).Take(12)
            .Select(m => new MatterChoice(m.Id, m.Code, m.Name, m.Window == null ? null : m.Window.Number))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The inquiry to act on, or why not: gone, someone else's, or changed since the form was read.</summary>
    private async Task<(Inquiry Inquiry, string? Problem)> ForActionAsync(HallDbContext db, HallUserInfo user, long id, int? version, CancellationToken cancellationToken)
    {
        var inquiry = await db.Inquiries.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return inquiry is null ? (null!, L["Inquiry.Error.NotFound"].Value)
            : !CanAct(user, inquiry) ? (inquiry, L["Inquiry.Error.NotYours"].Value)
            : version is { } expected && expected != inquiry.Version ? (inquiry, L["Inquiry.Error.Changed"].Value)
            : (inquiry, null);
    }

    /// <summary>Whether the person may act on an inquiry: their own; the manager's and the office's any.</summary>
    public static bool CanAct(HallUserInfo user, Inquiry inquiry) =>
        string.Equals(inquiry.ResponderUserName, user.Name, StringComparison.Ordinal)
        || user.IsManager
        || user.Principal.IsInRole(HallRoles.Office);

    private static async Task<int?> WindowOnPostAsync(HallDbContext db, int? staffId, CancellationToken cancellationToken)
    {
        if (staffId is not { } id)
        {
            return null;
        }
        return await (from p in db.Presences
                      join post in db.Posts on p.PostId equals post.Id
                      where p.StaffMemberId == id && p.State == PresenceState.OnPost
                      select (int?)post.WindowId).FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<DispositionFacts> FactsAsync(HallDbContext db, Inquiry inquiry, DisposeForm form, CancellationToken cancellationToken)
    {
        StaffFact? handler = null;
        if (form.Disposition == InquiryDisposition.GuidedToHandler && form.HandlerStaffId is { } staffId
            && await db.StaffMembers.AnyAsync(s => s.Id == staffId, cancellationToken))
        {
            // Active: the colleague still holds a post at the hall.
            handler = new StaffFact(staffId, await db.PostHolders.AnyAsync(h => h.StaffMemberId == staffId, cancellationToken));
        }
        WindowFact? window = null;
        if (form.Disposition == InquiryDisposition.GuidedToWindow && form.TargetWindowId is { } windowId)
        {
            window = await db.Windows.Where(w => w.Id == windowId).Select(w => new WindowFact(w.Id, w.IsActive)).SingleOrDefaultAsync(cancellationToken);
        }
        return new DispositionFacts(inquiry.ResponderStaffId, inquiry.WindowId, handler, window);
    }

    private static async Task ResolveAlertAsync(HallDbContext db, long inquiryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subject = HallSubjects.Inquiry(inquiryId);
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.IsOpen && a.Kind == AlertKinds.InquiryOpen && a.Subject == subject, cancellationToken);
        if (alert is not null)
        {
            AlertRules.Resolve(alert, now);
        }
    }

    private async Task<SaveResult> SaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["Inquiry.Error.Changed"]]);
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Inquiry.Error.Conflict"]]);
        }
    }

    private async Task<string?> ComplaintNumberAsync(long inquiryId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Complaints.Where(c => c.InquiryId == inquiryId).Select(c => c.Number).SingleOrDefaultAsync(cancellationToken);
    }

    private DateTimeOffset ToInstant(DateTime local)
    {
        var zone = options.Value.Zone();
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static InquiryRow Masked(InquiryRow row) =>
        row with { PersonName = row.PersonName is null ? null : Masking.Name(row.PersonName), PersonPhone = row.PersonPhone is null ? null : Masking.Phone(row.PersonPhone) };

    private static IQueryable<InquiryRow> Rows(HallDbContext db, IQueryable<Inquiry> inquiries) =>
        inquiries.Select(i => new InquiryRow(
            i.Id, i.ReceivedAt, i.Channel, i.Category, i.Subject,
            db.Windows.Where(w => w.Id == i.WindowId).Select(w => (int?)w.Number).FirstOrDefault(),
            db.Windows.Where(w => w.Id == i.WindowId).Select(w => w.Name).FirstOrDefault(),
            i.ResponderName, i.ResponderUserName, i.PersonName, i.PersonPhone, i.Disposition, i.FeedbackMethod, i.ClosedAt,
            db.Complaints.Where(c => c.Id == i.ComplaintId).Select(c => c.Number).FirstOrDefault(),
            i.Version));

    private List<string> Messages(IEnumerable<InquiryProblem> problems) => problems.Select(Message).ToList();

    /// <summary>The localized text of a problem; the limit, where it has one, is its argument.</summary>
    public string Message(InquiryProblem problem) => L[$"Inquiry.Error.{problem}", problem switch
    {
        InquiryProblem.SubjectTooLong => InquiryRules.MaxSubject,
        InquiryProblem.PersonNameTooLong => InquiryRules.MaxPersonName,
        InquiryProblem.PersonPhoneTooLong => InquiryRules.MaxPersonPhone,
        InquiryProblem.AnswerTooLong => InquiryRules.MaxAnswer,
        InquiryProblem.NoticeTooLong => InquiryRules.MaxNotice,
        InquiryProblem.DepartmentNameTooLong => InquiryRules.MaxDepartmentName,
        InquiryProblem.DepartmentAddressTooLong => InquiryRules.MaxDepartmentAddress,
        InquiryProblem.DepartmentPhoneTooLong => InquiryRules.MaxDepartmentPhone,
        InquiryProblem.FeedbackNoteTooLong => InquiryRules.MaxFeedbackNote,
        _ => 0,
    }];
}
