using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Support;

/// <summary>
/// Takes some of the app's own jobs off a test host, so the test decides when they run: their
/// minute schedule goes, and any run already queued (the app enqueues several once at start, and
/// the schedule may have just fired) is deleted, or waited for if it is already running.
/// </summary>
public static class HallJobs
{
    public static async Task TakeOffAsync(IServiceProvider services, params (string RecurringId, Type Job)[] jobs)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        foreach (var (id, _) in jobs)
        {
            recurring.RemoveIfExists(id);
        }
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var client = services.GetRequiredService<IBackgroundJobClient>();
        bool Ours(Job? job) => jobs.Any(j => job?.Type == j.Job);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            foreach (var queue in monitoring.Queues())
            {
                foreach (var (id, _) in monitoring.EnqueuedJobs(queue.Name, 0, 1000).Where(j => Ours(j.Value?.Job)))
                {
                    client.Delete(id);
                }
            }
            if (!monitoring.ProcessingJobs(0, 1000).Any(j => Ours(j.Value?.Job)) || waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                return;
            }
            await Task.Delay(50);
        }
    }
}
