using System.Data;
using System.Data.Common;
using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Appointments;

/// <summary>
/// One line of a comp-time ledger: earned (the appointment served, its minutes outside working hours;
/// <see cref="ServedOn"/> the day served, or recorded) or taken (the day off, negative minutes). <see cref="CanCancel"/>: a taken day still ahead that the
/// viewer arranges.
/// </summary>
public sealed record CompTimeLine(
    long Id, CompTimeKind Kind, int Minutes, string? AppointmentNumber, DateOnly ServedOn, DateOnly? Date,
    string? Note, DateTimeOffset RecordedAt, string RecordedBy, bool CanCancel);

/// <summary>A person whose comp time the viewer arranges, with their balance and windows.</summary>
public sealed record CompTimePerson(int StaffId, string Name, string EmployeeNo, IReadOnlyList<int> Windows, int Balance);

/// <summary>One person's ledger.</summary>
public sealed record CompTimeLedgerView(int StaffId, string Name, int Balance, IReadOnlyList<CompTimeLine> Lines);

/// <summary>
/// The comp-time page: my own ledger (when I am staff), and — for a chief representative or a
/// manager — the people whose time off I arrange, one of whom may be opened.
/// </summary>
public sealed record CompTimeView(
    DateOnly Today, bool IsManager, CompTimeLedgerView? Mine, IReadOnlyList<CompTimePerson> Staff, CompTimeLedgerView? Selected)
{
    public bool MayBook => Staff.Count > 0;
}

/// <summary>Time off as the form enters it.</summary>
public sealed class CompTimeBooking
{
    public int? StaffId { get; set; }
    public DateTime? Date { get; set; }

    /// <summary>The whole working day (its opening hours, from the calendar), or <see cref="Hours"/>.</summary>
    public bool WholeDay { get; set; } = true;

    public int Hours { get; set; } = 1;
    public string? Note { get; set; }
}

/// <summary>
/// The comp-time (调休) ledger, AP4.5: time served outside working hours is given back as time off,
/// arranged by the window's chief representative (首席代表). Earned lines come from completed
/// appointments (<see cref="AppointmentDeskService.CompleteAsync"/>).
/// <para>
/// Who sees what (Serve policy, re-checked on every call): everyone their own ledger; a chief
/// representative also the post holders of the windows they represent; a manager everyone.
/// Only a chief representative of one of the person's windows, or a manager, books time off, and
/// nobody books their own.
/// </para>
/// <para>
/// A booking is one working day, today or later: the whole day — as many minutes as that day's
/// opening hours (morning and afternoon session, from the calendar's season) — or a whole number
/// of hours up to that. It writes one taken line (negative minutes, with the date and the planned
/// leave) and one planned leave of that day, reason 调休, in one transaction, so the coverage rules
/// see the absence (planned leave is by the day: a few hours off still shows the day as away).
/// The balance is re-read inside a serializable transaction (SQLite: BEGIN IMMEDIATE, so a second
/// booking waits for the first and sees its line; SQL Server: range locks, the loser of a race is a
/// deadlock victim and is told to retry), so it never goes below zero
/// (<see cref="CompTimeLedger.CanTake"/>).
/// </para>
/// <para>
/// Cancelling a day not yet come deletes its taken line and its planned leave in one transaction:
/// the ledger then shows what stands, and the audit log keeps who booked and who cancelled.
/// </para>
/// </summary>
public sealed class CompTimeService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 150;

    /// <summary>The page: my ledger, the people I arrange time off for, and the one opened.</summary>
    public async Task<CompTimeView> LoadAsync(int? selectedStaffId = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = user.StaffId is { } me ? await LedgerAsync(db, me, calendar, today, mayCancel: false, cancellationToken) : null;

        var people = ArrangedBy(db, user.StaffId, user.IsManager).Where(id => id != user.StaffId);
        var staff = await db.StaffMembers.AsNoTracking()
            .Where(s => people.Contains(s.Id))
            .OrderBy(s => s.EmployeeNo)
            .Select(s => new { s.Id, s.Name, s.EmployeeNo })
            .ToListAsync(cancellationToken);
        var windows = (await db.PostHolders.AsNoTracking()
                .Where(h => people.Contains(h.StaffMemberId))
                .Select(h => new { h.StaffMemberId, h.Post!.Window!.Number })
                .ToListAsync(cancellationToken))
            .ToLookup(h => h.StaffMemberId, h => h.Number);
        var balances = await db.CompTimeEntries.AsNoTracking()
            .Where(c => people.Contains(c.StaffMemberId))
            .GroupBy(c => c.StaffMemberId)
            .Select(g => new { StaffId = g.Key, Balance = g.Sum(c => c.Minutes) })
            .ToDictionaryAsync(g => g.StaffId, g => g.Balance, cancellationToken);
        var list = staff.Select(s => new CompTimePerson(s.Id, s.Name, s.EmployeeNo, [.. windows[s.Id].Distinct().Order()], balances.GetValueOrDefault(s.Id))).ToList();
        var selected = selectedStaffId is { } id && list.Any(p => p.StaffId == id)
            ? await LedgerAsync(db, id, calendar, today, mayCancel: true, cancellationToken)
            : null;
        return new CompTimeView(today, user.IsManager, mine, list, selected);
    }

    /// <summary>
    /// A person's balance in minutes, for the leave page: my own, or someone whose time off I
    /// arrange; null for anyone else or no one.
    /// </summary>
    public async Task<int?> BalanceAsync(int? staffId = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var who = staffId ?? user.StaffId;
        if (who is not { } id)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (id != user.StaffId && !await ArrangedBy(db, user.StaffId, user.IsManager).ContainsAsync(id, cancellationToken))
        {
            return null;
        }
        return await BalanceOf(db, id, cancellationToken);
    }

    /// <summary>The minutes a whole day off takes on <paramref name="date"/>: its opening hours.</summary>
    public static int WholeDayMinutes(WorkingCalendar calendar, DateOnly date)
    {
        var season = calendar.Hours.SeasonOn(date);
        return (int)((season.Morning.End - season.Morning.Start) + (season.Afternoon.End - season.Afternoon.Start)).TotalMinutes;
    }

    /// <summary>Books time off against the person's balance (AP4.5); refused with reasons, nothing written.</summary>
    public async Task<SaveResult> BookAsync(CompTimeBooking booking, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        if (booking.StaffId is not { } who)
        {
            return new SaveResult([L["CompTime.PersonRequired"]]);
        }
        if (who == user.StaffId)
        {
            return new SaveResult([L["CompTime.NotOwn"]]);
        }
        var note = booking.Note?.Trim();
        if (note is { Length: > MaxNote })
        {
            return new SaveResult([L["CompTime.NoteTooLong", MaxNote]]);
        }
        if (booking.Date is not { } picked)
        {
            return new SaveResult([L["CompTime.DateRequired"]]);
        }
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var date = DateOnly.FromDateTime(picked);
        if (date < today)
        {
            return new SaveResult([L["CompTime.InPast", Day(today)]]);
        }
        if (!calendar.IsWorkingDay(date))
        {
            return new SaveResult([L["CompTime.NotWorkingDay", Day(date)]]);
        }
        var dayMinutes = WholeDayMinutes(calendar, date);
        var maxHours = dayMinutes / 60;
        if (!booking.WholeDay && (booking.Hours < 1 || booking.Hours > maxHours))
        {
            return new SaveResult([L["CompTime.BadHours", maxHours]]);
        }
        var minutes = booking.WholeDay ? dayMinutes : booking.Hours * 60;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await ArrangedBy(db, user.StaffId, user.IsManager).ContainsAsync(who, cancellationToken))
        {
            return new SaveResult([L["CompTime.NotYourStaff"]]);
        }
        try
        {
            // Serializable: two bookings at once (a double submit, two chiefs) cannot both pass the balance check.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var existing = await db.PlannedLeaves.AsNoTracking()
                .Where(l => l.StaffMemberId == who && l.From <= date && date <= l.To)
                .OrderBy(l => l.From)
                .FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return new SaveResult([L["CompTime.HasLeave", Day(date), L[$"Away.{existing.Reason}"]]]);
            }
            var balance = await BalanceOf(db, who, cancellationToken);
            if (!CompTimeLedger.CanTake(balance, minutes))
            {
                return new SaveResult([L["CompTime.BeyondBalance", Duration(balance), Duration(minutes)]]);
            }
            var now = time.GetUtcNow();
            var leave = new PlannedLeave
            {
                StaffMemberId = who,
                From = date,
                To = date,
                Reason = AwayReason.CompTime,
                Note = LeaveNote(booking.WholeDay ? null : booking.Hours, note),
                RecordedBy = user.Name,
                RecordedAt = now,
            };
            db.PlannedLeaves.Add(leave);
            await db.SaveChangesAsync(cancellationToken);
            db.CompTimeEntries.Add(new CompTimeEntry
            {
                StaffMemberId = who,
                Kind = CompTimeKind.Taken,
                Minutes = -minutes,
                Date = date,
                PlannedLeaveId = leave.Id,
                Note = string.IsNullOrEmpty(note) ? null : note,
                RecordedAt = now,
                RecordedBy = user.Name,
            });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["CompTime.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>
    /// Cancels a day off not yet come: its taken line and its planned leave are deleted together, so
    /// the balance is whole again and the coverage rules no longer see the absence.
    /// </summary>
    public async Task<SaveResult> CancelAsync(long entryId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        var user = await currentUser.GetAsync();
        var today = (await calendars.GetAsync()).LocalDate(time.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            var entry = await db.CompTimeEntries.SingleOrDefaultAsync(c => c.Id == entryId, cancellationToken);
            if (entry is null)
            {
                return new SaveResult([L["CompTime.Gone"]]);
            }
            if (entry.Kind != CompTimeKind.Taken)
            {
                return new SaveResult([L["CompTime.NotTaken"]]);
            }
            if (entry.StaffMemberId == user.StaffId || !await ArrangedBy(db, user.StaffId, user.IsManager).ContainsAsync(entry.StaffMemberId, cancellationToken))
            {
                return new SaveResult([L["CompTime.NotYourStaff"]]);
            }
            if (entry.Date is not { } date || date <= today)
            {
                return new SaveResult([L["CompTime.CancelTooLate"]]);
            }
            if (entry.PlannedLeaveId is { } leaveId && await db.PlannedLeaves.SingleOrDefaultAsync(l => l.Id == leaveId, cancellationToken) is { } leave)
            {
                db.PlannedLeaves.Remove(leave);
            }
            db.CompTimeEntries.Remove(entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            return new SaveResult([L["CompTime.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>"调休（全天）" or "调休（2小时）", then the note: the planned leave's note, as the hall writes it.</summary>
    public static string LeaveNote(int? hours, string? note)
    {
        var text = hours is { } h ? $"调休（{h}小时）" : "调休（全天）";
        return string.IsNullOrEmpty(note) ? text : $"{text}：{note}";
    }

    /// <summary>Minutes as hours and minutes ("7小时30分", "7 h 30 min").</summary>
    public string Duration(int minutes) =>
        minutes < 0 ? "-" + Duration(-minutes) : L["CompTime.HoursMinutes", minutes / 60, minutes % 60];

    /// <summary>
    /// The people whose comp time a person arranges: everyone for a manager; for a chief
    /// representative the post holders of the windows they represent; for anyone else nobody.
    /// </summary>
    private static IQueryable<int> ArrangedBy(HallDbContext db, int? staffId, bool isManager) =>
        isManager
            ? db.StaffMembers.Select(s => s.Id)
            : db.PostHolders.Where(h => staffId != null && h.Post!.Window!.ChiefRepresentativeStaffId == staffId).Select(h => h.StaffMemberId).Distinct();

    private static async Task<int> BalanceOf(HallDbContext db, int staffId, CancellationToken cancellationToken) =>
        CompTimeLedger.Balance(await db.CompTimeEntries.Where(c => c.StaffMemberId == staffId).Select(c => c.Minutes).ToListAsync(cancellationToken));

    private static async Task<CompTimeLedgerView?> LedgerAsync(HallDbContext db, int staffId, WorkingCalendar calendar, DateOnly today, bool mayCancel, CancellationToken cancellationToken)
    {
        var name = await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null)
        {
            return null;
        }
        var rows = await (
            from c in db.CompTimeEntries.AsNoTracking()
            where c.StaffMemberId == staffId
            join a in db.Appointments on c.AppointmentId equals a.Id into served
            from a in served.DefaultIfEmpty()
            select new { Entry = c, Number = a == null ? null : a.Number, ServedFrom = a == null ? null : a.ServedFrom })
            .ToListAsync(cancellationToken);
        var lines = rows
            .Select(r => new CompTimeLine(
                r.Entry.Id, r.Entry.Kind, r.Entry.Minutes, r.Number,
                calendar.LocalDate(r.ServedFrom ?? r.Entry.RecordedAt),
                r.Entry.Date, r.Entry.Note, r.Entry.RecordedAt, r.Entry.RecordedBy,
                mayCancel && r.Entry.Kind == CompTimeKind.Taken && r.Entry.Date > today))
            .OrderByDescending(l => l.Date ?? l.ServedOn).ThenByDescending(l => l.RecordedAt).ThenByDescending(l => l.Id)
            .ToList();
        return new CompTimeLedgerView(staffId, name, CompTimeLedger.Balance(lines.Select(l => l.Minutes)), lines);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
