using HallOps.Domain.Audit;
using HallOps.Domain.Persistence;
using HallOps.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Web.AuditSearch;

public sealed record AuditQuery(string? Actor, string? EntityType, AuditAction? Action, DateOnly? From, DateOnly? To, int Page = 0, int PageSize = 50);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Total);

/// <summary>Searches the audit log (Administer policy, re-checked). Read-only: the log has no edit path.</summary>
public sealed class AuditSearchService(IDbContextFactory<HallDbContext> contexts, HallAuthorizer authorizer, Microsoft.Extensions.Options.IOptions<HallOptions> options)
{
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await authorizer.EnsureAsync(HallPolicies.Administer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = options.Value.Zone();
        IQueryable<AuditEntry> rows = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim();
            rows = rows.Where(a => a.Actor.Contains(actor));
        }
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim();
            rows = rows.Where(a => a.EntityType == type);
        }
        if (query.Action is { } action)
        {
            rows = rows.Where(a => a.Action == action);
        }
        if (query.From is { } from)
        {
            var start = StartOfDay(from, zone);
            rows = rows.Where(a => a.At >= start);
        }
        if (query.To is { } to)
        {
            var end = StartOfDay(to.AddDays(1), zone);
            rows = rows.Where(a => a.At < end);
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, query.Page) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(page, total);
    }

    /// <summary>The values of an audit line's JSON, one "Name: value" per property, for people to read.</summary>
    public static IReadOnlyList<string> Lines(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.EnumerateObject()
                .Select(p => $"{p.Name}: {(p.Value.ValueKind == System.Text.Json.JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())}")
                .ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return [json];
        }
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
