using HallOps.Domain.Events;

namespace HallOps.Domain.Hall;

/// <summary>窗口主管单位 / 进驻单位: the department that staffs a window.</summary>
public class HomeUnit : IPublishesChanges
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public string? Phone { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.HomeUnit(Id);
}
