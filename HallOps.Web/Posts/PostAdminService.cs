using HallOps.Domain.Persistence;
using HallOps.Domain.Staffing;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Posts;

public sealed record PostHolderRow(int StaffId, string Name, string EmployeeNo, PostRole Role, bool IsExternal, string? Unit, string? Phone, int TrainingCount);

public sealed record PostRow(int Id, int WindowId, int WindowNumber, string WindowName, string Name, string? Duties, IReadOnlyList<PostHolderRow> Holders)
{
    public PostHolderRow? A => Holders.FirstOrDefault(h => h.Role == PostRole.A);

    /// <summary>AB1: a post without a B is saved, but flagged.</summary>
    public bool MissingBackup => Holders.All(h => h.Role != PostRole.B);
}

public sealed record StaffChoice(int Id, string Name, string EmployeeNo, string? Unit, bool IsExternal);

public sealed record TrainingRow(int Id, int StaffId, string StaffName, TrainingKind Kind, DateOnly Date, decimal Hours, string Topic, string RecordedBy);

/// <summary>A post as the manager edits it: its A, its Bs (AB1, AB2).</summary>
public sealed class PostEdit
{
    public int Id { get; set; }
    public int WindowId { get; set; }
    public string Name { get; set; } = "";
    public string? Duties { get; set; }
    public int? AStaffId { get; set; }
    public IEnumerable<int> BStaffIds { get; set; } = [];
}

/// <summary>A B sent by the home unit of a one-person window (AB1).</summary>
public sealed class ExternalBackupEdit
{
    public int PostId { get; set; }
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
}

public sealed class TrainingEdit
{
    public int PostId { get; set; }
    public int StaffId { get; set; }
    public TrainingKind Kind { get; set; } = TrainingKind.Pairing;
    public DateTime? Date { get; set; }
    public decimal Hours { get; set; } = 1;
    public string Topic { get; set; } = "";
}

/// <summary>
/// The AB post register (Manage policy, re-checked on every save): each post has exactly one A and
/// one or more B holders; a person is A of one post only; A is never their own B; a post without
/// a B is kept but flagged (AB1); B holders' training is logged (AB2).
/// </summary>
public sealed class PostAdminService(
    IDbContextFactory<HallDbContext> contexts,
    HallAuthorizer authorizer,
    CurrentUser currentUser,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxName = 100;
    public const int MaxDuties = 1000;

    public async Task<IReadOnlyList<PostRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var trainings = await db.TrainingRecords.AsNoTracking()
            .GroupBy(t => new { t.PostId, t.StaffMemberId })
            .Select(g => new { g.Key.PostId, g.Key.StaffMemberId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = await db.Posts.AsNoTracking()
            .OrderBy(p => p.Window!.Number).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.WindowId, p.Window!.Number, WindowName = p.Window.Name, p.Name, p.Duties,
                Holders = p.Holders.OrderBy(h => h.Role).ThenBy(h => h.Id).Select(h => new
                {
                    h.StaffMemberId, h.StaffMember!.Name, h.StaffMember.EmployeeNo, h.Role, h.StaffMember.IsExternal,
                    Unit = h.StaffMember.HomeUnit == null ? null : h.StaffMember.HomeUnit.Name, h.StaffMember.Phone,
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(p => new PostRow(p.Id, p.WindowId, p.Number, p.WindowName, p.Name, p.Duties,
            p.Holders.Select(h => new PostHolderRow(h.StaffMemberId, h.Name, h.EmployeeNo, h.Role, h.IsExternal, h.Unit, h.Phone,
                trainings.Where(t => t.PostId == p.Id && t.StaffMemberId == h.StaffMemberId).Sum(t => t.Count))).ToList())).ToList();
    }

    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffMembers.AsNoTracking().OrderBy(s => s.EmployeeNo)
            .Select(s => new StaffChoice(s.Id, s.Name, s.EmployeeNo, s.HomeUnit == null ? null : s.HomeUnit.Name, s.IsExternal))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TrainingRow>> TrainingAsync(int postId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.TrainingRecords.AsNoTracking().Where(t => t.PostId == postId)
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.Id)
            .Select(t => new TrainingRow(t.Id, t.StaffMemberId, t.StaffMember!.Name, t.Kind, t.Date, t.Hours, t.Topic, t.RecordedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds (Id 0) or updates a post with its holders. Bad input returns messages and changes nothing.</summary>
    public async Task<SaveResult> SaveAsync(PostEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new List<string>();
        var name = (edit.Name ?? "").Trim();
        var duties = edit.Duties?.Trim();
        var bs = (edit.BStaffIds ?? []).Distinct().ToList();

        if (!await db.Windows.AnyAsync(w => w.Id == edit.WindowId, cancellationToken))
        {
            errors.Add(L["Posts.WindowRequired"]);
        }
        if (name.Length == 0)
        {
            errors.Add(L["Posts.NameRequired"]);
        }
        else if (name.Length > MaxName)
        {
            errors.Add(L["Posts.NameTooLong", MaxName]);
        }
        if (duties is { Length: > MaxDuties })
        {
            errors.Add(L["Posts.DutiesTooLong", MaxDuties]);
        }
        if (edit.AStaffId is not { } a)
        {
            errors.Add(L["Posts.ARequired"]);
        }
        else
        {
            if (bs.Contains(a))
            {
                errors.Add(L["Posts.ANotB"]);
            }
            var otherPost = await db.PostHolders.AsNoTracking()
                .Where(h => h.StaffMemberId == a && h.Role == PostRole.A && h.PostId != edit.Id)
                .Select(h => new { h.Post!.Name, h.Post.Window!.Number })
                .FirstOrDefaultAsync(cancellationToken);
            if (otherPost is not null)
            {
                errors.Add(L["Posts.AlreadyA", otherPost.Number, otherPost.Name]);
            }
        }
        var people = bs.Append(edit.AStaffId ?? 0).Where(id => id != 0).ToList();
        if (await db.StaffMembers.CountAsync(s => people.Contains(s.Id), cancellationToken) != people.Count)
        {
            errors.Add(L["Posts.UnknownStaff"]);
        }

        Post? post = null;
        if (edit.Id != 0)
        {
            post = await db.Posts.Include(p => p.Holders).SingleOrDefaultAsync(p => p.Id == edit.Id, cancellationToken);
            if (post is null)
            {
                errors.Add(L["Posts.Gone"]);
            }
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }

        post ??= db.Posts.Add(new Post { Name = name }).Entity;
        post.WindowId = edit.WindowId;
        post.Name = name;
        post.Duties = string.IsNullOrEmpty(duties) ? null : duties;
        var wanted = bs.Select(id => (Id: id, Role: PostRole.B)).Prepend((Id: edit.AStaffId!.Value, Role: PostRole.A)).ToList();
        foreach (var holder in post.Holders.Where(h => !wanted.Contains((h.StaffMemberId, h.Role))).ToList())
        {
            post.Holders.Remove(holder);
            db.PostHolders.Remove(holder);
        }
        foreach (var (id, role) in wanted.Where(w => !post.Holders.Any(h => h.StaffMemberId == w.Id && h.Role == w.Role)))
        {
            post.Holders.Add(new PostHolder { StaffMemberId = id, Role = role });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Posts.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>AB1: records a B sent by the window's home unit (not hall staff) and adds them as B of the post.</summary>
    public async Task<SaveResult> AddExternalBackupAsync(ExternalBackupEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new List<string>();
        var name = (edit.Name ?? "").Trim();
        var phone = (edit.Phone ?? "").Trim();
        if (name.Length is 0 or > 50)
        {
            errors.Add(L["Posts.ExternalNameRequired"]);
        }
        if (!System.Text.RegularExpressions.Regex.IsMatch(phone, @"^[0-9\-+ ]{7,20}$"))
        {
            errors.Add(L["Posts.PhoneInvalid"]);
        }
        var post = await db.Posts.Include(p => p.Window).SingleOrDefaultAsync(p => p.Id == edit.PostId, cancellationToken);
        if (post is null)
        {
            errors.Add(L["Posts.Gone"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        var count = await db.StaffMembers.CountAsync(s => s.IsExternal, cancellationToken);
        var backup = new StaffMember
        {
            Name = name,
            EmployeeNo = $"WB{count + 1:000}",
            Phone = phone,
            HomeUnitId = post!.Window!.HomeUnitId,
            IsExternal = true,
        };
        post.Holders.Add(new PostHolder { StaffMember = backup, Role = PostRole.B });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new SaveResult([L["Posts.Conflict"]]);
        }
        return SaveResult.Ok;
    }

    /// <summary>AB2: logs a training of a B holder of the post.</summary>
    public async Task<SaveResult> AddTrainingAsync(TrainingEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Manage);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = new List<string>();
        var topic = (edit.Topic ?? "").Trim();
        if (!await db.PostHolders.AnyAsync(h => h.PostId == edit.PostId && h.StaffMemberId == edit.StaffId && h.Role == PostRole.B, cancellationToken))
        {
            errors.Add(L["Posts.TrainingNotB"]);
        }
        if (!Enum.IsDefined(edit.Kind))
        {
            errors.Add(L["Posts.TrainingKindRequired"]);
        }
        if (edit.Date is null)
        {
            errors.Add(L["Posts.TrainingDateRequired"]);
        }
        if (edit.Hours is <= 0 or > 24)
        {
            errors.Add(L["Posts.TrainingHoursRange"]);
        }
        if (topic.Length is 0 or > 200)
        {
            errors.Add(L["Posts.TrainingTopicRequired"]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        db.TrainingRecords.Add(new TrainingRecord
        {
            PostId = edit.PostId,
            StaffMemberId = edit.StaffId,
            Kind = edit.Kind,
            Date = DateOnly.FromDateTime(edit.Date!.Value),
            Hours = edit.Hours,
            Topic = topic,
            RecordedBy = user.DisplayName,
        });
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;
    }
}
