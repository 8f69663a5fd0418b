using HallOps.Domain.Events;
using HallOps.Domain.Staffing;

namespace HallOps.Domain.Hall;

/// <summary>窗口: a numbered service counter (12号窗口) staffed by a home unit.</summary>
public class ServiceWindow : IPublishesChanges
{
    public int Id { get; set; }

    /// <summary>The number over the counter, unique in the hall.</summary>
    public int Number { get; set; }

    /// <summary>What the window serves, as the sign says (不动产登记, 社保医保 …).</summary>
    public required string Name { get; set; }

    public int FloorId { get; set; }
    public Floor? Floor { get; set; }

    public int HomeUnitId { get; set; }
    public HomeUnit? HomeUnit { get; set; }

    /// <summary>Taken out of service (renovation, merged): not shown as open.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>首席代表: the home unit's lead person at the hall, who answers for the window's appointments (AP4.2).</summary>
    public int? ChiefRepresentativeStaffId { get; set; }

    /// <summary>The window's published appointment contact (AP5).</summary>
    public string? AppointmentPhone { get; set; }

    public List<Post> Posts { get; set; } = [];

    string IPublishesChanges.EventSubject => HallSubjects.Window(Id);
}
