using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Staffing;

/// <summary>岗位: a job at a window, held by one A and backed by one or more B holders (AB1, AB2).</summary>
public class Post : IPublishesChanges
{
    public int Id { get; set; }

    public int WindowId { get; set; }
    public ServiceWindow? Window { get; set; }

    public required string Name { get; set; }

    /// <summary>The post's duties, as the window's AB register names them (AB2).</summary>
    public string? Duties { get; set; }

    public List<PostHolder> Holders { get; set; } = [];

    string IPublishesChanges.EventSubject => HallSubjects.Window(WindowId);
}
