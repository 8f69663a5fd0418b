namespace HallOps.Web.PublicInfo;

/// <summary>What a member of the public sees of a window right now (SC2.2, SC2.5).</summary>
public enum PublicWindowState
{
    /// <summary>Outside opening hours, or the window is not in service.</summary>
    Closed = 0,

    /// <summary>Open, someone on post.</summary>
    Open = 1,

    /// <summary>Open hours, but nobody on post at the moment: please go to another window or the guidance desk.</summary>
    Paused = 2,
}

/// <summary>
/// One window on the public board (SC2.5): the window, whether it serves now, and who is on post —
/// name and staff number only. Built from the wall's snapshot field by field, so nothing else of
/// the wall (phones, handovers, alerts, leave, B holders) can reach a public page or feed.
/// </summary>
public sealed record PublicWindowBoard(int Number, string Name, PublicWindowState State, string? StaffName, string? StaffNumber);

/// <summary>The public board of every window in service, as of <see cref="At"/>.</summary>
public sealed record PublicBoard(DateTimeOffset At, bool HallOpen, IReadOnlyList<PublicWindowBoard> Windows)
{
    public PublicWindowBoard? Window(int number) => Windows.FirstOrDefault(w => w.Number == number);
}

/// <summary>A window as published (AP5): where it is, what it handles, its appointment phone if it has one.</summary>
public sealed record PublicWindow(int Number, string Name, string Floor, string? AppointmentPhone);

/// <summary>An opening session of a day, local times.</summary>
public sealed record PublicSession(TimeOnly Start, TimeOnly End);

/// <summary>
/// The hall's public information (AP5, SC2.5): today's opening hours (or that today is a rest day,
/// its holiday name and the next working day with its hours), the complaint phone, each window
/// with its appointment phone, and the live board.
/// </summary>
public sealed record PublicHallInfo(
    string HallName,
    DateOnly Today,
    bool WorkingToday,
    string? HolidayName,
    IReadOnlyList<PublicSession> TodayHours,
    DateOnly NextWorkingDay,
    IReadOnlyList<PublicSession> NextWorkingDayHours,
    string ComplaintPhone,
    IReadOnlyList<PublicWindow> Windows,
    PublicBoard Board);
