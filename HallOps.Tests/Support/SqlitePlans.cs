using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Support;

/// <summary>SQLite's own plan for a query: which indexes it reads, whether it sorts.</summary>
public static class SqlitePlans
{
    /// <summary><c>EXPLAIN QUERY PLAN</c> of the query's own command (its parameters bound), one line per step.</summary>
    public static async Task<string> PlanAsync<T>(DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
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
