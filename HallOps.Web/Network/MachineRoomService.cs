using System.Globalization;
using HallOps.Domain.Calendar;
using HallOps.Domain.Identity;
using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Rounds;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Network;

/// <summary>A network administrator's account, as the form offers it: the person entering, or the one accompanying.</summary>
public sealed record MachineRoomAdministrator(string UserName, string DisplayName, int? StaffId);

/// <summary>An entry of the machine-room access log as the list shows it.</summary>
public sealed record MachineRoomRow(
    long Id, string Person, string? Unit, bool IsAdministrator, DateTimeOffset EnteredAt, DateTimeOffset? LeftAt, string Purpose,
    string? AccompaniedBy, string? ApprovedBy, string RecordedBy, string? Note)
{
    /// <summary>Still inside: entered and not yet marked as left.</summary>
    public bool Inside => LeftAt is null;
}

/// <summary>One of the machine room's upkeep rounds (IT6) as the page lists it, with a link to do it.</summary>
public sealed record MachineRoomUpkeepRow(long Id, string TemplateName, DateTimeOffset DueFrom, DateTimeOffset DueBy, RoundState State, string? CompletedBy, DateTimeOffset? CompletedAt);

/// <summary>What the page shows: the day shown (null: the recent days), the entries, who is inside, the administrators, this week's upkeep.</summary>
public sealed record MachineRoomView(
    DateOnly Today,
    DateOnly? Day,
    IReadOnlyList<MachineRoomRow> Entries,
    IReadOnlyList<MachineRoomAdministrator> Administrators,
    IReadOnlyList<MachineRoomUpkeepRow> Upkeep)
{
    public IReadOnlyList<MachineRoomRow> Inside => Entries.Where(e => e.Inside).ToList();
}

/// <summary>An entry as the form fills it: an administrator picked by account, or a visitor typed with their unit.</summary>
public sealed class MachineRoomEdit
{
    /// <summary>The administrator entering (an account's user name); empty for a visitor.</summary>
    public string? AdministratorUserName { get; set; }
    public string? Visitor { get; set; }
    public string? Unit { get; set; }
    public string? Purpose { get; set; }

    /// <summary>The administrator accompanying a visitor (an account's user name).</summary>
    public string? AccompaniedBy { get; set; }
    public string? ApprovedBy { get; set; }

    /// <summary>Hall-local "yyyy-MM-ddTHH:mm"; empty means now.</summary>
    public string? EnteredAt { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// 机房出入登记 (IT6): the network administrators keep the machine room's access log — who went in,
/// from which unit, why, when, when they left; anyone but an administrator needs a recorded approval
/// and an administrator with them (<see cref="MachineRoomRules"/>). The log is the administrators'
/// (policy Network, re-checked on every call: window staff cannot read it). The page also lists the
/// week's machine-room upkeep rounds, planned by the round engine for the NetworkAdmin role.
/// </summary>
public sealed class MachineRoomService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    CalendarSource calendars,
    RoundService rounds,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxPerson = 100;
    public const int MaxUnit = 200;
    public const int MaxPurpose = 500;
    public const int MaxNote = 500;

    /// <summary>Days of entries listed when no day is chosen.</summary>
    public const int RecentDays = 7;

    /// <summary>The earliest day the filter accepts.</summary>
    public static readonly DateOnly Earliest = new(2020, 1, 1);

    /// <summary>"yyyy-MM-ddTHH:mm", the form's date-time text.</summary>
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    public DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, options.Value.Zone());

    /// <summary>Now in the hall's zone as the form's text.</summary>
    public string NowText() => Local(time.GetUtcNow()).ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// The log: the entries of <paramref name="day"/> (hall-local), or of the last <see cref="RecentDays"/>
    /// days when none is given; whoever is still inside always (first); this week's upkeep rounds.
    /// </summary>
    public async Task<MachineRoomView> ListAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        var today = calendar.LocalDate(now);
        var from = calendar.ToInstant(day ?? today.AddDays(-(RecentDays - 1)), TimeOnly.MinValue);
        var to = calendar.ToInstant((day ?? today).AddDays(1), TimeOnly.MinValue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.MachineRoomEntries.AsNoTracking()
            .Where(e => (e.EnteredAt >= from && e.EnteredAt < to) || (day == null && e.LeftAt == null))
            .Select(e => new MachineRoomRow(e.Id, e.Person, e.Unit, e.IsAdministrator, e.EnteredAt, e.LeftAt, e.Purpose,
                e.AccompaniedBy, e.ApprovedBy, e.RecordedBy, e.Note))
            .ToListAsync(cancellationToken);
        var ordered = entries.OrderBy(e => e.Inside ? 0 : 1).ThenByDescending(e => e.EnteredAt).ThenByDescending(e => e.Id).ToList();

        var weekStart = calendar.ToInstant(Domain.Assessment.AssessmentFigures.WeekStart(today), TimeOnly.MinValue);
        var weekEnd = weekStart.AddDays(7);
        var upkeep = await db.Rounds.AsNoTracking()
            .Where(r => r.Kind == RoundKind.MachineRoomUpkeep
                && ((r.DueFrom >= weekStart && r.DueFrom < weekEnd) || r.State == RoundState.Due || r.State == RoundState.InProgress))
            .Select(r => new { r.Id, Name = r.Template!.Name, r.DueFrom, r.DueBy, r.MissedAt, r.State, r.StartedAt, r.CompletedBy, r.CompletedAt })
            .ToListAsync(cancellationToken);
        var upkeepRows = upkeep
            .Select(r => new MachineRoomUpkeepRow(r.Id, r.Name, r.DueFrom, r.DueBy,
                r.State is RoundState.Due or RoundState.InProgress ? RoundRules.OpenStateAt(now, r.MissedAt, r.StartedAt is not null) : r.State,
                r.CompletedBy, r.CompletedAt))
            .OrderBy(r => r.DueFrom).ToList();

        return new MachineRoomView(today, day, ordered, await AdministratorsAsync(db, cancellationToken), upkeepRows);
    }

    /// <summary>Reads a filter day "yyyy-MM-dd"; null with a message when it is not a day the log can have.</summary>
    public (DateOnly? Day, string? Error) ParseDay(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || day < Earliest || day > DateOnly.FromDateTime(Local(time.GetUtcNow()).DateTime))
        {
            return (null, L["MachineRoom.BadDay", text.Trim()]);
        }
        return (day, null);
    }

    /// <summary>Records an entry; every problem is listed and nothing is stored while there is one (IT6).</summary>
    public async Task<SaveResult> LogAsync(MachineRoomEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        ArgumentNullException.ThrowIfNull(edit);
        var user = await currentUser.GetAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var administrators = await AdministratorsAsync(db, cancellationToken);
        var errors = new List<string>();

        var adminName = edit.AdministratorUserName?.Trim();
        MachineRoomAdministrator? administrator = null;
        if (!string.IsNullOrEmpty(adminName))
        {
            administrator = administrators.FirstOrDefault(a => a.UserName == adminName);
            if (administrator is null)
            {
                errors.Add(L["MachineRoom.NotAnAdministrator", adminName]);
            }
        }
        var person = administrator?.DisplayName ?? (string.IsNullOrEmpty(adminName) ? edit.Visitor?.Trim() : adminName) ?? "";
        var unit = administrator is null ? Clean(edit.Unit) : null;
        var purpose = edit.Purpose?.Trim() ?? "";
        var note = Clean(edit.Note);
        var approvedBy = administrator is null ? Clean(edit.ApprovedBy) : null;
        string? accompaniedBy = null;
        var escort = edit.AccompaniedBy?.Trim();
        if (administrator is null && !string.IsNullOrEmpty(escort))
        {
            var found = administrators.FirstOrDefault(a => a.UserName == escort);
            if (found is null)
            {
                errors.Add(L["MachineRoom.EscortNotAdministrator", escort]);
            }
            accompaniedBy = found?.DisplayName ?? escort;
        }
        var enteredAt = now;
        if (!string.IsNullOrWhiteSpace(edit.EnteredAt))
        {
            if (DateTime.TryParseExact(edit.EnteredAt.Trim(), [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var local))
            {
                var zone = options.Value.Zone();
                enteredAt = new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
            else
            {
                errors.Add(L["MachineRoom.BadEnteredAt", edit.EnteredAt.Trim()]);
            }
        }
        if (person.Length > MaxPerson)
        {
            errors.Add(L["MachineRoom.PersonTooLong", MaxPerson]);
        }
        if (unit is { Length: > MaxUnit })
        {
            errors.Add(L["MachineRoom.UnitTooLong", MaxUnit]);
        }
        if (purpose.Length > MaxPurpose)
        {
            errors.Add(L["MachineRoom.PurposeTooLong", MaxPurpose]);
        }
        if (approvedBy is { Length: > MaxPerson } || accompaniedBy is { Length: > MaxPerson })
        {
            errors.Add(L["MachineRoom.PersonTooLong", MaxPerson]);
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add(L["MachineRoom.NoteTooLong", MaxNote]);
        }
        var visit = new MachineRoomVisit(person, administrator is not null, purpose, approvedBy, accompaniedBy, enteredAt, null);
        errors.AddRange(MachineRoomRules.Check(visit, now).Select(p => L[$"MachineRoom.Problem.{p}"].Value));
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        db.MachineRoomEntries.Add(new MachineRoomEntry
        {
            Person = person, Unit = unit, IsAdministrator = administrator is not null, StaffId = administrator?.StaffId,
            EnteredAt = enteredAt, Purpose = purpose, AccompaniedBy = accompaniedBy, ApprovedBy = approvedBy,
            RecordedBy = user.DisplayName, RecordedAt = now, Note = note,
        });
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    /// <summary>Marks an entry as left now (IT6: the log shows who is inside).</summary>
    public async Task<SaveResult> MarkLeftAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.MachineRoomEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return new SaveResult([L["MachineRoom.Unknown"]]);
        }
        if (entry.LeftAt is { } left)
        {
            return new SaveResult([L["MachineRoom.AlreadyLeft", entry.Person, Local(left).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)]]);
        }
        var visit = new MachineRoomVisit(entry.Person, entry.IsAdministrator, entry.Purpose, entry.ApprovedBy, entry.AccompaniedBy, entry.EnteredAt, now);
        if (MachineRoomRules.Check(visit, now).Contains(MachineRoomProblem.LeftBeforeEntered))
        {
            return new SaveResult([L["MachineRoom.Problem.LeftBeforeEntered"]]);
        }
        entry.LeftAt = now;
        entry.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["MachineRoom.ChangedMeanwhile"]]);
        }
    }

    /// <summary>An upkeep round's checklist (IT6); null when it is unknown or not the machine room's upkeep.</summary>
    public async Task<RoundSheet?> UpkeepSheetAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Network);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Rounds.AnyAsync(r => r.Id == roundId && r.Kind == RoundKind.MachineRoomUpkeep, cancellationToken))
            {
                return null;
            }
        }
        return await rounds.SheetAsync(roundId, cancellationToken);
    }

    private static async Task<List<MachineRoomAdministrator>> AdministratorsAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.Name == HallRoles.NetworkAdmin).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (roleId is null)
        {
            return [];
        }
        var users = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .Select(u => new { u.UserName, u.DisplayName, u.StaffMemberId })
            .ToListAsync(cancellationToken);
        return users.Where(u => u.UserName is not null)
            .Select(u => new MachineRoomAdministrator(u.UserName!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName! : u.DisplayName, u.StaffMemberId))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
