using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.SqlServer;
using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Jobs;
using HallOps.Web.Identity;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Extensions;

public static class JobsRegistration
{
    /// <summary>
    /// Hangfire: in-memory storage in the embedded (SQLite) mode — the database is the truth, jobs
    /// only scan it — and SQL Server storage in production, where instances share the work.
    /// </summary>
    public static WebApplicationBuilder AddHallJobs(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{HallOptions.Section}:{nameof(HallOptions.DatabaseProvider)}"];
        var database = HallDatabase.Named(string.IsNullOrEmpty(provider) ? HallDatabase.Sqlite.Name : provider);
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database == HallDatabase.SqlServer)
            {
                config.UseSqlServerStorage(builder.Configuration.GetConnectionString("Hall"), new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromSeconds(5),
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });
        builder.Services.AddHangfireServer(options =>
        {
            options.WorkerCount = 2;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        builder.Services.AddTransient<HeartbeatJob>();
        builder.Services.AddTransient<CoverageScanJob>();
        builder.Services.AddTransient<RoundPlanJob>();
        builder.Services.AddTransient<RoundMonitorJob>();
        builder.Services.AddTransient<ShutdownReminderJob>();
        builder.Services.AddTransient<AppointmentJob>();
        builder.Services.AddTransient<CaseDeadlineScanJob>();
        builder.Services.AddTransient<ComplaintDeadlineJob>();
        builder.Services.AddTransient<ItIncidentJob>();
        builder.Services.AddTransient<RectificationOverdueJob>();
        builder.Services.AddTransient<FireEquipmentJob>();
        builder.Services.AddTransient<DerelictionDraftJob>();
        builder.Services.AddTransient<InquiryEndOfDayJob>();
        builder.Services.AddTransient<AppointmentReportJob>();
        builder.Services.AddTransient<BootPasswordJob>();
        return builder;
    }

    /// <summary>Declares the recurring jobs and maps the dashboard for administrators.</summary>
    public static WebApplication UseHallJobs(this WebApplication app)
    {
        var zone = app.Services.GetRequiredService<IOptions<HallOptions>>().Value.Zone();
        JobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>(), zone);
        JobSchedule.RunOnStart(app.Services.GetRequiredService<IBackgroundJobClient>());
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new AdminDashboardFilter()],
            DisplayStorageConnectionString = false,
            AppPath = "/",
        }).RequireAuthorization(HallPolicies.Administer);
        return app;
    }

    /// <summary>The dashboard re-checks the role itself, not Hangfire's local-requests-only default.</summary>
    private sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(HallRoles.Admin);
    }
}
