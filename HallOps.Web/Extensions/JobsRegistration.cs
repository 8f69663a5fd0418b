using Hangfire;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
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
    /// only scan it — and shared storage in the hall's own database on SQL Server and PostgreSQL,
    /// where instances share the work and each occurrence of a recurring job runs once. The shared
    /// storage is set up to recover from a crashed instance within minutes (Hall:Jobs, README).
    /// </summary>
    public static WebApplicationBuilder AddHallJobs(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration[$"{HallOptions.Section}:{nameof(HallOptions.DatabaseProvider)}"];
        var database = HallDatabase.Named(string.IsNullOrEmpty(provider) ? HallDatabase.Sqlite.Name : provider);
        var jobs = builder.Configuration.GetSection($"{HallOptions.Section}:{nameof(HallOptions.Jobs)}").Get<JobsOptions>() ?? new JobsOptions();
        jobs.Validate();
        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (!jobs.Shared(database.Name))
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions());
            }
            else if (database == HallDatabase.SqlServer)
            {
                // A job fetched by an instance that died is fetched again once its sliding
                // invisibility lapses. Locks are SQL Server application locks owned by the
                // session, released when the dead instance's connection drops.
                config.UseSqlServerStorage(builder.Configuration.GetConnectionString("Hall"), new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    SlidingInvisibilityTimeout = jobs.InvisibilityTimeout,
                    QueuePollInterval = jobs.QueuePollInterval,
                });
            }
            else if (database == HallDatabase.PostgreSql)
            {
                // Locks are rows here: one left by a dead instance (the recurring scheduler's
                // among them) is only taken over after DistributedLockTimeout.
                config.UsePostgreSqlStorage(
                    bootstrap => bootstrap.UseNpgsqlConnection(builder.Configuration.GetConnectionString("Hall")),
                    new PostgreSqlStorageOptions
                    {
                        PrepareSchemaIfNecessary = true,
                        SchemaName = "hangfire",
                        UseSlidingInvisibilityTimeout = true,
                        InvisibilityTimeout = jobs.InvisibilityTimeout,
                        DistributedLockTimeout = jobs.DistributedLockTimeout,
                        QueuePollInterval = jobs.QueuePollInterval,
                    });
            }
            else
            {
                throw new InvalidOperationException($"No shared job storage for {database.Name}.");
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
        // Hall:Jobs:Cron:<job-id> replaces a job's schedule (e.g. a seconds-level cron for a test of the shared job storage).
        var cronOverrides = app.Configuration.GetSection(JobSchedule.CronSection).GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
        JobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>(), zone, cronOverrides);
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
