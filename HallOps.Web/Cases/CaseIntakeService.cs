using System.Globalization;
using System.Text;
using HallOps.Domain.Accountability;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Cases;

/// <summary>
/// Intake at the window and the life of a case (TL2, TL3, TL4, TL5, OT1, OT2, AC2 type 1), Serve
/// policy re-checked on every action. The handler is the signed-in member of staff; managers may
/// act on any case, staff only on their own. Bad input returns messages in the user's language and
/// writes nothing. Every change recomputes the clock (<see cref="CaseWorkflow.Recompute"/>), bumps
/// the case's concurrency token and is saved in one SaveChanges, which the data context audits and
/// publishes as case:{id}. Notices are composed once, in Chinese, and kept as issued.
/// </summary>
public sealed class CaseIntakeService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    NoticeWriter writer,
    CaseDeadlineScanner deadlines,
    IOptions<HallOptions> hall,
    IStringLocalizer<SharedResource> L,
    ILogger<CaseIntakeService> logger)
{
    public const int MaxName = 100;
    public const int MaxNote = 200;
    public const int MaxReason = 300;
    public const int MaxReasons = 20;
    public const int MaxText = 200;

    /// <summary>第四十二条: the head of the body may extend by ten working days.</summary>
    public const int MaxExtensionDays = 10;

    /// <summary>Active matters with a current version whose code or name contains the text (the picker).</summary>
    public async Task<IReadOnlyList<MatterChoice>> SearchMattersAsync(string? text, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var term = (text ?? "").Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Matters.AsNoTracking().Where(m => m.IsActive && m.CurrentVersionId != null);
        if (term.Length > 0)
        {
            // Matter codes match whatever the case, on every database (CaseInsensitiveText).
            var upper = term.ToUpperInvariant();
            query = query.Where(m => m.Code.ToUpper().Contains(upper) || m.Name.Contains(term));
        }
        var ids = await query.OrderBy(m => m.Code).Select(m => m.Id).Take(20).ToListAsync(cancellationToken);
        var choices = new List<MatterChoice>();
        foreach (var id in ids)
        {
            if (await ChoiceAsync(db, id, cancellationToken) is { } choice)
            {
                choices.Add(choice);
            }
        }
        return choices;
    }

    /// <summary>Takes in a case at the window: applicant, matter, materials check, then one outcome.</summary>
    public async Task<CaseResult> ReceiveAsync(IntakeEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        if (!user.IsManager && user.StaffId is null)
        {
            return CaseResult.Fail(L["Case.NoStaffRecord"]);
        }
        var errors = new List<string>();
        var name = (edit.ApplicantName ?? "").Trim();
        var id = IntakeRules.NormaliseId(edit.IdNumber);
        var phone = (edit.Phone ?? "").Trim();
        if (!Enum.IsDefined(edit.ApplicantKind))
        {
            errors.Add(L["Case.ApplicantKindRequired"]);
        }
        if (name.Length == 0)
        {
            errors.Add(L["Case.NameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            errors.Add(L["Case.NameTooLong", MaxName]);
        }
        if (edit.ApplicantKind == ApplicantKind.Organisation ? !IntakeRules.IsValidCreditCode(id) : !IntakeRules.IsValidPersonId(id))
        {
            errors.Add(edit.ApplicantKind == ApplicantKind.Organisation ? L["Case.CreditCodeInvalid"] : L["Case.IdInvalid"]);
        }
        if (!IntakeRules.IsValidPhone(phone))
        {
            errors.Add(L["Case.PhoneInvalid"]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matter = edit.MatterId is { } matterId
            ? await db.Matters.AsNoTracking().Include(m => m.Window).ThenInclude(w => w!.HomeUnit)
                .SingleOrDefaultAsync(m => m.Id == matterId && m.IsActive, cancellationToken)
            : null;
        var version = matter?.CurrentVersionId is { } versionId
            ? await db.MatterVersions.AsNoTracking().Include(v => v.Materials).SingleOrDefaultAsync(v => v.Id == versionId, cancellationToken)
            : null;
        if (matter is null || version is null)
        {
            errors.Add(L["Case.MatterRequired"]);
            return new CaseResult(errors);
        }
        var materials = version.Materials.OrderBy(m => m.Order).ToList();
        var checks = (edit.Checks ?? []).Select(c => new MaterialCheck(c.MaterialId, c.Status, c.Note?.Trim())).ToList();
        var reasons = Lines(edit.Reasons);
        var legalBasis = edit.LegalBasis?.Trim();
        var applyInstead = edit.ApplyInstead?.Trim();
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        DateOnly? deferredDue = edit.DeferredDue is { } due ? DateOnly.FromDateTime(due) : null;
        errors.AddRange(IntakeRules.Check(edit.Outcome, materials, checks, reasons, legalBasis, deferredDue, today).Select(p => Message(p, today)));
        errors.AddRange(TextProblems(checks, reasons, legalBasis, applyInstead));
        if (!Enum.IsDefined(edit.Outcome))
        {
            errors.Add(L["Case.OutcomeRequired"]);
        }
        if (errors.Count > 0)
        {
            return new CaseResult(errors.Distinct().ToList());
        }

        var lacking = checks.Where(c => c.Status != MaterialStatus.Received)
            .Select(c => (Check: c, Material: materials.Single(m => m.Id == c.MaterialId)))
            .OrderBy(x => x.Material.Order).ToList();
        if (edit.Outcome == IntakeOutcome.Supplement
            && NoticeRules.CheckSupplement(lacking.Select(x => x.Material.Name).ToList(), materials.Select(m => m.Name).ToList()) is { } problem)
        {
            return CaseResult.Fail(L[$"Case.Notice.{problem}"]);
        }

        var number = await DocumentNumbers.NextCaseNumberAsync(contexts, today.Year, cancellationToken);
        var noticeNumber = await DocumentNumbers.NextNoticeNumberAsync(contexts, today.Year, cancellationToken);
        var serviceCase = new ServiceCase
        {
            Number = number,
            Source = CaseSource.Window,
            MatterId = matter.Id,
            MatterVersionId = version.Id,
            WindowId = matter.WindowId ?? await HandlerWindowAsync(db, user.StaffId, cancellationToken),
            HandlerStaffId = user.StaffId,
            ApplicantKind = edit.ApplicantKind,
            ApplicantName = name,
            ApplicantIdNumber = id,
            ApplicantPhone = phone,
            ReceivedAt = now,
            CreatedAt = now,
            CreatedBy = user.DisplayName,
        };
        var facts = await FactsAsync(db, serviceCase, matter, version, noticeNumber, user, today, cancellationToken);
        NoticeKind kind;
        List<string> items;
        NoticeDocument document;
        switch (edit.Outcome)
        {
            case IntakeOutcome.Accept:
                serviceCase.State = CaseState.Accepted;
                serviceCase.AcceptedAt = now;
                CaseWorkflow.Recompute(serviceCase, version, calendar, now);
                (kind, items) = (NoticeKind.Acceptance, []);
                document = writer.Acceptance(facts, calendar, now, serviceCase.DueAt!.Value, version.CommittedDays, version.StatutoryDays, facts.Contact);
                break;
            case IntakeOutcome.Supplement:
                serviceCase.State = CaseState.AwaitingSupplement;
                CaseWorkflow.Recompute(serviceCase, version, calendar, now);
                (kind, items) = (NoticeKind.Supplement, lacking.Select(x => x.Material.Name).ToList());
                document = writer.Supplement(facts, calendar, SupplementLines(lacking), again: false);
                break;
            case IntakeOutcome.AcceptWithDeficiencies:
                serviceCase.State = CaseState.AcceptedWithDeficiencies;
                serviceCase.AcceptedAt = now;
                serviceCase.DeferredItemsDue = deferredDue;
                CaseWorkflow.Recompute(serviceCase, version, calendar, now);
                (kind, items) = (NoticeKind.Deficiency, lacking.Select(x => x.Material.Name).ToList());
                document = writer.Deficiency(facts, calendar, lacking.Select(x => writer.DeferredItem(x.Material.Name, x.Material.Requirement)).ToList(),
                    now, serviceCase.DueAt!.Value, deferredDue!.Value);
                break;
            case IntakeOutcome.Refuse:
                Close(serviceCase, CaseState.Refused, now, user);
                CaseWorkflow.Recompute(serviceCase, version, calendar, now);
                (kind, items) = (NoticeKind.Refusal, reasons);
                document = writer.Refusal(facts, calendar, reasons, legalBasis!, applyInstead);
                break;
            default:
                Close(serviceCase, CaseState.Returned, now, user);
                CaseWorkflow.Recompute(serviceCase, version, calendar, now);
                (kind, items) = (NoticeKind.Return, reasons);
                document = writer.Return(facts, calendar, reasons, legalBasis, applyInstead);
                break;
        }
        var notice = Notice(kind, noticeNumber, items, document, now, user);
        if (notice.Body.Length > 8000)
        {
            return CaseResult.Fail(L["Case.NoticeTooLong"]);
        }
        serviceCase.Notices.Add(notice);
        db.Cases.Add(serviceCase);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return CaseResult.Fail(L["Case.Conflict"]);
        }
        return await LightsFollowAsync(new CaseResult([], serviceCase.Id, notice.Id), cancellationToken);
    }

    /// <summary>
    /// The supplement arrives (TL3, OT2): everything now received → accepted, the clock starting at
    /// the arrival, with a 受理通知书; something still missing → another supplement notice. When
    /// that notice names an item no earlier one did, the first notice did not tell everything at
    /// once: a dereliction draft (AC2 type 1) against the staff member who issued the first.
    /// </summary>
    public async Task<CaseResult> SupplementArrivedAsync(long caseId, IReadOnlyList<MaterialCheckEdit> checkEdits, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (serviceCase, refusal) = await LoadForActionAsync(db, caseId, user, cancellationToken);
        if (serviceCase is null)
        {
            return CaseResult.Fail(refusal!);
        }
        if (serviceCase.State != CaseState.AwaitingSupplement)
        {
            return CaseResult.Fail(L["Case.NotAwaitingSupplement"]);
        }
        var version = serviceCase.MatterVersion!;
        var materials = version.Materials.OrderBy(m => m.Order).ToList();
        var checks = (checkEdits ?? []).Select(c => new MaterialCheck(c.MaterialId, c.Status, c.Note?.Trim())).ToList();
        var complete = checks.Count > 0 && checks.All(c => c.Status == MaterialStatus.Received);
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var errors = IntakeRules.Check(complete ? IntakeOutcome.Accept : IntakeOutcome.Supplement, materials, checks)
            .Select(p => Message(p, today)).Concat(TextProblems(checks, [], null, null)).Distinct().ToList();
        if (errors.Count > 0)
        {
            return new CaseResult(errors);
        }

        var noticeNumber = await DocumentNumbers.NextNoticeNumberAsync(contexts, today.Year, cancellationToken);
        var facts = await FactsAsync(db, serviceCase, serviceCase.Matter!, version, noticeNumber, user, today, cancellationToken);
        serviceCase.Version++;
        CaseNotice notice;
        IReadOnlyList<string> newItems = [];
        if (complete)
        {
            serviceCase.State = CaseState.Accepted;
            serviceCase.AcceptedAt = now;
            CaseWorkflow.Recompute(serviceCase, version, calendar, now);
            notice = Notice(NoticeKind.Acceptance, noticeNumber, [],
                writer.Acceptance(facts, calendar, now, serviceCase.DueAt!.Value, version.CommittedDays, version.StatutoryDays, facts.Contact), now, user);
        }
        else
        {
            var lacking = checks.Where(c => c.Status != MaterialStatus.Received)
                .Select(c => (Check: c, Material: materials.Single(m => m.Id == c.MaterialId)))
                .OrderBy(x => x.Material.Order).ToList();
            var items = lacking.Select(x => x.Material.Name).ToList();
            var earlier = serviceCase.Notices.Where(n => n.Kind == NoticeKind.Supplement).OrderBy(n => n.IssuedAt).ThenBy(n => n.Id).ToList();
            newItems = NoticeRules.NewItems(earlier.Select(n => (IEnumerable<string>)n.Items), items);
            notice = Notice(NoticeKind.Supplement, noticeNumber, items, writer.Supplement(facts, calendar, SupplementLines(lacking), again: true), now, user);
            CaseWorkflow.Recompute(serviceCase, version, calendar, now);
        }
        serviceCase.Notices.Add(notice);
        try
        {
            if (newItems.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                // The draft's key names the new notice, whose id the insert gives: both in one transaction.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.DerelictionRecords.Add(Breach(serviceCase, notice, newItems, calendar, now, user));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseResult.Fail(L["Case.ChangedMeanwhile"]);
        }
        catch (DbUpdateException)
        {
            return CaseResult.Fail(L["Case.Conflict"]);
        }
        return await LightsFollowAsync(new CaseResult([], serviceCase.Id, notice.Id), cancellationToken);
    }

    /// <summary>办结, once: a second completion (or one racing another) gets a clear message and changes nothing.</summary>
    public async Task<CaseResult> CompleteAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (serviceCase, refusal) = await LoadForActionAsync(db, caseId, user, cancellationToken);
        if (serviceCase is null)
        {
            return CaseResult.Fail(refusal!);
        }
        var calendar = await calendars.GetAsync();
        if (serviceCase.State == CaseState.Completed)
        {
            return CaseResult.Fail(AlreadyCompleted(serviceCase, calendar));
        }
        if (serviceCase.State is not (CaseState.Accepted or CaseState.AcceptedWithDeficiencies))
        {
            return CaseResult.Fail(L["Case.NotCompletable", L[$"Case.State.{serviceCase.State}"]]);
        }
        var now = time.GetUtcNow();
        serviceCase.State = CaseState.Completed;
        serviceCase.ClosedAt = now;
        serviceCase.ClosedBy = user.DisplayName;
        serviceCase.CompletedOnTime = serviceCase.DueAt is not { } due || now <= due;
        serviceCase.Version++;
        CaseWorkflow.Recompute(serviceCase, serviceCase.MatterVersion!, calendar, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await fresh.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
            return CaseResult.Fail(stored is { State: CaseState.Completed } ? AlreadyCompleted(stored, calendar) : L["Case.ChangedMeanwhile"]);
        }
        return new CaseResult([], serviceCase.Id);
    }

    /// <summary>
    /// 延期 (第四十二条, TL5): extra working days with a reason and the approver, recorded before the
    /// due time — after it, refused — and a 延期告知书 to the applicant.
    /// </summary>
    public async Task<CaseResult> ExtendAsync(long caseId, ExtensionEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var errors = new List<string>();
        var reason = (edit.Reason ?? "").Trim();
        var approver = (edit.ApprovedBy ?? "").Trim();
        if (reason.Length == 0 || reason.Length > MaxReason)
        {
            errors.Add(L["Case.ExtensionReasonRequired", MaxReason]);
        }
        if (approver.Length == 0 || approver.Length > MaxName)
        {
            errors.Add(L["Case.ExtensionApproverRequired"]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (serviceCase, refusal) = await LoadForActionAsync(db, caseId, user, cancellationToken);
        if (serviceCase is null)
        {
            return CaseResult.Fail(refusal!);
        }
        var granted = serviceCase.Extensions.Sum(e => e.Days);
        if (edit.Days < 1 || granted + edit.Days > MaxExtensionDays)
        {
            errors.Add(L["Case.ExtensionDaysRange", MaxExtensionDays, granted]);
        }
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        if (serviceCase.State is not (CaseState.Accepted or CaseState.AcceptedWithDeficiencies))
        {
            errors.Add(L["Case.NotRunning", L[$"Case.State.{serviceCase.State}"]]);
        }
        else if (serviceCase.DueAt is not { } oldDue)
        {
            errors.Add(L["Case.ExtensionWhilePaused"]);
        }
        else if (now >= oldDue)
        {
            errors.Add(L["Case.ExtensionTooLate", DueText(calendar, oldDue)]);
        }
        if (errors.Count > 0)
        {
            return new CaseResult(errors);
        }

        var today = calendar.LocalDate(now);
        var previousDue = serviceCase.DueAt!.Value;
        serviceCase.Extensions.Add(new CaseExtension { Days = edit.Days, Reason = reason, ApprovedBy = approver, RecordedAt = now, RecordedBy = user.DisplayName });
        serviceCase.Version++;
        var clock = CaseWorkflow.Recompute(serviceCase, serviceCase.MatterVersion!, calendar, now);
        if (clock is null || clock.ExtensionsRefused.Count > 0 || serviceCase.DueAt is not { } newDue)
        {
            return CaseResult.Fail(L["Case.ExtensionTooLate", DueText(calendar, previousDue)]);
        }
        var noticeNumber = await DocumentNumbers.NextNoticeNumberAsync(contexts, today.Year, cancellationToken);
        var facts = await FactsAsync(db, serviceCase, serviceCase.Matter!, serviceCase.MatterVersion!, noticeNumber, user, today, cancellationToken);
        var notice = Notice(NoticeKind.Extension, noticeNumber, [reason],
            writer.Extension(facts, calendar, serviceCase.AcceptedAt!.Value, previousDue, newDue, edit.Days, reason, approver), now, user);
        serviceCase.Notices.Add(notice);
        return await SaveAsync(db, serviceCase, notice.Id, cancellationToken, notice);
    }

    /// <summary>第四十五条: the clock stops for testing, inspection, appraisal, expert review or a hearing.</summary>
    public async Task<CaseResult> PauseAsync(long caseId, PauseEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var errors = new List<string>();
        var note = (edit.Note ?? "").Trim();
        if (!Enum.IsDefined(edit.Kind) || edit.Kind == PauseKind.Supplement)
        {
            errors.Add(L["Case.PauseKindRequired"]);
        }
        if (note.Length == 0 || note.Length > MaxNote)
        {
            errors.Add(L["Case.PauseNoteRequired", MaxNote]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (serviceCase, refusal) = await LoadForActionAsync(db, caseId, user, cancellationToken);
        if (serviceCase is null)
        {
            return CaseResult.Fail(refusal!);
        }
        if (serviceCase.State is not (CaseState.Accepted or CaseState.AcceptedWithDeficiencies))
        {
            errors.Add(L["Case.NotRunning", L[$"Case.State.{serviceCase.State}"]]);
        }
        else if (serviceCase.Pauses.Any(p => p.To is null))
        {
            errors.Add(L["Case.AlreadyPaused"]);
        }
        if (errors.Count > 0)
        {
            return new CaseResult(errors);
        }
        var now = time.GetUtcNow();
        serviceCase.Pauses.Add(new CasePause { Kind = edit.Kind, From = now, Note = note, RecordedBy = user.DisplayName });
        serviceCase.Version++;
        CaseWorkflow.Recompute(serviceCase, serviceCase.MatterVersion!, await calendars.GetAsync(), now);
        return await SaveAsync(db, serviceCase, null, cancellationToken);
    }

    /// <summary>The pause ends: the clock runs again from the next working day.</summary>
    public async Task<CaseResult> ResumeAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (serviceCase, refusal) = await LoadForActionAsync(db, caseId, user, cancellationToken);
        if (serviceCase is null)
        {
            return CaseResult.Fail(refusal!);
        }
        var open = serviceCase.Pauses.FirstOrDefault(p => p.To is null && p.Kind != PauseKind.Supplement);
        if (open is null || !serviceCase.IsOpen)
        {
            return CaseResult.Fail(L["Case.NotPaused"]);
        }
        var now = time.GetUtcNow();
        open.To = now;
        serviceCase.Version++;
        CaseWorkflow.Recompute(serviceCase, serviceCase.MatterVersion!, await calendars.GetAsync(), now);
        return await SaveAsync(db, serviceCase, null, cancellationToken);
    }

    /// <summary>The case page: the case with its notices, pauses, extensions and the clock explained; staff see their own cases only.</summary>
    public async Task<CaseView> CaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var c = await db.Cases.AsNoTracking()
            .Include(x => x.Matter).Include(x => x.MatterVersion!).ThenInclude(v => v.Materials)
            .Include(x => x.Window).Include(x => x.Handler)
            .Include(x => x.Notices).Include(x => x.Pauses).Include(x => x.Extensions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken);
        if (c is null)
        {
            return new CaseView(null, NotFound: true);
        }
        if (!MayAct(c, user))
        {
            return new CaseView(null, NotYours: true);
        }
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var clock = CaseWorkflow.Clock(c, c.MatterVersion!, calendar);
        return new CaseView(new CaseDetail(
            c.Id, c.Number, c.State, CaseWorkflow.LightNow(c, now), c.ApplicantKind, c.ApplicantName, c.ApplicantIdNumber, c.ApplicantPhone,
            c.Matter!.Code, c.Matter.Name, c.MatterVersion!.Number, c.MatterVersion.CommittedDays, c.MatterVersion.StatutoryDays,
            c.Window?.Name, c.Window?.Number, c.Handler?.Name,
            c.ReceivedAt, c.AcceptedAt, c.DueAt ?? clock?.DueAt, c.DeferredItemsDue, c.ClosedAt, c.ClosedBy, c.CompletedOnTime, c.Version,
            c.MatterVersion.Materials.OrderBy(m => m.Order).Select(m => new MaterialChoice(m.Id, m.Order, m.Name, m.Requirement, m.Deferrable)).ToList(),
            c.Notices.OrderBy(n => n.IssuedAt).ThenBy(n => n.Id)
                .Select(n => new NoticeRow(n.Id, n.Kind, n.DocumentNumber, n.IssuedAt, n.IssuedBy, n.Items)).ToList(),
            c.Pauses.OrderBy(p => p.From).Select(p => new PauseRow(p.Kind, p.From, p.To, p.Note, p.RecordedBy)).ToList(),
            c.Extensions.OrderBy(e => e.RecordedAt).Select(e => new ExtensionRow(e.Days, e.Reason, e.ApprovedBy, e.RecordedAt, e.RecordedBy)).ToList(),
            clock is null ? [] : Explain(clock, c, calendar)));
    }

    /// <summary>My open cases by urgency: red, yellow, then by due time (no clock last), applicants masked.</summary>
    public async Task<IReadOnlyList<MyCaseRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var open = new[] { CaseState.Received, CaseState.AwaitingSupplement, CaseState.Accepted, CaseState.AcceptedWithDeficiencies };
        var query = db.Cases.AsNoTracking().Where(c => open.Contains(c.State));
        if (user.StaffId is { } staffId)
        {
            query = query.Where(c => c.HandlerStaffId == staffId);
        }
        else
        {
            var me = user.DisplayName;
            query = query.Where(c => c.HandlerStaffId == null && c.CreatedBy == me);
        }
        var rows = await query.OrderBy(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.Number, c.State, c.DueAt, c.DueSoonAt, c.ApplicantName, c.ApplicantKind, Matter = c.Matter!.Name, c.ReceivedAt })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows
            .Select(c => new MyCaseRow(c.Id, c.Number, c.State, CaseClock.LightAt(now, c.DueSoonAt, c.DueAt),
                Masking.Name(c.ApplicantName, c.ApplicantKind), c.Matter, c.ReceivedAt, c.DueAt))
            .OrderByDescending(c => c.Light).ThenBy(c => c.DueAt is null).ThenBy(c => c.DueAt).ThenBy(c => c.ReceivedAt)
            .ToList();
    }

    /// <summary>A notice as issued, for printing (the case's handler or a manager).</summary>
    public async Task<(NoticePrint? Notice, bool NotYours)> NoticeAsync(long noticeId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var notice = await db.CaseNotices.AsNoTracking().SingleOrDefaultAsync(n => n.Id == noticeId, cancellationToken);
        if (notice is null)
        {
            return (null, false);
        }
        var owner = await db.Cases.AsNoTracking().Where(c => c.Id == notice.CaseId)
            .Select(c => new { c.HandlerStaffId, c.CreatedBy }).SingleAsync(cancellationToken);
        if (!user.IsManager && (user.StaffId is null || owner.HandlerStaffId != user.StaffId))
        {
            return (null, true);
        }
        return NoticeDocument.FromJson(notice.Body) is { } document
            ? (new NoticePrint(notice.Id, notice.CaseId, notice.Kind, document), false)
            : (null, false);
    }

    private IReadOnlyList<ClockLine> Explain(CaseClockResult clock, ServiceCase c, WorkingCalendar calendar)
    {
        var lines = new List<ClockLine>();
        var extensions = c.Extensions.OrderBy(e => e.RecordedAt).ToList();
        var extension = 0;
        foreach (var step in clock.Steps)
        {
            var text = step.Kind switch
            {
                ClockStepKind.Accepted => c.AcceptedAt is { } at && calendar.LocalDate(at) == calendar.LocalDate(c.ReceivedAt)
                    ? L["Case.Clock.Accepted", step.Of ?? 0]
                    : L["Case.Clock.AcceptedOnSupplement", step.Of ?? 0, Day(calendar.LocalDate(c.ReceivedAt))],
                ClockStepKind.Counted => L["Case.Clock.Counted", step.Day ?? 0, step.Of ?? 0],
                ClockStepKind.AdjustedWorkday => L["Case.Clock.Adjusted", step.Day ?? 0, step.Of ?? 0, step.Name ?? ""],
                ClockStepKind.Weekend => L["Case.Clock.Weekend"],
                ClockStepKind.Holiday => L["Case.Clock.Holiday", step.Name ?? ""],
                ClockStepKind.Paused => L["Case.Clock.Paused", PauseName(c, step.Date, calendar)],
                ClockStepKind.PausedSince => L["Case.Clock.PausedSince", PauseName(c, step.Date, calendar), step.Day ?? 0, step.Of ?? 0],
                ClockStepKind.Extended => extension < extensions.Count
                    ? L["Case.Clock.ExtendedBy", step.Day ?? 0, extensions[extension].ApprovedBy, extensions[extension++].Reason]
                    : L["Case.Clock.Extended", step.Day ?? 0],
                ClockStepKind.Due => L["Case.Clock.Due", DueText(calendar, clock.DueAt!.Value), step.Of ?? 0],
                _ => "",
            };
            lines.Add(new ClockLine(step.Date, step.Kind, text));
        }
        return lines;
    }

    private string PauseName(ServiceCase c, DateOnly date, WorkingCalendar calendar)
    {
        var pause = c.Pauses.Where(p => calendar.LocalDate(p.From) <= date && (p.To is null || date <= calendar.LocalDate(p.To.Value)))
            .OrderByDescending(p => p.From).FirstOrDefault();
        return pause is null ? "" : L[$"Case.Pause.{pause.Kind}"];
    }

    private async Task<(ServiceCase? Case, string? Refusal)> LoadForActionAsync(HallDbContext db, long caseId, HallUserInfo user, CancellationToken cancellationToken)
    {
        var serviceCase = await db.Cases
            .Include(c => c.Matter!).ThenInclude(m => m.Window!).ThenInclude(w => w.HomeUnit)
            .Include(c => c.MatterVersion!).ThenInclude(v => v.Materials)
            .Include(c => c.Notices).Include(c => c.Pauses).Include(c => c.Extensions)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (serviceCase is null)
        {
            return (null, L["Case.Gone"]);
        }
        if (!MayAct(serviceCase, user))
        {
            return (null, L["Case.NotYours"]);
        }
        return (serviceCase, null);
    }

    /// <summary>Managers act on any case; staff on the cases they handle.</summary>
    private static bool MayAct(ServiceCase serviceCase, HallUserInfo user) =>
        user.IsManager || (user.StaffId is { } me && serviceCase.HandlerStaffId == me);

    /// <summary>
    /// After a committed change the case's light and alerts follow at once (TL5), not at the next
    /// minute's scan; if that fails, the scan repairs it within the minute.
    /// </summary>
    private async Task<CaseResult> LightsFollowAsync(CaseResult result, CancellationToken cancellationToken)
    {
        if (result.CaseId is { } caseId)
        {
            try
            {
                await deadlines.RefreshAsync(caseId, cancellationToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Case {CaseId}: its light waits for the next deadline scan", caseId);
            }
        }
        return result;
    }

    private async Task<CaseResult> SaveAsync(HallDbContext db, ServiceCase serviceCase, long? noticeId, CancellationToken cancellationToken, CaseNotice? notice = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseResult.Fail(L["Case.ChangedMeanwhile"]);
        }
        catch (DbUpdateException)
        {
            return CaseResult.Fail(L["Case.Conflict"]);
        }
        return await LightsFollowAsync(new CaseResult([], serviceCase.Id, notice?.Id ?? noticeId), cancellationToken);
    }

    private static void Close(ServiceCase serviceCase, CaseState state, DateTimeOffset now, HallUserInfo user)
    {
        serviceCase.State = state;
        serviceCase.ClosedAt = now;
        serviceCase.ClosedBy = user.DisplayName;
    }

    private static CaseNotice Notice(NoticeKind kind, string number, List<string> items, NoticeDocument document, DateTimeOffset now, HallUserInfo user) => new()
    {
        Kind = kind,
        DocumentNumber = number,
        Items = items,
        Body = document.ToJson(),
        IssuedAt = now,
        IssuedBy = user.DisplayName,
        IssuedByStaffId = user.StaffId,
    };

    private DerelictionRecord Breach(ServiceCase serviceCase, CaseNotice second, IReadOnlyList<string> newItems, WorkingCalendar calendar,
        DateTimeOffset now, HallUserInfo user)
    {
        var supplements = serviceCase.Notices.Where(n => n.Kind == NoticeKind.Supplement).OrderBy(n => n.IssuedAt).ThenBy(n => n.Id).ToList();
        var first = supplements[0];
        var separator = L["Common.ListSeparator"].Value;
        var evidence = new StringBuilder();
        foreach (var notice in supplements)
        {
            evidence.AppendLine(L["Case.Breach.EvidenceNotice", notice.DocumentNumber, Local(calendar, notice.IssuedAt), notice.IssuedBy,
                string.Join(separator, notice.Items)]);
        }
        evidence.Append(L["Case.Breach.EvidenceNew", string.Join(separator, newItems)]);
        return new DerelictionRecord
        {
            Type = DerelictionType.NoOneTimeNotice,
            Origin = DerelictionOrigin.NoticeBreach,
            Status = DerelictionStatus.Draft,
            StaffMemberId = first.IssuedByStaffId,
            CaseId = serviceCase.Id,
            SourceKey = $"case:{serviceCase.Id}:notice:{second.Id}",
            Summary = L["Case.Breach.Summary", serviceCase.Number, first.DocumentNumber, string.Join(separator, newItems)],
            Evidence = evidence.ToString(),
            CreatedAt = now,
            CreatedBy = user.DisplayName,
        };
    }

    private List<string> SupplementLines(IEnumerable<(MaterialCheck Check, MatterMaterial Material)> lacking) =>
        lacking.Select(x => writer.SupplementItem(x.Material.Name, x.Check.Status, x.Check.Note, x.Material.Requirement)).ToList();

    private async Task<NoticeFacts> FactsAsync(HallDbContext db, ServiceCase serviceCase, Matter matter, MatterVersion version, string noticeNumber,
        HallUserInfo user, DateOnly today, CancellationToken cancellationToken)
    {
        var window = serviceCase.WindowId is { } windowId
            ? await db.Windows.AsNoTracking().Include(w => w.HomeUnit).SingleOrDefaultAsync(w => w.Id == windowId, cancellationToken)
            : null;
        var place = window is null ? hall.Value.Name : L["Wall.WindowShort", window.Number] + " " + window.Name;
        var contact = window?.HomeUnit?.Phone is { Length: > 0 } unitPhone ? L["Case.ContactWithPhone", place, unitPhone].Value : place;
        return new NoticeFacts(hall.Value.Name, noticeNumber, serviceCase.Number, serviceCase.ApplicantName, matter.Name,
            serviceCase.ReceivedAt, today, user.DisplayName, contact, version.LegalBasis);
    }

    private static async Task<int?> HandlerWindowAsync(HallDbContext db, int? staffId, CancellationToken cancellationToken) =>
        staffId is { } id
            ? await db.PostHolders.AsNoTracking().Where(h => h.StaffMemberId == id && h.Role == Domain.Staffing.PostRole.A)
                .Select(h => (int?)h.Post!.WindowId).FirstOrDefaultAsync(cancellationToken)
            : null;

    private static async Task<MatterChoice?> ChoiceAsync(HallDbContext db, int matterId, CancellationToken cancellationToken)
    {
        var matter = await db.Matters.AsNoTracking().Include(m => m.CurrentVersion!).ThenInclude(v => v.Materials)
            .SingleOrDefaultAsync(m => m.Id == matterId, cancellationToken);
        if (matter?.CurrentVersion is not { } version)
        {
            return null;
        }
        return new MatterChoice(matter.Id, matter.Code, matter.Name, version.Id, version.Number, version.CommittedDays, version.StatutoryDays,
            version.LegalBasis,
            version.Materials.OrderBy(m => m.Order).Select(m => new MaterialChoice(m.Id, m.Order, m.Name, m.Requirement, m.Deferrable)).ToList());
    }

    private IEnumerable<string> TextProblems(IEnumerable<MaterialCheck> checks, IReadOnlyList<string> reasons, string? legalBasis, string? applyInstead)
    {
        if (checks.Any(c => c.Note is { Length: > MaxNote }))
        {
            yield return L["Case.NoteTooLong", MaxNote];
        }
        if (reasons.Count > MaxReasons || reasons.Any(r => r.Length > MaxReason))
        {
            yield return L["Case.ReasonsTooLong", MaxReasons, MaxReason];
        }
        if (legalBasis is { Length: > MaxText } || applyInstead is { Length: > MaxText })
        {
            yield return L["Case.TextTooLong", MaxText];
        }
    }

    private string Message(IntakeProblem problem, DateOnly today) => problem switch
    {
        IntakeProblem.DeferredDueInvalid => L["Case.Problem.DeferredDueInvalid", Day(today)],
        _ => L[$"Case.Problem.{problem}"],
    };

    private string AlreadyCompleted(ServiceCase serviceCase, WorkingCalendar calendar) =>
        L["Case.AlreadyCompleted", serviceCase.ClosedAt is { } at ? Local(calendar, at) : "", serviceCase.ClosedBy ?? ""];

    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Local(WorkingCalendar calendar, DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string DueText(WorkingCalendar calendar, DateTimeOffset due) => Local(calendar, due);
}
