using HallOps.Domain.Network;
using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo hall's equipment register (IT4, IT5): a PC at every active window held by its A, printers
/// at the first windows, and the machine room's server and switch, into a register that is still empty.
/// Window 1's PC holds important files, confirmed last quarter, so this quarter's confirmation is due.
/// </summary>
public static class DemoNetwork
{
    public const string MachineRoom = "二楼机房";

    public static async Task SeedAsync(HallDbContext db, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        if (await db.Equipment.AnyAsync(cancellationToken) || !await db.Windows.AnyAsync(cancellationToken))
        {
            return;
        }
        var windows = await db.Windows.Where(w => w.IsActive).OrderBy(w => w.Number)
            .Select(w => new
            {
                w.Id,
                w.Number,
                Holder = w.Posts.SelectMany(p => p.Holders).Where(h => h.Role == PostRole.A).Select(h => (int?)h.StaffMemberId).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1);
        foreach (var window in windows)
        {
            db.Equipment.Add(Asset($"PC-W{window.Number:00}", EquipmentKind.Pc, "联想 启天 M450", window.Id, null, window.Holder, now,
                important: window.Number == 1, confirmedOn: window.Number == 1 ? quarterStart.AddDays(-20) : null,
                maintenance: today.AddDays(window.Number * 7 % 180)));
            if (window.Number <= 3)
            {
                db.Equipment.Add(Asset($"PR-W{window.Number:00}", EquipmentKind.Printer, "惠普 LaserJet M405", window.Id, null, window.Holder, now,
                    important: false, confirmedOn: null, maintenance: today.AddDays(30 + window.Number)));
            }
        }
        db.Equipment.Add(Asset("SRV-01", EquipmentKind.Server, "华为 FusionServer 2288H", null, MachineRoom, null, now,
            important: true, confirmedOn: quarterStart.AddDays(3), maintenance: today.AddDays(2)));
        db.Equipment.Add(Asset("SW-01", EquipmentKind.Switch, "华为 S5735", null, MachineRoom, null, now,
            important: false, confirmedOn: null, maintenance: today.AddDays(-1)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Equipment Asset(string number, EquipmentKind kind, string model, int? windowId, string? room, int? holder, DateTimeOffset now,
        bool important, DateOnly? confirmedOn, DateOnly maintenance) => new()
    {
        AssetNumber = number,
        Kind = kind,
        Model = model,
        WindowId = windowId,
        Room = room,
        HolderStaffId = holder,
        HoldsImportantFiles = important,
        BootPasswordConfirmedOn = confirmedOn,
        BootPasswordConfirmedBy = confirmedOn is null ? null : "demo",
        Status = EquipmentStatus.InUse,
        MaintenanceIntervalDays = 180,
        NextMaintenanceOn = maintenance,
        RegisteredAt = now,
        History = [new EquipmentEvent { Kind = EquipmentEventKind.Registered, At = now, By = "demo" }],
    };
}
