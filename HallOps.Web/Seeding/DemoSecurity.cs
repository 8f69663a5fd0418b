using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo hall's checkpoints (a label per floor, the public areas, the machine room) and its
/// fire equipment register (SE2.2–SE2.4, HY3), into a hall that has none yet. Names are data, as
/// the hall writes them.
/// </summary>
public static class DemoSecurity
{
    private static readonly (int Level, CheckpointKind Kind, string Name)[] Places =
    [
        (1, CheckpointKind.Floor, "一楼"),
        (2, CheckpointKind.Floor, "二楼"),
        (1, CheckpointKind.PublicArea, "一楼大厅"),
        (1, CheckpointKind.PublicArea, "一楼等候区"),
        (1, CheckpointKind.PublicArea, "一楼卫生间"),
        (2, CheckpointKind.PublicArea, "二楼走廊"),
        (2, CheckpointKind.PublicArea, "二楼卫生间"),
        (2, CheckpointKind.MachineRoom, "二楼机房"),
    ];

    private static readonly (string Code, FireEquipmentKind Kind, int Level, string Location, int DueInDays)[] Equipment =
    [
        ("MHQ-101", FireEquipmentKind.Extinguisher, 1, "一楼大厅东侧立柱", 0),
        ("MHQ-102", FireEquipmentKind.Extinguisher, 1, "一楼大厅西侧立柱", 12),
        ("MHQ-103", FireEquipmentKind.Extinguisher, 1, "一楼等候区", 20),
        ("MHQ-104", FireEquipmentKind.Extinguisher, 1, "一楼楼梯口", -2),
        ("XHS-101", FireEquipmentKind.Hydrant, 1, "一楼东消防栓箱", 25),
        ("MHQ-201", FireEquipmentKind.Extinguisher, 2, "二楼走廊北端", 8),
        ("MHQ-202", FireEquipmentKind.Extinguisher, 2, "二楼走廊南端", 15),
        ("MHQ-203", FireEquipmentKind.Extinguisher, 2, "二楼机房门口", 3),
        ("XHS-201", FireEquipmentKind.Hydrant, 2, "二楼西消防栓箱", 27),
        ("YJD-201", FireEquipmentKind.EmergencyLight, 2, "二楼安全出口", 6),
    ];

    public static async Task SeedAsync(HallDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var floors = await db.Floors.ToDictionaryAsync(f => f.Level, f => f.Id, cancellationToken);
        if (floors.Count == 0 || await db.Checkpoints.AnyAsync(cancellationToken))
        {
            return;
        }
        db.Checkpoints.AddRange(Places.Where(p => floors.ContainsKey(p.Level)).Select(p => new Checkpoint
        {
            Kind = p.Kind, Name = p.Name, FloorId = floors[p.Level], Token = CheckpointTokens.New(),
        }));
        if (!await db.FireEquipment.AnyAsync(cancellationToken))
        {
            db.FireEquipment.AddRange(Equipment.Where(e => floors.ContainsKey(e.Level)).Select(e => new FireEquipment
            {
                Code = e.Code, Kind = e.Kind, Location = e.Location, FloorId = floors[e.Level],
                NextInspectionOn = today.AddDays(e.DueInDays), IntervalDays = 30,
            }));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
