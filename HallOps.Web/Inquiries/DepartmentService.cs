using HallOps.Domain.Inquiries;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Inquiries;

/// <summary>A directory entry as pages show it.</summary>
public sealed record DepartmentRow(int Id, string Name, string Address, string? Phone, string? Note, bool Active, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>A directory entry as the form enters it (no id: a new one).</summary>
public sealed class DepartmentEdit
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Note { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>
/// The directory of outside departments (FQ3.4): anyone who logs inquiries lists and searches the active
/// ones and may add a new one while referring a person; the bureau office, the manager and administrators
/// (Complaints policy) edit and deactivate. Names are unique; bad input returns messages and changes nothing.
/// </summary>
public sealed class DepartmentService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxNote = 200;

    /// <summary>Active entries whose name, address or note contains the text (all active ones without text).</summary>
    public async Task<IReadOnlyList<DepartmentRow>> SearchAsync(string? text = null, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Inquire);
        var term = InquiryRules.Text(text);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Departments.AsNoTracking().Where(d => d.Active);
        if (term is not null)
        {
            // Department names are case-insensitive identifiers (CaseInsensitiveText): so is the search.
            var upper = term.ToUpperInvariant();
            query = query.Where(d => d.Name.ToUpper().Contains(upper) || d.Address.Contains(term) || (d.Note != null && d.Note.Contains(term)));
        }
        return await Rows(query.OrderBy(d => d.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Every entry, deactivated ones too (Complaints policy).</summary>
    public async Task<IReadOnlyList<DepartmentRow>> AllAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Rows(db.Departments.AsNoTracking().OrderByDescending(d => d.Active).ThenBy(d => d.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>Adds an entry (any Inquire user) or edits one (Complaints policy only).</summary>
    public async Task<SaveResult> SaveAsync(DepartmentEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(edit.Id is null ? HallPolicies.Inquire : HallPolicies.Complaints);
        var user = await currentUser.GetAsync();
        var name = InquiryRules.Text(edit.Name);
        var address = InquiryRules.Text(edit.Address);
        var phone = InquiryRules.Text(edit.Phone);
        var note = InquiryRules.Text(edit.Note);
        var errors = new List<string>();
        if (name is null)
        {
            errors.Add(L["Inquiry.Error.DepartmentNameRequired"]);
        }
        else if (name.Length > InquiryRules.MaxDepartmentName)
        {
            errors.Add(L["Inquiry.Error.DepartmentNameTooLong", InquiryRules.MaxDepartmentName]);
        }
        if (address is null)
        {
            errors.Add(L["Inquiry.Error.DepartmentAddressRequired"]);
        }
        else if (address.Length > InquiryRules.MaxDepartmentAddress)
        {
            errors.Add(L["Inquiry.Error.DepartmentAddressTooLong", InquiryRules.MaxDepartmentAddress]);
        }
        if (phone is { Length: > InquiryRules.MaxDepartmentPhone })
        {
            errors.Add(L["Inquiry.Error.DepartmentPhoneTooLong", InquiryRules.MaxDepartmentPhone]);
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add(L["Department.NoteTooLong", MaxNote]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Departments.AnyAsync(d => d.Name == name && d.Id != (edit.Id ?? 0), cancellationToken))
        {
            return new SaveResult([L["Department.NameTaken", name!]]);
        }
        Department department;
        if (edit.Id is { } id)
        {
            var found = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
            if (found is null)
            {
                return new SaveResult([L["Inquiry.Error.DepartmentUnknown"]]);
            }
            department = found;
            department.Active = edit.Active;
        }
        else
        {
            department = new Department { Name = name!, Address = address!, CreatedAt = time.GetUtcNow(), CreatedBy = user.Name };
            db.Departments.Add(department);
        }
        department.Name = name!;
        department.Address = address!;
        department.Phone = phone;
        department.Note = note;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            edit.Id = department.Id;
            return SaveResult.Ok;
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Department.NameTaken", name!]]);
        }
    }

    /// <summary>Deactivates (or reactivates) an entry (Complaints policy); inquiries keep the name and address they gave.</summary>
    public async Task<SaveResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Complaints);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return new SaveResult([L["Inquiry.Error.DepartmentUnknown"]]);
        }
        department.Active = active;
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }

    private static IQueryable<DepartmentRow> Rows(IQueryable<Department> departments) =>
        departments.Select(d => new DepartmentRow(d.Id, d.Name, d.Address, d.Phone, d.Note, d.Active, d.CreatedBy, d.CreatedAt));
}
