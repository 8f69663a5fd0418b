using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Staffing;

/// <summary>A person who works in the hall: window staff, guards, office, administrators.</summary>
public class StaffMember : IPublishesChanges
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>工号, shown on the public window card (SC2.5).</summary>
    public required string EmployeeNo { get; set; }

    public string? Phone { get; set; }

    public int? HomeUnitId { get; set; }
    public HomeUnit? HomeUnit { get; set; }

    /// <summary>
    /// A backup sent by the home unit for a one-person window (AB1): not hall staff, reached by
    /// phone, recorded with unit and phone.
    /// </summary>
    public bool IsExternal { get; set; }

    /// <summary>The sign-in account, when the person has one.</summary>
    public string? UserId { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Staff(Id);
}
