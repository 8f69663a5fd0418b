using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Web.Identity;
using HallOps.Web.Windows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Guard;

/// <summary>An entry of the goods-out register as the list shows it.</summary>
public sealed record GoodsOutRow(
    long Id, string Item, int Quantity, string TakenBy, string? TakenByUnit, string ApprovedBy, DateTimeOffset TakenOutAt, string CheckedBy,
    DateOnly? ExpectedReturnOn, DateTimeOffset? ReturnedAt, string? ReturnCheckedBy, string? Note)
{
    public bool Outstanding => ExpectedReturnOn is not null && ReturnedAt is null;

    public bool Overdue(DateOnly today) => Outstanding && ExpectedReturnOn < today;
}

/// <summary>An entry as the guard's form fills it.</summary>
public sealed class GoodsOutEdit
{
    public string? Item { get; set; }
    public int? Quantity { get; set; } = 1;
    public string? TakenBy { get; set; }
    public string? TakenByUnit { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ExpectedReturnOn { get; set; }
    public string? Note { get; set; }
}

/// <summary>What the register page shows: today's entries and the ones still out, and the hall's date.</summary>
public sealed record GoodsOutView(DateOnly Today, IReadOnlyList<GoodsOutRow> Entries);

/// <summary>
/// The goods-out register (SE6 物品出门登记): public property taken out is inspected and
/// registered — what, how many, who takes it (and their unit), who approved it, when it comes back;
/// the signed-in guard at the door is the checker, and checks it back in.
/// </summary>
public sealed class GoodsOutService(
    IDbContextFactory<HallDbContext> contexts,
    CurrentUser currentUser,
    HallAuthorizer authorizer,
    TimeProvider time,
    IOptions<HallOptions> options,
    IStringLocalizer<SharedResource> L)
{
    public const int MaxItem = 200;
    public const int MaxPerson = 100;
    public const int MaxUnit = 200;
    public const int MaxNote = 500;
    public const int MaxQuantity = 9999;

    /// <summary>How far ahead an expected return may be.</summary>
    public const int MaxReturnDays = 366;

    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.Value.Zone()).DateTime);

    /// <summary>Entries taken out today, and every entry still expected back.</summary>
    public async Task<GoodsOutView> ListAsync(CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var today = Today();
        var zone = options.Value.Zone();
        var local = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var from = new DateTimeOffset(local, zone.GetUtcOffset(local));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.GoodsOut.AsNoTracking()
            .Where(g => g.TakenOutAt >= from || (g.ExpectedReturnOn != null && g.ReturnedAt == null))
            .OrderByDescending(g => g.TakenOutAt).ThenByDescending(g => g.Id)
            .Select(g => new GoodsOutRow(
                g.Id, g.Item, g.Quantity, g.TakenBy, g.TakenByUnit, g.ApprovedBy, g.TakenOutAt, g.CheckedBy,
                g.ExpectedReturnOn, g.ReturnedAt, g.ReturnCheckedBy, g.Note))
            .ToListAsync(cancellationToken);
        // Still out first (overdue first), then today's by time.
        return new GoodsOutView(today, rows
            .OrderBy(r => r.Outstanding ? 0 : 1).ThenBy(r => r.Outstanding ? r.ExpectedReturnOn : null).ThenByDescending(r => r.TakenOutAt)
            .ToList());
    }

    /// <summary>Registers goods going out now, checked by the signed-in guard. Every problem is listed; nothing is stored while there is one.</summary>
    public async Task<SaveResult> RegisterAsync(GoodsOutEdit edit, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        var item = edit.Item?.Trim() ?? "";
        var takenBy = edit.TakenBy?.Trim() ?? "";
        var unit = edit.TakenByUnit?.Trim();
        var approvedBy = edit.ApprovedBy?.Trim() ?? "";
        var note = edit.Note?.Trim();
        var today = Today();
        var errors = new List<string>();
        Required(item, MaxItem, "GoodsOut.ItemRequired", "GoodsOut.ItemTooLong");
        if (edit.Quantity is not { } quantity || quantity < 1)
        {
            errors.Add(L["GoodsOut.QuantityTooSmall"]);
        }
        else if (quantity > MaxQuantity)
        {
            errors.Add(L["GoodsOut.QuantityTooLarge", MaxQuantity]);
        }
        Required(takenBy, MaxPerson, "GoodsOut.TakenByRequired", "GoodsOut.TakenByTooLong");
        if (unit is { Length: > MaxUnit })
        {
            errors.Add(L["GoodsOut.UnitTooLong", MaxUnit]);
        }
        Required(approvedBy, MaxPerson, "GoodsOut.ApprovedByRequired", "GoodsOut.ApprovedByTooLong");
        DateOnly? expected = edit.ExpectedReturnOn is { } date ? DateOnly.FromDateTime(date) : null;
        if (expected < today)
        {
            errors.Add(L["GoodsOut.ReturnInPast"]);
        }
        else if (expected > today.AddDays(MaxReturnDays))
        {
            errors.Add(L["GoodsOut.ReturnTooFar", MaxReturnDays]);
        }
        if (note is { Length: > MaxNote })
        {
            errors.Add(L["GoodsOut.NoteTooLong", MaxNote]);
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.GoodsOut.Add(new GoodsOutEntry
        {
            Item = item, Quantity = edit.Quantity!.Value, TakenBy = takenBy, TakenByUnit = string.IsNullOrEmpty(unit) ? null : unit,
            ApprovedBy = approvedBy, TakenOutAt = time.GetUtcNow(), CheckedBy = user.DisplayName, ExpectedReturnOn = expected,
            Note = string.IsNullOrEmpty(note) ? null : note,
        });
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Ok;

        void Required(string value, int max, string requiredKey, string tooLongKey)
        {
            if (value.Length == 0)
            {
                errors.Add(L[requiredKey]);
            }
            else if (value.Length > max)
            {
                errors.Add(L[tooLongKey, max]);
            }
        }
    }

    /// <summary>The goods came back: checked in now by the signed-in guard.</summary>
    public async Task<SaveResult> ReturnAsync(long id, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Guard);
        var user = await currentUser.GetAsync();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.GoodsOut.SingleOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (entry is null)
        {
            return new SaveResult([L["GoodsOut.Unknown"]]);
        }
        if (entry.ReturnedAt is { } at)
        {
            return new SaveResult([L["GoodsOut.AlreadyReturned", entry.ReturnCheckedBy ?? "", TimeZoneInfo.ConvertTime(at, options.Value.Zone()).ToString("MM-dd HH:mm")]]);
        }
        entry.ReturnedAt = time.GetUtcNow();
        entry.ReturnCheckedBy = user.DisplayName;
        entry.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SaveResult([L["GoodsOut.ChangedMeanwhile"]]);
        }
    }
}
