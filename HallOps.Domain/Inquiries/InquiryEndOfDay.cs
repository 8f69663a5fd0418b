using HallOps.Domain.Alerts;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Inquiries;

/// <summary>
/// FQ3.8 (every contact recorded, handled or transferred): at and after the close of the working day an
/// inquiry was received on, one still without a disposition has one open <see cref="AlertKinds.InquiryOpen"/>
/// alert ("inquiry:{id}", warning, with the inquiry's window) for its responder; once it has a disposition
/// the alert is resolved. An inquiry received on a rest day or after closing is due by the close of the
/// next working day. Run twice, it raises nothing twice (the stored open alerts, and their unique index).
/// </summary>
public sealed class InquiryEndOfDay(IDbContextFactory<HallDbContext> contexts, CalendarSource calendars, TimeProvider time)
{
    /// <summary>The close of business by which an inquiry received at <paramref name="receivedAt"/> must have its disposition.</summary>
    public static DateTimeOffset DisposeBy(DateTimeOffset receivedAt, WorkingCalendar calendar)
    {
        var date = calendar.LocalDate(receivedAt);
        var day = calendar.IsWorkingDay(date) && receivedAt < calendar.ClosingOf(date) ? date : calendar.NextWorkingDay(date);
        return calendar.ClosingOf(day);
    }

    /// <summary>Whether an inquiry is left without a disposition past its day's close (FQ3.8).</summary>
    public static bool IsLeftOpen(DateTimeOffset receivedAt, InquiryDisposition? disposition, DateTimeOffset now, WorkingCalendar calendar) =>
        disposition is null && now >= DisposeBy(receivedAt, calendar);

    /// <summary>Raises and resolves; returns how many alerts were raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetAsync();
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The open alerts first, then the cause: a disposition landing in between resolves nothing twice.
        var open = await db.Alerts.Where(a => a.IsOpen && a.Kind == AlertKinds.InquiryOpen).ToListAsync(cancellationToken);
        var undisposed = await db.Inquiries.AsNoTracking()
            .Where(i => i.Disposition == null)
            .Select(i => new { i.Id, i.ReceivedAt, i.WindowId })
            .ToListAsync(cancellationToken);
        var leftOpen = undisposed
            .Where(i => IsLeftOpen(i.ReceivedAt, null, now, calendar))
            .ToDictionary(i => HallSubjects.Inquiry(i.Id), i => i.WindowId, StringComparer.Ordinal);
        var openSubjects = open.Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        var stillUndisposed = undisposed.Select(i => HallSubjects.Inquiry(i.Id)).ToHashSet(StringComparer.Ordinal);

        foreach (var alert in open.Where(a => !stillUndisposed.Contains(a.Subject)))
        {
            AlertRules.Resolve(alert, now);
        }
        var raised = 0;
        foreach (var (subject, windowId) in leftOpen.Where(o => !openSubjects.Contains(o.Key)))
        {
            db.Alerts.Add(new Alert
            {
                Kind = AlertKinds.InquiryOpen, Severity = AlertSeverity.Warning, Subject = subject, WindowId = windowId, RaisedAt = now,
            });
            raised++;
        }
        return await AlertSaves.SaveOrOneByOneAsync(contexts, db, cancellationToken) ? raised : 0;
    }
}
