using HallOps.Domain.Rounds;
using HallOps.Domain.Calendar;
using HallOps.Domain.Cases;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Persistence;
using HallOps.Web.Cases;
using HallOps.Web.Seeding;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Extensions;

public static class DataRegistration
{
    /// <summary>The database (Sqlite default, SqlServer, PostgreSql), the clock, the event feed and the calendar.</summary>
    public static WebApplicationBuilder AddHallData(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(HallOptions.Section);
        builder.Services.Configure<HallOptions>(section);
        var options = section.Get<HallOptions>() ?? new HallOptions();

        var database = HallDatabase.Named(options.DatabaseProvider);
        var connectionString = builder.Configuration.GetConnectionString("Hall")
            ?? (database == HallDatabase.Sqlite ? DefaultSqlite(builder.Environment) : null)
            ?? throw new InvalidOperationException($"ConnectionStrings:Hall is required for {database.Name}.");

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<HallEventFeed>();
        builder.Services.AddSingleton<HallSaveChangesInterceptor>();
        builder.Services.AddHallDbContext(database, connectionString);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(new CalendarSettings(options.Zone(), OpeningHours.From(options.OpeningHours)));
        builder.Services.AddSingleton<CalendarSource>();
        builder.Services.AddSingleton(new AlertTiming(
            TimeSpan.FromMinutes(options.AlertAckTimeoutMinutes), TimeSpan.FromMinutes(options.AlertReAlertMinutes)));
        builder.Services.AddSingleton<CoverageMonitor>();
        builder.Services.AddSingleton<RoundPlanner>();
        builder.Services.AddSingleton<RoundMonitor>();
        builder.Services.AddSingleton(new ShutdownSettings(
            options.Rounds.ReminderAfterClosingMinutes, options.Rounds.HandToGuardAfterClosingMinutes));
        builder.Services.AddSingleton<ShutdownRoutine>();
        builder.Services.AddSingleton<HallOps.Domain.Appointments.AppointmentMonitor>();
        builder.Services.AddSingleton<RectificationMonitor>();
        builder.Services.AddSingleton<FireEquipmentMonitor>();
        builder.Services.AddSingleton(new HallOps.Domain.Network.BootPasswordSettings(options.Network.BootPasswordGraceWorkingDays));
        builder.Services.AddSingleton<HallOps.Domain.Network.BootPasswordMonitor>();
        builder.Services.AddSingleton<HallOps.Domain.Inquiries.InquiryEndOfDay>();
        if (options.CaseDueSoonWorkingDays is < 0 or > 20)
        {
            throw new InvalidOperationException(
                $"Hall:CaseDueSoonWorkingDays must be between 0 and 20 working days (it is {options.CaseDueSoonWorkingDays}).");
        }
        builder.Services.AddSingleton(new CaseDeadlineSettings(options.CaseDueSoonWorkingDays));
        builder.Services.AddSingleton<IOverdueWording, OverdueWording>();
        builder.Services.AddSingleton<CaseDeadlineScanner>();
        builder.Services.AddSingleton<HallOps.Domain.Accountability.IDerelictionDraftWording, HallOps.Web.Accountability.DerelictionDraftWording>();
        builder.Services.AddSingleton<HallOps.Domain.Accountability.DerelictionDrafter>();
        builder.Services.AddSingleton<HallOps.Domain.Complaints.ComplaintDeadlineScanner>();
        builder.Services.AddSingleton<HallOps.Domain.Appointments.AppointmentReporter>();
        builder.Services.AddSingleton<HallOps.Domain.Network.ItIncidentMonitor>();
        builder.Services.AddHostedService<CaseCalendarWatcher>();
        builder.Services.AddScoped<HallDatabaseSetup>();
        builder.Services.AddScoped<DemoHallSeeder>();
        return builder;
    }

    /// <summary>Migrates, seeds and bootstraps before the app takes requests.</summary>
    public static async Task PrepareHallDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<HallDatabaseSetup>().RunAsync(app.Lifetime.ApplicationStopping);
        var options = app.Services.GetRequiredService<IOptions<HallOptions>>().Value;
        if (options.DemoSeed)
        {
            app.Lifetime.ApplicationStarted.Register(() => DemoHallSeeder.PrintWelcome(app));
        }
    }

    private static string DefaultSqlite(IWebHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "hallops.db")};Default Timeout=30";
    }
}
