using HallOps.Domain.Persistence;
using System.Diagnostics;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using HallOps.Web.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// The case list stays fast with 100,000 cases (TL0, TL5): a page is read through the indexes, never
/// by loading the list. The cases are written straight into the table (a recursive SQL insert, not
/// through the app), then every filter's first page is timed as the page asks for it.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CaseListScaleTests(CaseListHall hall, ITestOutputHelper output) : IClassFixture<CaseListHall>
{
    private const int Count = 100_000;

    [Fact]
    public async Task CaseList_With100000Cases_EachFilteredPageIsReadInWellUnderASecond()
    {
        await SeedAsync();
        await using var scope = hall.Manager();
        var service = scope.ServiceProvider.GetRequiredService<CaseListService>();
        await using var db = hall.Db();
        var windowId = await db.Windows.Where(w => w.Number == 2).Select(w => w.Id).SingleAsync();
        var handlerId = await db.StaffMembers.Where(s => s.EmployeeNo == "ZW003").Select(s => s.Id).SingleAsync();
        var today = (await hall.CalendarAsync()).LocalDate(hall.Now);
        var filters = new (string Name, CaseFilter Filter)[]
        {
            ("all, newest first", new CaseFilter()),
            ("all, page 2000", new CaseFilter()),
            ("state accepted", new CaseFilter { State = CaseState.Accepted }),
            ("red light", new CaseFilter { Light = CaseLight.Red }),
            ("yellow light", new CaseFilter { Light = CaseLight.Yellow }),
            ("window 2", new CaseFilter { WindowId = windowId }),
            ("handler ZW003", new CaseFilter { HandlerStaffId = handlerId }),
            ("received last 7 days", new CaseFilter { ReceivedFrom = today.AddDays(-7), ReceivedTo = today }),
            ("number 2026-1500", new CaseFilter { Text = "2026-1500" }),
            ("external BULK-0123", new CaseFilter { Text = "BULK-0123" }),
            ("due soonest first", new CaseFilter { Sort = CaseSort.DueAt, Descending = false, State = CaseState.Accepted }),
        };
        await service.ListAsync(new CaseFilter(), 0, 20); // warm up: the first query compiles the model
        foreach (var (name, filter) in filters)
        {
            var page = name.Contains("page 2000") ? 2000 : 0;
            var times = new List<double>();
            CasePage? result = null;
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await service.ListAsync(filter, page, 20);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine($"{name,-24} total {result!.Total,7}  median {times[2],7:F1} ms  max {times[^1],7:F1} ms");
            Assert.NotEmpty(result.Rows);
            Assert.True(times[2] < 1000, $"{name}: a page took {times[2]:F0} ms (median of 5)");
        }
    }

    /// <summary>Cases spread over a year: a fifth closed, the rest accepted with due times around now.</summary>
    private async Task SeedAsync()
    {
        var (matterId, versionId) = await hall.MatterAsync(CaseListHall.MatterA);
        await using var db = hall.Db();
        var windows = await db.Windows.OrderBy(w => w.Number).Select(w => w.Id).ToListAsync();
        var staff = await db.StaffMembers.OrderBy(s => s.Id).Take(20).Select(s => s.Id).ToListAsync();
        var now = hall.Now.UtcTicks;
        var day = TimeSpan.TicksPerDay;
        var sql = hall.Provider == HallDatabase.PostgreSql ? $"""
            INSERT INTO "Cases" ("Number", "ExternalNumber", "Source", "MatterId", "MatterVersionId", "WindowId", "HandlerStaffId", "ApplicantKind",
                                 "ApplicantName", "State", "ReceivedAt", "AcceptedAt", "DueAt", "DueSoonAt", "Light", "NextLightAt", "CreatedAt", "CreatedBy", "Version")
            SELECT format('2026-%s', lpad((100000 + i)::text, 6, '0')), format('BULK-%s', lpad(i::text, 6, '0')), 2, {matterId}, {versionId},
                   {windows[0]} + (i % {windows.Count}), {staff[0]} + (i % {staff.Count}), 1, '张三明',
                   CASE WHEN i % 5 = 0 THEN 4 ELSE 2 END,
                   t.now - (i % 365) * interval '1 day' - interval '1 hour',
                   t.now - (i % 365) * interval '1 day',
                   t.now - (i % 365) * interval '1 day' + interval '7 days',
                   t.now - (i % 365) * interval '1 day' + interval '6 days',
                   0, NULL, t.now, 'bulk', 0
            FROM generate_series(1, {Count}) AS i, (SELECT timestamptz '{hall.Now.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff}+00' AS now) AS t
            """ : $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {Count})
            INSERT INTO Cases (Number, ExternalNumber, Source, MatterId, MatterVersionId, WindowId, HandlerStaffId, ApplicantKind,
                               ApplicantName, State, ReceivedAt, AcceptedAt, DueAt, DueSoonAt, Light, NextLightAt, CreatedAt, CreatedBy, Version)
            SELECT printf('2026-%06d', 100000 + i), printf('BULK-%06d', i), 2, {matterId}, {versionId},
                   {windows[0]} + (i % {windows.Count}), {staff[0]} + (i % {staff.Count}), 1, '张三明',
                   CASE WHEN i % 5 = 0 THEN 4 ELSE 2 END,
                   {now} - (i % 365) * {day} - {TimeSpan.TicksPerHour},
                   {now} - (i % 365) * {day},
                   {now} - (i % 365) * {day} + 7 * {day},
                   {now} - (i % 365) * {day} + 6 * {day},
                   0, NULL, {now}, 'bulk', 0
            FROM n
            """;
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        await db.Database.ExecuteSqlRawAsync(sql);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }
}
