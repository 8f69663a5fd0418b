using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// The demo hall (xunit class fixture) with two matters of the catalogue and an API key for the
/// approval system. Tests add cases directly, their clocks set as intake sets them
/// (<see cref="CaseWorkflow.Recompute"/>), relative to the app's clock.
/// </summary>
public sealed class CaseListHall : IAsyncLifetime
{
    public const string ApiKey = "test-key-approval-system-0001";
    public const string SecondApiKey = "test-key-approval-system-0002";
    public const string MatterA = "CL-A-001";
    public const string MatterB = "CL-B-002";

    private readonly HallDatabaseFile _database = new();

    public HallAppFactory App { get; private set; } = default!;

    public Task InitializeAsync()
    {
        App = new HallAppFactory(_database, settings: new Dictionary<string, string?>
        {
            ["Hall:Integration:ApiKeys:0"] = ApiKey,
            ["Hall:Integration:ApiKeys:1"] = SecondApiKey,
        });
        _ = App.Server;
        return SeedMattersAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _database.Dispose();
    }

    public HallDbContext Db() => App.CreateDbContext();

    /// <summary>The database the hall runs on (raw SQL differs).</summary>
    public HallDatabase Provider => _database.Provider;

    public DateTimeOffset Now => App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    public Task<WorkingCalendar> CalendarAsync() => App.Services.GetRequiredService<CalendarSource>().GetAsync();

    public AsyncServiceScope SignedIn(string role, string userName = "manager") => SignedInScope.Create(App, userName, role);

    public AsyncServiceScope Manager() => SignedIn(HallRoles.Manager);

    /// <summary>A matter with a current version of the given committed working days.</summary>
    public async Task<(int MatterId, int VersionId)> MatterAsync(string code, int days = 5, int? windowNumber = null)
    {
        await using var db = Db();
        if (await db.Matters.Where(m => m.Code == code).Select(m => new { m.Id, m.CurrentVersionId }).SingleOrDefaultAsync() is { } found)
        {
            return (found.Id, found.CurrentVersionId!.Value);
        }
        int? windowId = windowNumber is { } n ? await db.Windows.Where(w => w.Number == n).Select(w => w.Id).SingleAsync() : null;
        var matter = new Matter { Code = code, Name = "测试事项 " + code, WindowId = windowId };
        var version = new MatterVersion
        {
            Number = 1,
            StatutoryDays = Math.Max(days, 20),
            CommittedDays = days,
            Materials = [new MatterMaterial { Order = 1, Name = "申请表" }],
            ChangedAt = Now,
            ChangedBy = "test",
        };
        matter.Versions.Add(version);
        db.Matters.Add(matter);
        await db.SaveChangesAsync();
        matter.CurrentVersionId = version.Id;
        await db.SaveChangesAsync();
        return (matter.Id, version.Id);
    }

    private async Task SeedMattersAsync()
    {
        await MatterAsync(MatterA, 5, windowNumber: 1);
        await MatterAsync(MatterB, 3, windowNumber: 4);
    }

    /// <summary>A case as intake stores it, with its clock recomputed at the app's now.</summary>
    public async Task<ServiceCase> AddCaseAsync(
        string number, string matterCode, DateTimeOffset received, DateTimeOffset? accepted, CaseState state,
        int? windowNumber = null, string? handlerNo = null, string applicant = "张三明", string? external = null, DateTimeOffset? closed = null)
    {
        var list = await AddCasesAsync([(number, matterCode, received, accepted, state, windowNumber, handlerNo, applicant, external, closed)]);
        return list[0];
    }

    public async Task<List<ServiceCase>> AddCasesAsync(
        IEnumerable<(string Number, string Matter, DateTimeOffset Received, DateTimeOffset? Accepted, CaseState State, int? Window, string? Handler, string Applicant, string? External, DateTimeOffset? Closed)> cases)
    {
        var calendar = await CalendarAsync();
        var now = Now;
        await using var db = Db();
        var matters = await db.Matters.Include(m => m.CurrentVersion).ToDictionaryAsync(m => m.Code);
        var windows = await db.Windows.ToDictionaryAsync(w => w.Number, w => w.Id);
        var staff = await db.StaffMembers.ToDictionaryAsync(s => s.EmployeeNo, s => s.Id);
        var rows = new List<ServiceCase>();
        foreach (var c in cases)
        {
            var matter = matters[c.Matter];
            var row = new ServiceCase
            {
                Number = c.Number,
                ExternalNumber = c.External,
                MatterId = matter.Id,
                MatterVersionId = matter.CurrentVersionId!.Value,
                WindowId = c.Window is { } w ? windows[w] : null,
                HandlerStaffId = c.Handler is { } h ? staff[h] : null,
                ApplicantName = c.Applicant,
                State = c.State,
                ReceivedAt = c.Received,
                AcceptedAt = c.Accepted,
                ClosedAt = c.Closed,
                CreatedAt = now,
                CreatedBy = "test",
            };
            CaseWorkflow.Recompute(row, matter.CurrentVersion!, calendar, now);
            rows.Add(row);
        }
        db.Cases.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }
}
