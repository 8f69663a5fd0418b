using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>节假日: a statutory day off, even on a weekday.</summary>
    Holiday = 1,

    /// <summary>调休上班: a Saturday or Sunday that is a working day.</summary>
    AdjustedWorkday = 2,
}

/// <summary>A date that departs from the Mon–Fri rule. Seeded from the State Council's calendar; the manager edits it.</summary>
public class CalendarDay : IPublishesChanges
{
    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    /// <summary>The holiday it belongs to (春节, 国庆节 …).</summary>
    public required string Name { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Calendar;
}
