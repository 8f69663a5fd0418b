using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Windows;

public sealed record WindowRow(int Id, int Number, string Name, int FloorId, string Floor, int HomeUnitId, string HomeUnit, bool IsActive, int Posts,
    int? ChiefRepresentativeStaffId = null, string? ChiefRepresentative = null, string? AppointmentPhone = null);

public sealed record Choice(int Id, string Name);

/// <summary>What the manager edits of a window. Validated by <see cref="WindowAdminService.SaveAsync"/>.</summary>
public sealed class WindowEdit
{
    public int Id { get; set; }
    public int Number { get; set; }
    public string Name { get; set; } = "";
    public int FloorId { get; set; }
    public int HomeUnitId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>首席代表 (AP4.2): answers the window's appointment requests and arranges comp time (AP4.5).</summary>
    public int? ChiefRepresentativeStaffId { get; set; }

    /// <summary>The window's appointment phone, published on the public page (AP5).</summary>
    public string? AppointmentPhone { get; set; }
}

/// <summary>The outcome of a save: ok, or the messages to show (nothing was changed).</summary>
public sealed record SaveResult(IReadOnlyList<string> Errors)
{
    public static readonly SaveResult Ok = new([]);

    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The manager's window register (Manage policy, re-checked on every save).</summary>
public sealed class WindowAdminService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNumber = 999;
    public const int MaxName = 50;

    public async Task<IReadOnlyList<WindowRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Windows.AsNoTracking()
            .OrderBy(w => w.Number)
            .Select(w => new WindowRow(w.Id, w.Number, w.Name, w.FloorId, w.Floor!.Name, w.HomeUnitId, w.HomeUnit!.Name, w.IsActive, w.Posts.Count,
                w.ChiefRepresentativeStaffId,
                db.StaffMembers.Where(s => s.Id == w.ChiefRepresentativeStaffId).Select(s => s.Name).FirstOrDefault(),
                w.AppointmentPhone))
            .ToListAsync(cancellationToken);
    }

    public async Task<(IReadOnlyList<Choice> Floors, IReadOnlyList<Choice> HomeUnits)> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var floors = await db.Floors.AsNoTracking().OrderBy(f => f.Level).Select(f => new Choice(f.Id, f.Name)).ToListAsync(cancellationToken);
        var units = await db.HomeUnits.AsNoTracking().OrderBy(u => u.Name).Select(u => new Choice(u.Id, u.Name)).ToListAsync(cancellationToken);
        return (floors, units);
    }

    /// <summary>The hall's own staff, who may be a window's chief representative.</summary>
    public async Task<IReadOnlyList<Choice>> StaffChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.AsNoTracking().Where(s => !s.IsExternal).OrderBy(s => s.EmployeeNo)
            .Select(s => new Choice(s.Id, s.Name + " " + s.EmployeeNo)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds (Id 0) or updates a window. Bad input returns messages and changes nothing.</summary>
    public async Task<SaveResult> SaveAsync(WindowEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var errors = new List<string>();
        var name = (edit.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors.Add(L["Windows.NameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            errors.Add(L["Windows.NameTooLong", MaxName]);
        }
        if (edit.Number is < 1 or > MaxNumber)
        {
            errors.Add(L["Windows.NumberRange", MaxNumber]);
        }
        else if (await db.Windows.AnyAsync(w => w.Number == edit.Number && w.Id != edit.Id, cancellationToken))
        {
            errors.Add(L["Windows.NumberTaken", edit.Number]);
        }
        if (!await db.Floors.AnyAsync(f => f.Id == edit.FloorId, cancellationToken))
        {
            errors.Add(L["Windows.FloorRequired"]);
        }
        if (!await db.HomeUnits.AnyAsync(u => u.Id == edit.HomeUnitId, cancellationToken))
        {
            errors.Add(L["Windows.HomeUnitRequired"]);
        }

        var phone = (edit.AppointmentPhone ?? "").Trim();
        if (phone.Length > 0 && !IntakeRules.IsValidPhone(phone))
        {
            errors.Add(L["Windows.BadAppointmentPhone"]);
        }
        if (edit.ChiefRepresentativeStaffId is { } chief && !await db.StaffMembers.AnyAsync(s => s.Id == chief && !s.IsExternal, cancellationToken))
        {
            errors.Add(L["Windows.UnknownChief"]);
        }

        ServiceWindow? window = null;
        if (edit.Id != 0)
        {
            window = await db.Windows.SingleOrDefaultAsync(w => w.Id == edit.Id, cancellationToken);
            if (window is null)
            {
                errors.Add(L["Windows.Gone"]);
            }
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        window ??= db.Windows.Add(new ServiceWindow { Name = name }).Entity;
        window.Number = edit.Number;
        window.Name = name;
        window.FloorId = edit.FloorId;
        window.HomeUnitId = edit.HomeUnitId;
        window.IsActive = edit.IsActive;
        window.ChiefRepresentativeStaffId = edit.ChiefRepresentativeStaffId;
        window.AppointmentPhone = phone.Length == 0 ? null : phone;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another manager took the number between the check and the save.
            return new SaveResult([L["Windows.NumberTaken", edit.Number]]);
        }
        return SaveResult.Ok;
    }
}
