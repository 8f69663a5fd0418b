using System.Globalization;
using System.Data;
using System.Data.Common;
using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Rounds;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Appointments;

/// <summary>One request as the window's list shows it (the requester's phone in full: the window calls back).</summary>
public sealed record AppointmentRow(
    long Id, string Number, AppointmentStatus Status, AppointmentChannel Channel, RequesterKind RequesterKind, string RequesterName,
    string? OrganisationName, string Phone, string MatterName, int WindowId, int WindowNumber, string WindowName,
    DateTimeOffset SlotStart, int SlotMinutes, string? Note, DateTimeOffset RequestedAt, DateTimeOffset ReplyDueAt,
    DateTimeOffset? RepliedAt, string? RepliedBy, int? ServingStaffId, string? ServingStaffName, string? ServingStaffPhone, string? DeclineReason,
    string? DeclineApprovedBy, DateTimeOffset? CheckedInAt, bool CheckedInLate, DateTimeOffset? ServedFrom, DateTimeOffset? ServedTo,
    int CompMinutes, string? CompletionNote, int Version);

/// <summary>A person who may serve an appointment of a window: its post holders.</summary>
public sealed record ServingChoice(int StaffId, string Name, string? Phone);

/// <summary>
/// The window's side of appointments (AP4.2): the requests of the windows a person holds posts at
/// (managers: every window), the reply — accept with the serving staff member, whose name and phone
/// and the matter's complete materials list the requester is then shown (OT1), or decline only with
/// the bureau leader's recorded approval and a reason. Serve policy, re-checked; a window's request is
/// answered only by its post holders or its chief representative (首席代表), or a manager.
/// </summary>
public sealed class AppointmentDeskService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    AppointmentBookingService booking,
    IOptions<HallOptions> hall,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxReason = 500;
    public const int MaxApprover = 100;

    /// <summary>Check-in opens this long before the slot: arriving at the hall for it, not a day ahead.</summary>
    public static readonly TimeSpan CheckInOpens = TimeSpan.FromHours(2);

    /// <summary>Requests of my windows: open ones first by reply deadline, then upcoming by slot, then the last 30 days.</summary>
    public async Task<IReadOnlyList<AppointmentRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().AddDays(-30);
        var query = db.Appointments.AsNoTracking().Where(a => a.SlotStart >= since || a.Status == AppointmentStatus.Requested);
        if (!user.IsManager)
        {
            var windows = Mine(db, user.StaffId);
            query = query.Where(a => windows.Contains(a.WindowId));
        }
        var rows = await Project(db, query).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Status == AppointmentStatus.Requested ? 0 : 1)
            .ThenBy(r => r.Status == AppointmentStatus.Requested ? r.ReplyDueAt : r.SlotStart)];
    }

    /// <summary>
    /// The appointments I serve from twelve hours ago on (AP4.3: the staff page's "my upcoming"), by
    /// slot; only my own, whoever asks.
    /// </summary>
    public async Task<IReadOnlyList<AppointmentRow>> MineUpcomingAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        if (user.StaffId is not { } me)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = time.GetUtcNow().AddHours(-12);
        var query = db.Appointments.AsNoTracking()
            .Where(a => a.ServingStaffId == me && a.Status == AppointmentStatus.Accepted && a.SlotStart >= since);
        return [.. (await Project(db, query).ToListAsync(cancellationToken)).OrderBy(r => r.SlotStart)];
    }

    /// <summary>
    /// Moves a request or an accepted appointment to another slot, at the requester's wish (AP4.4
    /// 改期): the new slot obeys the booking rules (AP4.1); a new appointment carries on with the same
    /// requester, matter, reply and serving staff member, and the requester's private link now shows
    /// it; the old one is kept as rescheduled, pointing at the new. The window's staff or a manager.
    /// </summary>
    public async Task<SaveResult> RescheduleAsync(long appointmentId, int version, DateTimeOffset? newSlot, string? note,
        CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var text = (note ?? "").Trim();
        if (text.Length > MaxReason)
        {
            return new SaveResult([L["Appointment.ReasonTooLong", MaxReason]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var old = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (old is null)
        {
            return new SaveResult([L["Appointment.Gone"]]);
        }
        if (old.Status is not (AppointmentStatus.Requested or AppointmentStatus.Accepted))
        {
            return new SaveResult([L["Appointment.CannotReschedule", L[$"Appointment.Status.{old.Status}"]]]);
        }
        if (old.Version != version)
        {
            return new SaveResult([L["Appointment.Changed"]]);
        }
        if (!await MayAnswerAsync(db, old.WindowId, cancellationToken))
        {
            return new SaveResult([L["Appointment.NotYourWindow"]]);
        }
        if (newSlot is not { } slot)
        {
            return new SaveResult([L["Appointment.SlotRequired"]]);
        }
        var calendar = await calendars.GetAsync();
        var settings = hall.Value.Appointments;
        var now = time.GetUtcNow();
        var check = AppointmentRules.Check(now, slot, settings.SlotLength(), calendar, settings.Hours());
        if (!check.Ok)
        {
            return new SaveResult([booking.SlotMessage(check.Problem, check.Earliest, calendar.Zone)]);
        }
        if (slot == old.SlotStart)
        {
            return new SaveResult([L["Appointment.SameSlot"]]);
        }
        var by = user.DisplayName is { Length: > 0 } display ? display : user.Name;
        var number = await DocumentNumbers.NextAppointmentNumberAsync(contexts, calendar.LocalDate(now), cancellationToken);
        var next = new Appointment
        {
            Number = number,
            PublicToken = old.PublicToken,
            Channel = old.Channel,
            RequesterKind = old.RequesterKind,
            RequesterName = old.RequesterName,
            OrganisationName = old.OrganisationName,
            Phone = old.Phone,
            MatterId = old.MatterId,
            MatterName = old.MatterName,
            WindowId = old.WindowId,
            SlotStart = slot,
            SlotMinutes = old.SlotMinutes,
            RequesterNote = old.RequesterNote,
            RequestedAt = old.RequestedAt,
            RequestedBy = old.RequestedBy,
            Status = old.Status,
            ReplyDueAt = old.ReplyDueAt,
            RepliedAt = old.RepliedAt,
            RepliedBy = old.RepliedBy,
            ServingStaffId = old.ServingStaffId,
            ServingStaffName = old.ServingStaffName,
            ServingStaffPhone = old.ServingStaffPhone,
            MaterialsList = old.MaterialsList,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            // The requester's link follows the appointment: the old one gets a fresh code first (the code is unique).
            old.PublicToken = CheckpointTokens.New();
            old.Status = AppointmentStatus.Rescheduled;
            old.CompletedAt = now;
            old.CompletedBy = by;
            old.CompletionNote = text.Length == 0 ? null : text;
            old.Version++;
            await db.SaveChangesAsync(cancellationToken);
            db.Appointments.Add(next);
            await db.SaveChangesAsync(cancellationToken);
            old.RescheduledToId = next.Id;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Appointment.Changed"]]);
        }
    }

    /// <summary>Who may serve a request: the post holders of its window.</summary>
    public async Task<IReadOnlyList<ServingChoice>> ServersAsync(long appointmentId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windowId = await db.Appointments.Where(a => a.Id == appointmentId).Select(a => (int?)a.WindowId).SingleOrDefaultAsync(cancellationToken);
        if (windowId is null || !await MayAnswerAsync(db, windowId.Value, cancellationToken))
        {
            return [];
        }
        return await ServersOf(db, windowId.Value).ToListAsync(cancellationToken);
    }

    /// <summary>AP4.2 yes: the serving staff member is assigned; the requester is shown their name and phone and the materials list.</summary>
    public async Task<SaveResult> AcceptAsync(long appointmentId, int version, int servingStaffId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (ReplyProblem(appointment, version) is { } problem)
        {
            return new SaveResult([problem]);
        }
        if (!await MayAnswerAsync(db, appointment!.WindowId, cancellationToken))
        {
            return new SaveResult([L["Appointment.NotYourWindow"]]);
        }
        var server = (await ServersOf(db, appointment.WindowId).ToListAsync(cancellationToken)).SingleOrDefault(s => s.StaffId == servingStaffId);
        if (server is null)
        {
            return new SaveResult([L["Appointment.ServerNotOfWindow"]]);
        }
        if (string.IsNullOrWhiteSpace(server.Phone))
        {
            return new SaveResult([L["Appointment.ServerHasNoPhone", server.Name]]);
        }
        var materials = await (
            from m in db.Matters
            where m.Id == appointment.MatterId && m.CurrentVersionId != null
            from item in m.CurrentVersion!.Materials
            orderby item.Order
            select new { item.Name, item.Requirement }).ToListAsync(cancellationToken);
        appointment.Status = AppointmentStatus.Accepted;
        appointment.ServingStaffId = server.StaffId;
        appointment.ServingStaffName = server.Name;
        appointment.ServingStaffPhone = server.Phone;
        appointment.MaterialsList = string.Join('\n', materials.Select(m => string.IsNullOrWhiteSpace(m.Requirement) ? m.Name : $"{m.Name}（{m.Requirement}）"));
        return await SaveReplyAsync(db, appointment, user, cancellationToken);
    }

    /// <summary>AP4.2 no: only with the bureau leader's approval (who) and a reason the requester is given.</summary>
    public async Task<SaveResult> DeclineAsync(long appointmentId, int version, string? approvedBy, string? reason, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var approver = (approvedBy ?? "").Trim();
        var why = (reason ?? "").Trim();
        var errors = new List<string>();
        if (approver.Length == 0)
        {
            errors.Add(L["Appointment.DeclineNeedsApproval"]);
        }
        else if (approver.Length > MaxApprover)
        {
            errors.Add(L["Appointment.ApproverTooLong", MaxApprover]);
        }
        if (why.Length == 0)
        {
            errors.Add(L["Appointment.DeclineNeedsReason"]);
        }
        else if (why.Length > MaxReason)
        {
            errors.Add(L["Appointment.ReasonTooLong", MaxReason]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (ReplyProblem(appointment, version) is { } problem)
        {
            return new SaveResult([problem]);
        }
        if (!await MayAnswerAsync(db, appointment!.WindowId, cancellationToken))
        {
            return new SaveResult([L["Appointment.NotYourWindow"]]);
        }
        appointment.Status = AppointmentStatus.Declined;
        appointment.DeclineApprovedBy = approver;
        appointment.DeclineApprovedAt = time.GetUtcNow();
        appointment.DeclineReason = why;
        return await SaveReplyAsync(db, appointment, user, cancellationToken);
    }

    /// <summary>
    /// AP4.3: the serving staff member checks in at the hall — only for themselves; less than 10
    /// minutes before the slot is flagged late. Checked in once.
    /// </summary>
    public async Task<SaveResult> CheckInAsync(long appointmentId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return new SaveResult([L["Appointment.Gone"]]);
        }
        if (appointment.Status != AppointmentStatus.Accepted)
        {
            return new SaveResult([L["Appointment.NotAccepted"]]);
        }
        if (user.StaffId is null || appointment.ServingStaffId != user.StaffId)
        {
            return new SaveResult([L["Appointment.CheckInOnlyYourself", appointment.ServingStaffName ?? ""]]);
        }
        if (appointment.CheckedInAt is { } at)
        {
            return new SaveResult([L["Appointment.AlreadyCheckedIn", TimeZoneInfo.ConvertTime(at, (await calendars.GetAsync()).Zone).ToString("HH:mm")]]);
        }
        var now = time.GetUtcNow();
        if (now < appointment.SlotStart - CheckInOpens)
        {
            return new SaveResult([L["Appointment.CheckInTooEarly", (int)CheckInOpens.TotalHours]]);
        }
        appointment.CheckedInAt = now;
        appointment.CheckedInLate = AppointmentRules.Arrival(now, appointment.SlotStart) == ArrivalVerdict.Late;
        appointment.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>
    /// AP4.4, AP4.5: the appointment's end — served (with the time actually spent, whose minutes
    /// outside working hours are credited to the server's comp-time ledger, once), or the requester
    /// did not come. The server or a manager records it.
    /// </summary>
    public async Task<SaveResult> CompleteAsync(long appointmentId, int version, AppointmentStatus outcome, DateTimeOffset? servedFrom, DateTimeOffset? servedTo,
        string? note, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var text = (note ?? "").Trim();
        if (outcome is not (AppointmentStatus.Done or AppointmentStatus.NoShow))
        {
            return new SaveResult([L["Appointment.BadOutcome"]]);
        }
        if (text.Length > MaxReason)
        {
            return new SaveResult([L["Appointment.ReasonTooLong", MaxReason]]);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var appointment = await db.Appointments.SingleOrDefaultAsync(a => a.Id == appointmentId, cancellationToken);
        if (appointment is null)
        {
            return new SaveResult([L["Appointment.Gone"]]);
        }
        if (appointment.Status != AppointmentStatus.Accepted)
        {
            return new SaveResult([L["Appointment.NotAccepted"]]);
        }
        if (appointment.Version != version)
        {
            return new SaveResult([L["Appointment.Changed"]]);
        }
        if (!user.IsManager && appointment.ServingStaffId != user.StaffId)
        {
            return new SaveResult([L["Appointment.CompleteOnlyServer", appointment.ServingStaffName ?? ""]]);
        }
        var now = time.GetUtcNow();
        if (outcome == AppointmentStatus.Done)
        {
            if (servedFrom is not { } from || servedTo is not { } to || to <= from || to > now || to - from > TimeSpan.FromHours(12))
            {
                return new SaveResult([L["Appointment.BadServedTime"]]);
            }
            var calendar = await calendars.GetAsync();
            appointment.ServedFrom = from;
            appointment.ServedTo = to;
            appointment.CompMinutes = AppointmentRules.CompMinutes(from, to, calendar);
            if (appointment.CompMinutes > 0 && appointment.ServingStaffId is { } server)
            {
                db.CompTimeEntries.Add(new CompTimeEntry
                {
                    StaffMemberId = server,
                    Kind = CompTimeKind.Earned,
                    Minutes = appointment.CompMinutes,
                    AppointmentId = appointment.Id,
                    RecordedAt = now,
                    RecordedBy = user.Name,
                    Note = appointment.Number,
                });
            }
        }
        else if (now < appointment.SlotStart)
        {
            return new SaveResult([L["Appointment.NoShowBeforeSlot"]]);
        }
        appointment.Status = outcome;
        appointment.CompletedAt = now;
        appointment.CompletedBy = user.DisplayName is { Length: > 0 } display ? display : user.Name;
        appointment.CompletionNote = text.Length == 0 ? null : text;
        appointment.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>A served time typed as "HH:mm" on the slot's day, in hall time; nothing when it is not a time.</summary>
    public DateTimeOffset? OnSlotDay(DateTimeOffset slotStart, string? clock)
    {
        if (!TimeOnly.TryParseExact(clock ?? "", "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return null;
        }
        var zone = hall.Value.Zone();
        var local = TimeZoneInfo.ConvertTime(slotStart, zone).Date + time.ToTimeSpan();
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Saves; a concurrent change (or a second earned line for one appointment) is told to reload.</summary>
    private async Task<SaveResult> SaveAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Appointment.Changed"]]);
        }
    }

    private string? ReplyProblem(Appointment? appointment, int version) =>
        appointment is null ? L["Appointment.Gone"].Value
        : appointment.Status != AppointmentStatus.Requested ? L["Appointment.AlreadyAnswered", L[$"Appointment.Status.{appointment.Status}"], appointment.RepliedBy ?? ""].Value
        : appointment.Version != version ? L["Appointment.Changed"].Value
        : null;

    private async Task<SaveResult> SaveReplyAsync(HallDbContext db, Appointment appointment, HallUserInfo user, CancellationToken cancellationToken)
    {
        appointment.RepliedAt = time.GetUtcNow();
        appointment.RepliedBy = user.DisplayName is { Length: > 0 } display ? display : user.Name;
        appointment.Version++;
        return await SaveAsync(db, cancellationToken);
    }

    private async Task<bool> MayAnswerAsync(HallDbContext db, int windowId, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync();
        return user.IsManager || await Mine(db, user.StaffId).ContainsAsync(windowId, cancellationToken);
    }

    /// <summary>The windows whose posts the person holds, and those they are chief representative of.</summary>
    private static IQueryable<int> Mine(HallDbContext db, int? staffId) =>
        db.WindowsHeldBy(staffId).Union(db.Windows.Where(w => staffId != null && w.ChiefRepresentativeStaffId == staffId).Select(w => w.Id));

    private static IQueryable<ServingChoice> ServersOf(HallDbContext db, int windowId) =>
        db.PostHolders.Where(h => h.Post!.WindowId == windowId)
            .Select(h => new ServingChoice(h.StaffMemberId, h.StaffMember!.Name, h.StaffMember.Phone))
            .Distinct();

    private static IQueryable<AppointmentRow> Project(HallDbContext db, IQueryable<Appointment> appointments) =>
        from a in appointments
        join w in db.Windows on a.WindowId equals w.Id
        select new AppointmentRow(
            a.Id, a.Number, a.Status, a.Channel, a.RequesterKind, a.RequesterName, a.OrganisationName, a.Phone, a.MatterName,
            a.WindowId, w.Number, w.Name, a.SlotStart, a.SlotMinutes, a.RequesterNote, a.RequestedAt, a.ReplyDueAt,
            a.RepliedAt, a.RepliedBy, a.ServingStaffId, a.ServingStaffName, a.ServingStaffPhone, a.DeclineReason, a.DeclineApprovedBy,
            a.CheckedInAt, a.CheckedInLate, a.ServedFrom, a.ServedTo, a.CompMinutes, a.CompletionNote, a.Version);
}
