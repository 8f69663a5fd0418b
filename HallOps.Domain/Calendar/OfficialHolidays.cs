using System.Reflection;
using System.Text.Json;

namespace HallOps.Domain.Calendar;

/// <summary>
/// The State Council's holiday calendars (国务院办公厅关于部分节假日安排的通知), embedded as
/// holiday-cn files (<c>Calendar/Data/&lt;year&gt;.json</c>, resource <c>HallOps.Calendar.&lt;year&gt;.json</c>).
/// They seed the hall's calendar; the manager edits it from there.
/// </summary>
public static class OfficialHolidays
{
    private const string ResourcePrefix = "HallOps.Calendar.";
    private const string ResourceSuffix = ".json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Every exception day of every embedded year, ordered by date. <c>isOffDay: true</c> is a
    /// <see cref="CalendarDayKind.Holiday"/>, <c>false</c> an <see cref="CalendarDayKind.AdjustedWorkday"/>
    /// (调休上班). Names are kept as published ("国庆节、中秋节"). A date listed twice takes the entry of
    /// the file that sorts last. Each call returns new instances, free for the caller to change.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Load()
    {
        var assembly = typeof(CalendarDay).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var byDate = new Dictionary<DateOnly, CalendarDay>();
        foreach (var resource in resources)
        {
            foreach (var day in Read(assembly, resource))
            {
                byDate[day.Date] = day;
            }
        }

        return [.. byDate.Values.OrderBy(d => d.Date)];
    }

    private static IEnumerable<CalendarDay> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"Embedded calendar '{resource}' cannot be opened.");

        HolidayFile? file;
        try
        {
            file = JsonSerializer.Deserialize<HolidayFile>(stream, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Embedded calendar '{resource}' is not valid holiday-cn JSON: {ex.Message}", ex);
        }

        if (file?.Days is null)
        {
            throw new InvalidDataException($"Embedded calendar '{resource}' has no \"days\" array.");
        }

        var days = new List<CalendarDay>(file.Days.Count);
        foreach (var entry in file.Days)
        {
            if (entry.Date is not { } date || entry.IsOffDay is not { } isOffDay || string.IsNullOrWhiteSpace(entry.Name))
            {
                throw new InvalidDataException(
                    $"Embedded calendar '{resource}' has an entry without a name, date or isOffDay: {entry}.");
            }

            days.Add(new CalendarDay
            {
                Date = date,
                Kind = isOffDay ? CalendarDayKind.Holiday : CalendarDayKind.AdjustedWorkday,
                Name = entry.Name,
            });
        }

        return days;
    }

    private sealed record HolidayFile(int Year, List<HolidayEntry>? Days);

    private sealed record HolidayEntry(string? Name, DateOnly? Date, bool? IsOffDay);
}
