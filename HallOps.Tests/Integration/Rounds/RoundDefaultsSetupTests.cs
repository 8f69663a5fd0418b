using HallOps.Domain.Calendar;
using HallOps.Domain.Events;
using HallOps.Domain.Persistence;
using HallOps.Domain.Rounds;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// A hall whose database was seeded before the machine room's upkeep (IT6) and the inspection's IT
/// items (IT1, IT5) existed gets them at the next start, once, keeping its own edits: on a real SQLite database.
/// </summary>
public sealed class RoundDefaultsSetupTests : IAsyncLifetime
{
    private readonly HallDatabaseFile _file = new();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8))));
        services.AddSingleton(new HallEventFeed(NullLogger<HallEventFeed>.Instance));
        services.AddSingleton<HallSaveChangesInterceptor>();
        services.AddHallDbContext(_file.Provider, _file.ConnectionString);
        _services = services.BuildServiceProvider();
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();

        // The defaults as they were: no machine-room upkeep, an inspection of five hygiene items, one renamed by the manager.
        foreach (var (template, schedule) in RoundDefaults.Create(active: true).Where(d => d.Template.Code != RoundDefaults.MachineRoomUpkeep))
        {
            template.Items.RemoveAll(i => i.Regulation is not null);
            if (template.Code == RoundDefaults.HygieneInspection)
            {
                template.Items[0].Text = "桌面整洁、物品摆放有序";
            }
            schedule.Template = template;
            db.RoundSchedules.Add(schedule);
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        _file.Dispose();
    }

    private IDbContextFactory<HallDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<HallDbContext>>();

    [Fact]
    public async Task IT6_IT1_IT5_AnOlderHall_GetsTheMachineRoomUpkeepAndTheItItemsOnce_KeepingItsEdits()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var added = await RoundDefaultsSetup.EnsureAsync(db);
            Assert.Equal(4, added.Count); // the template and three items
        }
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            Assert.Empty(await RoundDefaultsSetup.EnsureAsync(db));
        }

        await using var check = await Contexts.CreateDbContextAsync();
        var upkeep = await check.RoundTemplates.Include(t => t.Items).SingleAsync(t => t.Code == RoundDefaults.MachineRoomUpkeep);
        Assert.Equal((RoundKind.MachineRoomUpkeep, RoundArea.MachineRoom, 5), (upkeep.Kind, upkeep.Area, upkeep.Items.Count));
        var schedule = await check.RoundSchedules.SingleAsync(s => s.TemplateId == upkeep.Id);
        Assert.Equal(("weekly mon at 10:00 workdays", "NetworkAdmin", RoundScope.Single), (schedule.Rule, schedule.AssigneeRole, schedule.Scope));

        var inspection = await check.RoundTemplates.Include(t => t.Items).SingleAsync(t => t.Code == RoundDefaults.HygieneInspection);
        var items = inspection.Items.OrderBy(i => i.Order).ToList();
        Assert.Equal(8, items.Count);
        Assert.Equal("桌面整洁、物品摆放有序", items[0].Text); // the manager's edit stays
        Assert.Equal([6, 7, 8], items.Where(i => i.Regulation is not null).Select(i => i.Order));
        Assert.Equal(["IT1", "IT5", "IT5"], items.Skip(5).Select(i => i.Regulation));
        Assert.Equal(1, await check.RoundTemplates.CountAsync(t => t.Code == RoundDefaults.MachineRoomUpkeep));
    }
}
