namespace HallOps.Domain.Rounds;

/// <summary>Where a piece of fire equipment stands against its inspection date (SE2.4).</summary>
public enum FireEquipmentStatus
{
    /// <summary>Taken out of service: not inspected, never due.</summary>
    Inactive = 0,

    /// <summary>Next inspection more than <see cref="FireEquipmentRules.DueSoonDays"/> days away.</summary>
    Ok = 1,

    /// <summary>Due within <see cref="FireEquipmentRules.DueSoonDays"/> days.</summary>
    DueSoon = 2,

    /// <summary>Due today: the morning's alert is raised.</summary>
    DueToday = 3,

    /// <summary>The inspection date has passed without an inspection.</summary>
    Overdue = 4,
}

/// <summary>
/// The fire equipment register's rules (SE2.4 "fire equipment kept and maintained"), as pure
/// functions of hall-local dates: an item is due on its next inspection date and stays due until it
/// is inspected; an inspection sets the next date one interval after the day it was done.
/// </summary>
public static class FireEquipmentRules
{
    /// <summary>Days ahead an item is shown as due soon.</summary>
    public const int DueSoonDays = 7;

    /// <summary>The longest interval between inspections: a year (and a day, for a leap year).</summary>
    public const int MaxIntervalDays = 366;

    /// <summary>Whether an item must be inspected today: active, and its date is today or has passed.</summary>
    public static bool IsDue(DateOnly nextInspectionOn, bool isActive, DateOnly today) => isActive && nextInspectionOn <= today;

    /// <summary>The item's status on a date.</summary>
    public static FireEquipmentStatus StatusOn(DateOnly nextInspectionOn, bool isActive, DateOnly today) =>
        !isActive ? FireEquipmentStatus.Inactive
        : nextInspectionOn < today ? FireEquipmentStatus.Overdue
        : nextInspectionOn == today ? FireEquipmentStatus.DueToday
        : nextInspectionOn.DayNumber - today.DayNumber <= DueSoonDays ? FireEquipmentStatus.DueSoon
        : FireEquipmentStatus.Ok;

    /// <summary>The next inspection date after an inspection on <paramref name="inspectedOn"/>: one interval later, whatever the date was due.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The interval is outside 1–<see cref="MaxIntervalDays"/> days.</exception>
    public static DateOnly NextInspection(DateOnly inspectedOn, int intervalDays)
    {
        if (!IsValidInterval(intervalDays))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalDays), intervalDays, $"An inspection interval is 1–{MaxIntervalDays} days.");
        }
        return inspectedOn.AddDays(intervalDays);
    }

    public static bool IsValidInterval(int intervalDays) => intervalDays is >= 1 and <= MaxIntervalDays;
}
