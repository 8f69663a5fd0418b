using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Persistence;
using HallOps.Web.Wall;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HallOps.Web.PublicInfo;

/// <summary>
/// The hall's public information page and board (AP5, SC2.5), for anyone without an account. The
/// board is a projection of the wall's shared snapshot (<see cref="WallReadModel"/>): however many
/// people look, the database is read once per burst of changes, and only the public fields leave.
/// </summary>
public sealed class PublicHallService(
    WallReadModel wall,
    IDbContextFactory<HallDbContext> contexts,
    CalendarSource calendars,
    TimeProvider time,
    IOptions<HallOptions> options)
{
    public async Task<PublicHallInfo> LoadAsync(CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var calendar = await calendars.GetAsync();
        var today = calendar.LocalDate(time.GetUtcNow());
        var working = calendar.IsWorkingDay(today);
        var next = calendar.NextWorkingDay(today);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var windows = await db.Windows.AsNoTracking()
            .Where(w => w.IsActive)
            .OrderBy(w => w.Number)
            .Select(w => new PublicWindow(w.Number, w.Name, w.Floor!.Name, w.AppointmentPhone))
            .ToListAsync(cancellationToken);
        var board = await BoardAsync(cancellationToken);

        return new PublicHallInfo(
            settings.Name,
            today,
            working,
            calendar.Describe(today) is { Kind: CalendarDayKind.Holiday } holiday ? holiday.Name : null,
            working ? Sessions(calendar, today) : [],
            next,
            Sessions(calendar, next),
            string.IsNullOrWhiteSpace(settings.Complaints.Phone) ? "12345" : settings.Complaints.Phone.Trim(),
            windows.Select(w => w with { AppointmentPhone = string.IsNullOrWhiteSpace(w.AppointmentPhone) ? null : w.AppointmentPhone.Trim() }).ToList(),
            board);
    }

    /// <summary>The live board: every window in service, open / paused / closed, and who is on post (SC2.5).</summary>
    public async Task<PublicBoard> BoardAsync(CancellationToken cancellationToken = default)
    {
        var frame = await wall.GetAsync(cancellationToken);
        var snapshot = frame.Snapshot;
        var now = time.GetUtcNow();
        // The calendar decides closed at this very instant, even before the next snapshot is read.
        var open = snapshot.Open && (await calendars.GetAsync()).IsOpenAt(now);
        var windows = snapshot.Cards.Values
            .Where(c => c.IsActive)
            .OrderBy(c => c.Number)
            .Select(c => Project(c, open))
            .ToList();
        return new PublicBoard(now, open, windows);
    }

    /// <summary>The public fields of a wall card, and nothing else.</summary>
    public static PublicWindowBoard Project(WallWindowCard card, bool hallOpen) =>
        (hallOpen && card.IsActive ? card.State : CoverageState.Closed) switch
        {
            CoverageState.ByA => new(card.Number, card.Name, PublicWindowState.Open, card.AHolder, card.AEmployeeNo),
            CoverageState.ByB => new(card.Number, card.Name, PublicWindowState.Open, card.CoveringName, card.CoveringEmployeeNo),
            CoverageState.Gap => new(card.Number, card.Name, PublicWindowState.Paused, null, null),
            _ => new(card.Number, card.Name, PublicWindowState.Closed, null, null),
        };

    private static List<PublicSession> Sessions(WorkingCalendar calendar, DateOnly date)
    {
        var season = calendar.Hours.SeasonOn(date);
        return [new(season.Morning.Start, season.Morning.End), new(season.Afternoon.Start, season.Afternoon.End)];
    }
}
