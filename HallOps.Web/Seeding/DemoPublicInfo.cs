using HallOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.Seeding;

/// <summary>
/// The demo windows' published appointment phones (AP5), into a hall where no window has one yet.
/// The last window has none, as a hall's newest window may not: the public page then shows none.
/// </summary>
public static class DemoPublicInfo
{
    public static async Task SeedAsync(HallDbContext db, CancellationToken cancellationToken)
    {
        var windows = await db.Windows.OrderBy(w => w.Number).ToListAsync(cancellationToken);
        if (windows.Count == 0 || windows.Any(w => w.AppointmentPhone != null))
        {
            return;
        }
        foreach (var window in windows.Take(windows.Count - 1))
        {
            window.AppointmentPhone = $"0563-556{60 + window.Number:00}{window.Number:00}";
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
