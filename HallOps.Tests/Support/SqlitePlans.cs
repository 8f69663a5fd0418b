using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Support;

/// <summary>SQLite's own plan for a query: which indexes it reads, whether it sorts.</summary>
public static class SqlitePlans
{
    /// <summary>
    /// <c>EXPLAIN QUERY PLAN</c> of the query's SQL, one line per step. Parameters (the
    /// <c>.param set</c> lines EF Core writes ahead of the SQL) go in as their literal values.
    /// </summary>
    public static async Task<string> PlanAsync<T>(DbContext db, IQueryable<T> query)
    {
        var lines = query.ToQueryString().Split('\n');
        var parameters = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal))
            .Select(l => l[".param set ".Length..].Split(' ', 2))
            .OrderByDescending(p => p[0].Length) // @p10 before @p1
            .ToList();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var parameter in parameters)
        {
            sql = sql.Replace(parameter[0], parameter[1].TrimEnd('\r'), StringComparison.Ordinal);
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        Assert.NotEmpty(steps);
        return string.Join("\n", steps);
    }
}
