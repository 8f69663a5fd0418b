using System.Net;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using HallOps.Web.Cases;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>Three hundred cases of the list's test hall, made once per fixture, with what the test expects of each.</summary>
public sealed class CaseListData : IAsyncLifetime
{
    public CaseListHall Hall { get; } = new();

    public List<ServiceCase> Cases { get; private set; } = [];

    public Dictionary<int, int> WindowIds { get; private set; } = [];

    public Dictionary<string, int> StaffIds { get; private set; } = [];

    public int MatterBId { get; private set; }

    public async Task InitializeAsync()
    {
        await Hall.InitializeAsync();
        var now = Hall.Now;
        string[] names = ["张三明", "李四", "欧阳娜娜", "王五"];
        var rows = Enumerable.Range(0, 300).Select(i =>
        {
            var received = now.AddDays(-(i % 30)).AddHours(-1).AddMinutes(-i);
            var state = (i % 7) switch
            {
                0 => CaseState.Received,
                1 => CaseState.AwaitingSupplement,
                5 => CaseState.Completed,
                6 => CaseState.Refused,
                _ => CaseState.Accepted,
            };
            DateTimeOffset? accepted = state is CaseState.Accepted or CaseState.Completed ? received.AddMinutes(30) : null;
            DateTimeOffset? closed = state is CaseState.Completed or CaseState.Refused ? received.AddMinutes(50) : null;
            return ($"2026-{900000 + i}", i % 3 == 0 ? CaseListHall.MatterB : CaseListHall.MatterA, received, accepted, state,
                (int?)(i % 4 + 1), (string?)$"ZW00{i % 5 + 1}", names[i % names.Length], i % 2 == 0 ? $"SP-{i:D5}" : null, closed);
        }).ToList();
        Cases = await Hall.AddCasesAsync(rows);
        await using var db = Hall.Db();
        WindowIds = await db.Windows.ToDictionaryAsync(w => w.Number, w => w.Id);
        StaffIds = await db.StaffMembers.ToDictionaryAsync(s => s.EmployeeNo, s => s.Id);
        MatterBId = await db.Matters.Where(m => m.Code == CaseListHall.MatterB).Select(m => m.Id).SingleAsync();
    }

    public Task DisposeAsync() => Hall.DisposeAsync();
}

/// <summary>
/// The managers' case list (TL0, TL5) on the real SQLite database with three hundred cases: every
/// filter returns exactly the cases it names, pages cover the list once, applicants are masked, and
/// the xlsx export holds the rows of the filtered list in its order.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CaseListFilterTests(CaseListData data) : IClassFixture<CaseListData>
{
    private async Task<List<CaseRow>> AllAsync(CaseFilter filter)
    {
        await using var scope = data.Hall.Manager();
        var service = scope.ServiceProvider.GetRequiredService<CaseListService>();
        var rows = new List<CaseRow>();
        for (var page = 0; ; page++)
        {
            var result = await service.ListAsync(filter, page, 50);
            rows.AddRange(result.Rows);
            if (result.Rows.Count < 50)
            {
                Assert.Equal(result.Total, rows.Count);
                return rows;
            }
        }
    }

    private static bool Open(ServiceCase c) => c.IsOpen;

    public static TheoryData<string> Filters => new() { "state", "red", "yellow", "none", "matter", "window", "handler", "dates", "text", "combined" };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task CaseList_EachFilter_ReturnsExactlyTheCasesItNames(string which)
    {
        var now = data.Hall.Now;
        var calendar = await data.Hall.CalendarAsync();
        var today = calendar.LocalDate(now);
        var (filter, expected) = which switch
        {
            "state" => (new CaseFilter { State = CaseState.Accepted }, (Func<ServiceCase, bool>)(c => c.State == CaseState.Accepted)),
            "red" => (new CaseFilter { Light = CaseLight.Red }, c => CaseWorkflow.LightNow(c, now) == CaseLight.Red),
            "yellow" => (new CaseFilter { Light = CaseLight.Yellow }, c => CaseWorkflow.LightNow(c, now) == CaseLight.Yellow),
            "none" => (new CaseFilter { Light = CaseLight.None }, c => CaseWorkflow.LightNow(c, now) == CaseLight.None),
            "matter" => (new CaseFilter { MatterId = data.MatterBId }, c => c.MatterId == data.MatterBId),
            "window" => (new CaseFilter { WindowId = data.WindowIds[2] }, c => c.WindowId == data.WindowIds[2]),
            "handler" => (new CaseFilter { HandlerStaffId = data.StaffIds["ZW003"] }, c => c.HandlerStaffId == data.StaffIds["ZW003"]),
            "dates" => (new CaseFilter { ReceivedFrom = today.AddDays(-9), ReceivedTo = today.AddDays(-3) },
                c => calendar.LocalDate(c.ReceivedAt) >= today.AddDays(-9) && calendar.LocalDate(c.ReceivedAt) <= today.AddDays(-3)),
            "text" => (new CaseFilter { Text = "SP-0001" }, c => c.ExternalNumber?.StartsWith("SP-0001", StringComparison.Ordinal) == true || c.Number.StartsWith("SP-0001", StringComparison.Ordinal)),
            _ => (new CaseFilter { State = CaseState.Accepted, Light = CaseLight.Red, WindowId = data.WindowIds[1], Text = "2026-9" },
                c => c.State == CaseState.Accepted && CaseWorkflow.LightNow(c, now) == CaseLight.Red && c.WindowId == data.WindowIds[1]),
        };
        var wanted = data.Cases.Where(expected).Select(c => c.Number).Order().ToList();
        Assert.NotEmpty(wanted);
        Assert.True(wanted.Count < data.Cases.Count, $"the filter {which} leaves some cases out");

        var rows = await AllAsync(filter);

        Assert.Equal(wanted, rows.Select(r => r.Number).Order().ToList());
        Assert.All(rows, r => Assert.Equal(CaseWorkflow.LightNow(data.Cases.Single(c => c.Number == r.Number), now), r.Light));
    }

    [Fact]
    public async Task CaseList_ThePagesCoverTheListOnce_NewestReceivedFirst()
    {
        await using var scope = data.Hall.Manager();
        var service = scope.ServiceProvider.GetRequiredService<CaseListService>();

        var pages = new List<CasePage>();
        for (var page = 0; page < 16; page++)
        {
            pages.Add(await service.ListAsync(new CaseFilter(), page, 20));
        }

        Assert.All(pages, p => Assert.Equal(300, p.Total));
        Assert.Equal(Enumerable.Repeat(20, 15).Append(0), pages.Select(p => p.Rows.Count));
        var all = pages.SelectMany(p => p.Rows).ToList();
        Assert.Equal(300, all.Select(r => r.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(r => r.ReceivedAt).Select(r => r.Id), all.Select(r => r.Id));
    }

    [Fact]
    public async Task CaseList_SortedByDueTime_SoonestFirst_CasesWithoutAClockLast()
    {
        var rows = await AllAsync(new CaseFilter { Sort = CaseSort.DueAt, Descending = false });

        var due = rows.Select(r => r.DueAt).ToList();
        var withClock = due.TakeWhile(d => d is not null).ToList();
        Assert.All(due.Skip(withClock.Count), d => Assert.Null(d));
        Assert.Equal(withClock.Order(), withClock);
        Assert.NotEmpty(withClock);
    }

    [Fact]
    public async Task CaseList_ApplicantNames_AreMasked()
    {
        var rows = await AllAsync(new CaseFilter { Text = "2026-90000" });

        Assert.Contains(rows, r => r.Applicant == "张*明");
        Assert.Contains(rows, r => r.Applicant == "欧**娜");
        Assert.Contains(rows, r => r.Applicant == "李*");
        Assert.DoesNotContain(rows, r => r.Applicant is "张三明" or "李四" or "欧阳娜娜" or "王五");
    }

    [Fact]
    public async Task CaseListExport_HoldsTheRowsOfTheFilteredList_InItsOrder_WithChineseHeaders()
    {
        var filter = new CaseFilter { State = CaseState.Accepted, WindowId = data.WindowIds[3], Sort = CaseSort.DueAt, Descending = false };
        var expected = await AllAsync(filter);
        var client = await DemoAccounts.SignInAsync(data.Hall.App, "manager");

        var response = await client.GetAsync("/manage/cases.xlsx?" + filter.ToQueryString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CaseListService.ContentType, response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected.Select(r => r.Number), sheet.Select(r => r["受理编号"]?.ToString()));
        Assert.Equal(expected.Select(r => r.Applicant), sheet.Select(r => r["申请人"]?.ToString()));
        Assert.All(sheet, r => Assert.Equal("已受理", r["状态"]));
        Assert.Contains("办结时限", sheet[0].Keys);
        Assert.DoesNotContain(sheet, r => r["申请人"]?.ToString() is "张三明" or "欧阳娜娜");
    }

    [Fact]
    public async Task CaseListExport_AMalformedFilter_Answers400InChinese()
    {
        var client = await DemoAccounts.SignInAsync(data.Hall.App, "manager");

        var response = await client.GetAsync("/manage/cases.xlsx?state=Sleeping&from=2026-13-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("筛选条件", body);
        Assert.Contains("state", body);
        Assert.Contains("from", body);
    }

    [Theory]
    [InlineData("/manage/cases")]
    [InlineData("/manage/cases/import")]
    [InlineData("/manage/cases.xlsx")]
    public async Task CaseList_AStaffAccount_IsSentToAccessDenied(string path)
    {
        var client = await DemoAccounts.SignInAsync(data.Hall.App, "staff");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CaseList_TheManager_OpensThePage()
    {
        var client = await DemoAccounts.SignInAsync(data.Hall.App, "manager");

        var response = await client.GetAsync("/manage/cases");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("办件列表", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CaseList_TheServiceRefusesAStaffCircuit()
    {
        await using var scope = data.Hall.SignedIn(HallOps.Domain.Identity.HallRoles.Staff, "staff");
        var service = scope.ServiceProvider.GetRequiredService<CaseListService>();

        await Assert.ThrowsAsync<HallOps.Web.Identity.HallAccessDeniedException>(() => service.ListAsync(new CaseFilter(), 0, 20));
    }
}
