using HallOps.Domain.Events;

namespace HallOps.Domain.Hall;

/// <summary>A floor of the hall (一楼, 二楼 …). Windows are grouped by floor on the wall screen.</summary>
public class Floor : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>1 for the ground floor; orders the wall screen.</summary>
    public int Level { get; set; }

    public required string Name { get; set; }

    public List<ServiceWindow> Windows { get; set; } = [];

    string IPublishesChanges.EventSubject => HallSubjects.Floor(Id);
}
