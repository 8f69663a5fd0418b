using System.Diagnostics;
using HallOps.Domain.Identity;
using HallOps.Tests.Integration.Coverage;
using HallOps.Tests.Support;
using HallOps.Web.Assessment;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HallOps.Tests.Integration.Reports;

/// <summary>
/// How long 月度考核 takes on a bigger hall than the demo: 100,000 cases over seven months, 20,000 first
/// inquiries and 2,000 complaints, on SQLite. A measurement, run on request (HALLOPS_BENCH=1).
/// </summary>
[Collection(WebCollection.Name)]
public sealed class AssessmentScaleTests(CoverageHall hall, ITestOutputHelper output) : IClassFixture<CoverageHall>
{
    [SkippableFact]
    public async Task AMonthWithItsTrend_OnABiggerHall()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("HALLOPS_BENCH") == "1", "a measurement: set HALLOPS_BENCH=1 to run it");
        await using (var db = hall.CreateDbContext())
        {
            var start = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.FromHours(8)).UtcTicks;
            var step = (new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.FromHours(8)).UtcTicks - start) / 100_000;
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            string Columns(string table, Dictionary<string, string> given)
            {
                using var info = connection.CreateCommand();
                info.CommandText = $"PRAGMA table_info(\"{table}\")";
                using var reader = info.ExecuteReader();
                var names = new List<string>();
                var values = new List<string>();
                while (reader.Read())
                {
                    var name = reader.GetString(1);
                    if (name == "Id")
                    {
                        continue;
                    }
                    var type = reader.GetString(2);
                    var notNull = reader.GetInt32(3) == 1;
                    if (given.TryGetValue(name, out var value))
                    {
                        names.Add($"\"{name}\""); values.Add(value);
                    }
                    else if (notNull)
                    {
                        names.Add($"\"{name}\""); values.Add(type == "TEXT" ? "''" : "0");
                    }
                }
                return $"INSERT INTO \"{table}\" ({string.Join(", ", names)}) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count) SELECT {string.Join(", ", values)} FROM n";
            }
            const string window = "(SELECT Id FROM Windows ORDER BY Id LIMIT 1 OFFSET (i % 24))";
            const string staff = "(SELECT StaffMemberId FROM PostHolders WHERE Role = 1 ORDER BY Id LIMIT 1 OFFSET (i % 24))";
            var at = $"({start} + i * {step})";
            var cases = Columns("Cases", new()
            {
                ["Number"] = "'B-' || i", ["Source"] = "2", ["MatterId"] = "(SELECT MatterId FROM MatterVersions ORDER BY Id LIMIT 1)",
                ["MatterVersionId"] = "(SELECT Id FROM MatterVersions ORDER BY Id LIMIT 1)", ["WindowId"] = window, ["HandlerStaffId"] = staff,
                ["ApplicantKind"] = "1", ["ApplicantName"] = "'测试'", ["State"] = "CASE WHEN i % 5 = 0 THEN 2 ELSE 4 END",
                ["ReceivedAt"] = at, ["AcceptedAt"] = at, ["DueAt"] = $"{at} + 6048000000000", ["CreatedAt"] = at, ["CreatedBy"] = "'bench'",
                ["ClosedAt"] = $"CASE WHEN i % 5 = 0 THEN NULL ELSE {at} + (i % 9) * 864000000000 END",
                ["CompletedOnTime"] = "CASE WHEN i % 5 = 0 THEN NULL WHEN i % 9 < 8 THEN 1 ELSE 0 END",
            });
            var inquiries = Columns("Inquiries", new()
            {
                ["ReceivedAt"] = $"({start} + i * {step * 5})", ["Channel"] = "1", ["Category"] = "2", ["Subject"] = "'咨询'", ["WindowId"] = window,
                ["ResponderStaffId"] = staff, ["ResponderUserName"] = "'bench'", ["ResponderName"] = "'bench'",
            });
            var complaints = Columns("Complaints", new()
            {
                ["Number"] = "'TS-B-' || i", ["Kind"] = "2", ["Source"] = "3", ["ReceivedAt"] = $"({start} + i * {step * 50})", ["ReceivedBy"] = "'bench'",
                ["Content"] = "'bench'", ["SubjectWindowId"] = window, ["SubjectStaffId"] = staff, ["DueAt"] = at, ["DueSoonAt"] = at,
                ["Outcome"] = "CASE WHEN i % 3 = 0 THEN 1 ELSE 3 END",
            });
            foreach (var (sql, count) in new[] { (cases, 100_000), (inquiries, 20_000), (complaints, 2_000) })
            {
                await using var insert = connection.CreateCommand();
                insert.CommandText = sql;
                insert.Parameters.AddWithValue("@count", count);
                output.WriteLine($"{await insert.ExecuteNonQueryAsync()} rows");
            }
        }

        await using var office = hall.SignedIn("office", HallRoles.Office);
        var service = office.ServiceProvider.GetRequiredService<AssessmentService>();
        await service.LoadAsync("2026-11");
        var watch = Stopwatch.StartNew();
        var report = (await service.LoadAsync("2026-11", withTrend: false)).Report!;
        var month = watch.Elapsed;
        watch.Restart();
        await service.LoadAsync("2026-11");
        var withTrend = watch.Elapsed;
        var line = $"bigger hall: {report.WindowTotal.Accepted} accepted in November; a month {month.TotalMilliseconds:0} ms, with its 6-month trend {withTrend.TotalMilliseconds:0} ms";
        output.WriteLine(line);
        await File.WriteAllTextAsync(HallOps.Tests.Browser.BrowserHost.ScreenshotPath("assessment-scale.txt"), line);
        Assert.True(report.WindowTotal.Accepted > 10_000);
    }
}
