using System.Globalization;
using HallOps.Domain.Appointments;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Appointments;

/// <summary>What a requester fills in (the public page) or a clerk takes down (phone, visit).</summary>
public sealed class AppointmentRequestInput
{
    public RequesterKind RequesterKind { get; set; } = RequesterKind.Person;

    public string? RequesterName { get; set; }

    public string? OrganisationName { get; set; }

    public string? Phone { get; set; }

    public int? MatterId { get; set; }

    public DateTimeOffset? SlotStart { get; set; }

    public string? Note { get; set; }
}

/// <summary>The outcome of a request: the number and the requester's private link, or messages (and the earliest slot when the slot was refused).</summary>
public sealed record BookingResult(IReadOnlyList<string> Errors, string? Number = null, string? Token = null, DateTimeOffset? Earliest = null)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>A matter that can be booked, with its window.</summary>
public sealed record BookableMatter(int Id, string Code, string Name, int WindowNumber, string WindowName);

/// <summary>What the requester sees of their own request (by its private link): nothing about anyone else.</summary>
public sealed record RequesterView(
    string Number, AppointmentStatus Status, string MatterName, int WindowNumber, string WindowName, DateTimeOffset SlotStart, int SlotMinutes,
    DateTimeOffset ReplyDueAt, string? ServingStaffName, string? ServingStaffPhone, IReadOnlyList<string> Materials, string? DeclineReason);

/// <summary>
/// Taking appointment requests (AP1–AP4.1): from the public page (no account) and by window staff
/// (Serve policy, re-checked). A request is checked against the rules — after hours, a whole working
/// day ahead, on the grid — and refused with the earliest allowed slot; bad input stores nothing. The
/// reply is due by the close of the working day it came in (AP4.2).
/// </summary>
public sealed class AppointmentBookingService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> hall,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxName = 50;
    public const int MaxOrganisation = 100;
    public const int MaxNote = 500;

    /// <summary>How many days of slots the public page offers.</summary>
    public const int OfferDays = 21;

    /// <summary>Active matters whose window is active: the public list.</summary>
    public async Task<IReadOnlyList<BookableMatter>> MattersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Matters.AsNoTracking()
            .Where(m => m.IsActive && m.CurrentVersionId != null && m.Window != null && m.Window.IsActive)
            .OrderBy(m => m.Window!.Number).ThenBy(m => m.Code)
            .Select(m => new BookableMatter(m.Id, m.Code, m.Name, m.Window!.Number, m.Window.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The slots a request made now may have, over the next <see cref="OfferDays"/> days (AP1–AP4.1).</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> SlotsAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var settings = hall.Value.Appointments;
        var hours = settings.Hours();
        var length = settings.SlotLength();
        var now = time.GetUtcNow();
        var first = AppointmentRules.EarliestSlot(now, length, calendar, hours);
        if (first is null)
        {
            return [];
        }
        var slots = new List<DateTimeOffset>();
        var firstDate = calendar.LocalDate(first.Value);
        for (var date = firstDate; date < firstDate.AddDays(OfferDays); date = date.AddDays(1))
        {
            var (from, to) = AppointmentRules.ServicePeriod(date, calendar, hours);
            for (var at = calendar.ToInstant(date, from); at < calendar.ToInstant(date, to); at = at.AddMinutes(hours.GridMinutes))
            {
                if (AppointmentRules.Check(now, at, length, calendar, hours).Ok)
                {
                    slots.Add(at);
                }
            }
        }
        return slots;
    }

    /// <summary>A request from the public page (no account).</summary>
    public Task<BookingResult> RequestPublicAsync(AppointmentRequestInput input, CancellationToken cancellationToken = default) =>
        SaveAsync(input, AppointmentChannel.Public, "public", cancellationToken);

    /// <summary>A request taken by window staff on the phone or at the window (Serve policy).</summary>
    public async Task<BookingResult> RequestAtWindowAsync(AppointmentRequestInput input, AppointmentChannel channel, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Serve);
        if (channel is not (AppointmentChannel.Phone or AppointmentChannel.Visit))
        {
            return new BookingResult([L["Appointment.BadChannel"]]);
        }
        var user = await currentUser.GetAsync();
        return await SaveAsync(input, channel, user.Name, cancellationToken);
    }

    /// <summary>The requester's own request by its private link; null for an unknown link.</summary>
    public async Task<RequesterView?> ByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await (
            from x in db.Appointments.AsNoTracking()
            join w in db.Windows on x.WindowId equals w.Id
            where x.PublicToken == token
            select new { Appointment = x, w.Number, w.Name }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var a = row.Appointment;
        var accepted = a.Status is AppointmentStatus.Accepted or AppointmentStatus.Done;
        return new RequesterView(
            a.Number, a.Status, a.MatterName, row.Number, row.Name, a.SlotStart, a.SlotMinutes, a.ReplyDueAt,
            accepted ? a.ServingStaffName : null, accepted ? a.ServingStaffPhone : null,
            accepted ? (a.MaterialsList ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [],
            a.Status == AppointmentStatus.Declined ? a.DeclineReason : null);
    }

    /// <summary>A slot as the staff pages list it: "11-28 星期六 10:00", in hall time.</summary>
    public string SlotLabel(DateTimeOffset? slot)
    {
        if (slot is not { } value)
        {
            return "";
        }
        var local = TimeZoneInfo.ConvertTime(value, hall.Value.Zone());
        return L["AppointmentIntake.SlotOption", local.ToString("MM-dd", CultureInfo.InvariantCulture), L[$"Book.Weekday.{local.DayOfWeek}"],
            local.ToString("HH:mm", CultureInfo.InvariantCulture)];
    }

    /// <summary>The messages for a refused slot, with the earliest slot that would be taken.</summary>
    public string SlotMessage(SlotProblem problem, DateTimeOffset? earliest, TimeZoneInfo zone)
    {
        var reason = L[$"Appointment.Slot.{problem}"].Value;
        return earliest is { } first
            ? L["Appointment.Slot.Earliest", reason, TimeZoneInfo.ConvertTime(first, zone).ToString("yyyy-MM-dd HH:mm")]
            : reason;
    }

    private async Task<BookingResult> SaveAsync(AppointmentRequestInput input, AppointmentChannel channel, string by, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var name = (input.RequesterName ?? "").Trim();
        var organisation = (input.OrganisationName ?? "").Trim();
        var phone = (input.Phone ?? "").Trim();
        var note = (input.Note ?? "").Trim();
        if (!Enum.IsDefined(input.RequesterKind))
        {
            errors.Add(L["Appointment.BadRequesterKind"]);
        }
        if (name.Length == 0)
        {
            errors.Add(L["Appointment.NameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            errors.Add(L["Appointment.NameTooLong", MaxName]);
        }
        if (input.RequesterKind == RequesterKind.Organisation && organisation.Length == 0)
        {
            errors.Add(L["Appointment.OrganisationRequired"]);
        }
        else if (organisation.Length > MaxOrganisation)
        {
            errors.Add(L["Appointment.OrganisationTooLong", MaxOrganisation]);
        }
        if (!IntakeRules.IsValidPhone(phone))
        {
            errors.Add(L["Appointment.BadPhone"]);
        }
        if (note.Length > MaxNote)
        {
            errors.Add(L["Appointment.NoteTooLong", MaxNote]);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var matter = input.MatterId is { } matterId
            ? await db.Matters.AsNoTracking()
                .Where(m => m.Id == matterId && m.IsActive && m.CurrentVersionId != null && m.Window != null && m.Window.IsActive)
                .Select(m => new { m.Id, m.Name, WindowId = m.WindowId!.Value })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (matter is null)
        {
            errors.Add(L["Appointment.UnknownMatter"]);
        }

        var calendar = await calendars.GetAsync();
        var settings = hall.Value.Appointments;
        var now = time.GetUtcNow();
        DateTimeOffset? earliest = null;
        if (input.SlotStart is not { } slot)
        {
            errors.Add(L["Appointment.SlotRequired"]);
        }
        else
        {
            var check = AppointmentRules.Check(now, slot, settings.SlotLength(), calendar, settings.Hours());
            if (!check.Ok)
            {
                earliest = check.Earliest;
                errors.Add(SlotMessage(check.Problem, check.Earliest, calendar.Zone));
            }
        }
        if (errors.Count > 0)
        {
            return new BookingResult(errors, Earliest: earliest);
        }

        var date = calendar.LocalDate(now);
        var number = await DocumentNumbers.NextAppointmentNumberAsync(contexts, date, cancellationToken);
        var appointment = new Appointment
        {
            Number = number,
            PublicToken = CheckpointTokens.New(),
            Channel = channel,
            RequesterKind = input.RequesterKind,
            RequesterName = name,
            OrganisationName = organisation.Length == 0 ? null : organisation,
            Phone = phone,
            MatterId = matter!.Id,
            MatterName = matter.Name,
            WindowId = matter.WindowId,
            SlotStart = input.SlotStart!.Value,
            SlotMinutes = (int)settings.SlotLength().TotalMinutes,
            RequesterNote = note.Length == 0 ? null : note,
            RequestedAt = now,
            RequestedBy = by,
            Status = AppointmentStatus.Requested,
            ReplyDueAt = AppointmentRules.ReplyDueAt(now, calendar),
        };
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(cancellationToken);
        return new BookingResult([], appointment.Number, appointment.PublicToken);
    }
}
