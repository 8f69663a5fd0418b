using Hangfire;
using HallOps.Domain.Persistence;
using HallOps.Jobs;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Extensions;

public static class JobCronRegistration
{
    /// <summary>
    /// Applies the configured schedules (<c>Hall:Jobs:Cron:&lt;job-id&gt;</c>, e.g. a seconds-level cron for a
    /// test of the shared job storage) over the declared ones; without any, nothing changes. Runs after
    /// <see cref="JobsRegistration.UseHallJobs"/>, which declares the jobs with their own schedules.
    /// </summary>
    public static WebApplication UseHallJobCronOverrides(this WebApplication app)
    {
        var overrides = app.Configuration.GetSection(JobSchedule.CronSection).GetChildren()
            .Where(entry => !string.IsNullOrWhiteSpace(entry.Value))
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);
        if (overrides.Count > 0)
        {
            var zone = app.Services.GetRequiredService<IOptions<HallOptions>>().Value.Zone();
            JobSchedule.Register(app.Services.GetRequiredService<IRecurringJobManager>(), zone, overrides);
        }
        return app;
    }
}
