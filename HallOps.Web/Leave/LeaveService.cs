using System.Data;
using System.Data.Common;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Leave;

/// <summary>One planned leave as the page lists it.</summary>
public sealed record LeaveRow(
    int Id, int StaffId, string StaffName, string EmployeeNo, string? Unit,
    DateOnly From, DateOnly To, AwayReason Reason, string? Note, string RecordedBy, DateTimeOffset RecordedAt)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool StartedBy(DateOnly today) => From < today;
}

/// <summary>What the leave page shows: whose leave, from which day on, and whether the viewer manages everyone's.</summary>
public sealed record LeaveView(bool IsManager, int? StaffId, DateOnly Today, IReadOnlyList<LeaveRow> Leaves)
{
    /// <summary>
    /// Whether the viewer may cancel this leave now (the server checks again: <see cref="LeaveRules.Cancel"/>).
    /// Never 调休: it is cancelled on the comp-time page, so its ledger line goes with it (AP4.5).
    /// </summary>
    public bool CanCancel(LeaveRow row) =>
        row.Reason != AwayReason.CompTime && (IsManager || row.StaffId == StaffId) && LeaveRules.Cancel(new PlannedLeave { From = row.From, To = row.To }, Today, IsManager)
            is LeaveCancel.Remove or LeaveCancel.EndYesterday;
}

/// <summary>A manager's filter of everyone's leave; empty for all.</summary>
public sealed record LeaveFilter(int? StaffId = null, int? HomeUnitId = null);

public sealed record LeavePerson(int Id, string Name, string EmployeeNo, int? HomeUnitId, string? Unit);

public sealed record LeaveUnit(int Id, string Name);

public sealed record GapHolder(int StaffId, string Name, PostRole Role);

/// <summary>A post predicted to have neither A nor any B on a coming working day, and who is away (AB4).</summary>
public sealed record PredictedGapRow(DateOnly Date, int WindowNumber, string WindowName, string PostName, IReadOnlyList<GapHolder> Away);

/// <summary>Leave as the form enters it (dates from the pickers).</summary>
public sealed class LeaveEdit
{
    /// <summary>Whose leave: the signed-in person's own when empty; a manager picks anyone.</summary>
    public int? StaffId { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public AwayReason Reason { get; set; } = AwayReason.Leave;
    public string? Note { get; set; }
}

/// <summary>
/// Planned leave (请假, AB3/AB4), entered ahead so the hall sees gaps before they happen. Staff enter
/// and cancel their own; managers (Manager, Admin) anyone's. Cancelling leave not yet started
/// removes it; leave under way is cut to end yesterday, by a manager only, so the days taken stay on
/// record; finished leave stays as it is (<see cref="LeaveRules.Cancel"/>). Bad input returns
/// messages and changes nothing; every change is audited and published by the data context.
/// </summary>
public sealed class LeaveService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 200;

    /// <summary>The working days ahead the prediction looks at.</summary>
    public const int PredictionDays = 5;

    /// <summary>Leave not yet over: the viewer's own, or (for a manager) everyone's, filtered.</summary>
    public async Task<LeaveView> LoadAsync(LeaveFilter? filter = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var today = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.PlannedLeaves.AsNoTracking().Where(l => l.To >= today);
        if (!user.IsManager)
        {
            var me = user.StaffId ?? -1;
            query = query.Where(l => l.StaffMemberId == me);
        }
        else
        {
            if (filter?.StaffId is { } staffId)
            {
                query = query.Where(l => l.StaffMemberId == staffId);
            }
            if (filter?.HomeUnitId is { } unitId)
            {
                query = query.Where(l => l.StaffMember!.HomeUnitId == unitId);
            }
        }
        var rows = await query
            .OrderBy(l => l.From).ThenBy(l => l.StaffMember!.EmployeeNo).ThenBy(l => l.Id)
            .Select(l => new LeaveRow(
                l.Id, l.StaffMemberId, l.StaffMember!.Name, l.StaffMember.EmployeeNo,
                l.StaffMember.HomeUnit == null ? null : l.StaffMember.HomeUnit.Name,
                l.From, l.To, l.Reason, l.Note, l.RecordedBy, l.RecordedAt))
            .ToListAsync(cancellationToken);
        return new LeaveView(user.IsManager, user.StaffId, today, rows);
    }

    /// <summary>Whom the viewer may enter leave for: a manager anyone, staff themselves.</summary>
    public async Task<IReadOnlyList<LeavePerson>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var me = user.StaffId ?? -1;
        return await db.StaffMembers.AsNoTracking()
            .Where(s => user.IsManager || s.Id == me)
            .OrderBy(s => s.EmployeeNo)
            .Select(s => new LeavePerson(s.Id, s.Name, s.EmployeeNo, s.HomeUnitId, s.HomeUnit == null ? null : s.HomeUnit.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The home units, for a manager's filter.</summary>
    public async Task<IReadOnlyList<LeaveUnit>> UnitsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.HomeUnits.AsNoTracking().OrderBy(u => u.Id).Select(u => new LeaveUnit(u.Id, u.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Enters leave: staff for themselves only, a manager for any member of staff (AB4).</summary>
    public async Task<SaveResult> AddAsync(LeaveEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var staffId = edit.StaffId ?? user.StaffId;
        if (staffId is not { } who)
        {
            return new SaveResult([user.IsManager ? L["Leave.PersonRequired"] : L["Leave.NoStaffRecord"]]);
        }
        if (!user.IsManager && who != user.StaffId)
        {
            return new SaveResult([L["Leave.OnlyOwn"]]);
        }
        var errors = new List<string>();
        var note = edit.Note?.Trim();
        if (note is { Length: > MaxNote })
        {
            errors.Add(L["Leave.NoteTooLong", MaxNote]);
        }
        if (edit.From is not { } fromValue || edit.To is not { } toValue)
        {
            errors.Add(L["Leave.DatesRequired"]);
            return new SaveResult(errors);
        }
        var from = DateOnly.FromDateTime(fromValue);
        var to = DateOnly.FromDateTime(toValue);
        var today = await TodayAsync();

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            // Serializable: two entries for one person at once cannot both pass the overlap check.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (!await db.StaffMembers.AnyAsync(s => s.Id == who, cancellationToken))
            {
                return new SaveResult([L["Leave.UnknownStaff"]]);
            }
            var others = await db.PlannedLeaves.AsNoTracking()
                .Where(l => l.StaffMemberId == who && l.To >= from && l.From <= to)
                .OrderBy(l => l.From)
                .ToListAsync(cancellationToken);
            var problem = LeaveRules.Check(from, to, edit.Reason, today, others);
            if (problem != LeaveProblem.None)
            {
                errors.Add(Message(problem, today, others.FirstOrDefault()));
            }
            if (errors.Count > 0)
            {
                return new SaveResult(errors);
            }
            db.PlannedLeaves.Add(new PlannedLeave
            {
                StaffMemberId = who,
                From = from,
                To = to,
                Reason = edit.Reason,
                Note = string.IsNullOrEmpty(note) ? null : note,
                RecordedBy = user.Name,
                RecordedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["Leave.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>
    /// Cancels leave: removed when not yet started; cut to end yesterday when under way (managers
    /// only); refused when finished, or when it is someone else's and the viewer is not a manager,
    /// or when it is 调休 (cancelled through <see cref="HallOps.Web.Appointments.CompTimeService.CancelAsync"/>).
    /// </summary>
    public async Task<SaveResult> CancelAsync(int leaveId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var today = await TodayAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leave = await db.PlannedLeaves.SingleOrDefaultAsync(l => l.Id == leaveId, cancellationToken);
        if (leave is null)
        {
            return new SaveResult([L["Leave.Gone"]]);
        }
        if (!user.IsManager && leave.StaffMemberId != user.StaffId)
        {
            return new SaveResult([L["Leave.NotYours"]]);
        }
        if (leave.Reason == AwayReason.CompTime)
        {
            // AP4.5: the day off and its ledger line are cancelled together, on the comp-time page.
            return new SaveResult([L["Leave.CompTimeElsewhere"]]);
        }
        switch (LeaveRules.Cancel(leave, today, user.IsManager))
        {
            case LeaveCancel.Remove:
                db.PlannedLeaves.Remove(leave);
                break;
            case LeaveCancel.EndYesterday:
                leave.To = today.AddDays(-1);
                break;
            case LeaveCancel.RefusedStarted:
                return new SaveResult([L["Leave.RefusedStarted"]]);
            default:
                return new SaveResult([L["Leave.RefusedFinished"]]);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Leave.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>
    /// AB4 ahead of time, for managers: the posts of active windows with A and every B on leave on
    /// one of the next <see cref="PredictionDays"/> working days, with who is away.
    /// </summary>
    public async Task<IReadOnlyList<PredictedGapRow>> PredictedGapsAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var last = today;
        for (var i = 0; i < PredictionDays; i++)
        {
            last = calendar.NextWorkingDay(last);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var leaves = await db.PlannedLeaves.AsNoTracking().Where(l => l.To > today && l.From <= last).ToListAsync(cancellationToken);
        if (leaves.Count == 0)
        {
            return [];
        }
        var posts = await db.Posts.AsNoTracking()
            .Where(p => p.Window!.IsActive)
            .OrderBy(p => p.Window!.Number).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.WindowId, p.Name, p.Window!.Number, WindowName = p.Window.Name,
                Holders = p.Holders.OrderBy(h => h.Role).ThenBy(h => h.Id)
                    .Select(h => new { h.StaffMemberId, h.Role, h.StaffMember!.Name }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var holders = posts.Select(p => new PostHolders(p.Id, p.WindowId,
            p.Holders.Select(h => new HolderPresence(h.StaffMemberId, h.Role, PresenceState.SignedOff)).ToList())).ToList();
        var byId = posts.ToDictionary(p => p.Id);
        return CoverageRules.PredictGaps(holders, leaves, today, PredictionDays, calendar)
            .Select(gap => (Gap: gap, Post: byId[gap.PostId]))
            .Select(x => new PredictedGapRow(x.Gap.Date, x.Post.Number, x.Post.WindowName, x.Post.Name,
                x.Post.Holders.Select(h => new GapHolder(h.StaffMemberId, h.Name, h.Role)).ToList()))
            .OrderBy(r => r.Date).ThenBy(r => r.WindowNumber)
            .ToList();
    }

    private async Task<DateOnly> TodayAsync() => (await calendars.GetAsync()).LocalDate(time.GetUtcNow());

    private string Message(LeaveProblem problem, DateOnly today, PlannedLeave? overlapping) => problem switch
    {
        LeaveProblem.NotALeaveReason => L["Leave.NotALeaveReason"],
        LeaveProblem.EndsBeforeItStarts => L["Leave.EndsBeforeItStarts"],
        LeaveProblem.StartsInThePast => L["Leave.StartsInThePast", Day(today)],
        LeaveProblem.TooLong => L["Leave.TooLong", LeaveRules.MaxDays],
        LeaveProblem.Overlaps when overlapping is not null => L["Leave.Overlaps", Day(overlapping.From), Day(overlapping.To)],
        _ => L["Leave.Conflict"],
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
