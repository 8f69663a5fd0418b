using Hangfire;

namespace HallOps.Jobs;

/// <summary>Every recurring job of the hall, declared in one place: a stable id, a schedule, the hall's time zone.</summary>
public static class JobSchedule
{
    /// <summary>The configuration section whose keys are job ids and values cron expressions (Hall:Jobs:Cron:&lt;job-id&gt;).</summary>
    public const string CronSection = "Hall:Jobs:Cron";

    /// <summary>
    /// Declares every recurring job. <paramref name="cronOverrides"/> (job id → cron, from
    /// <see cref="CronSection"/>) replaces a job's schedule, e.g. a seconds-level cron ("*/10 * * * * *")
    /// for a test of the shared job storage; an unknown id or an unreadable cron stops the start.
    /// </summary>
    public static void Register(IRecurringJobManager jobs, TimeZoneInfo hallZone, IReadOnlyDictionary<string, string>? cronOverrides = null)
    {
        var options = new RecurringJobOptions { TimeZone = hallZone };
        var overrides = cronOverrides ?? new Dictionary<string, string>();
        if (overrides.Keys.FirstOrDefault(id => Recurring.All(job => job.Id != id)) is { } unknown)
        {
            throw new InvalidOperationException($"{CronSection}:{unknown}: there is no recurring job with this id.");
        }
        foreach (var job in Recurring)
        {
            var cron = overrides.TryGetValue(job.Id, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured.Trim() : job.Cron;
            job.Add(jobs, cron, options);
        }
    }

    /// <summary>Every recurring job: its id, its schedule, how to declare it.</summary>
    private static readonly RecurringJob[] Recurring =
    [
        new(HeartbeatJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<HeartbeatJob>(HeartbeatJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(CoverageScanJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<CoverageScanJob>(CoverageScanJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(RoundPlanJob.Id, "*/15 * * * *", (jobs, cron, options) => jobs.AddOrUpdate<RoundPlanJob>(RoundPlanJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(RoundMonitorJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<RoundMonitorJob>(RoundMonitorJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(ShutdownReminderJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<ShutdownReminderJob>(ShutdownReminderJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(CaseDeadlineScanJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<CaseDeadlineScanJob>(CaseDeadlineScanJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(RectificationOverdueJob.Id, Hangfire.Cron.Hourly(), (jobs, cron, options) => jobs.AddOrUpdate<RectificationOverdueJob>(RectificationOverdueJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(FireEquipmentJob.Id, FireEquipmentJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<FireEquipmentJob>(FireEquipmentJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(DerelictionDraftJob.Id, DerelictionDraftJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<DerelictionDraftJob>(DerelictionDraftJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(InquiryEndOfDayJob.Id, InquiryEndOfDayJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<InquiryEndOfDayJob>(InquiryEndOfDayJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(AppointmentJob.Id, Hangfire.Cron.Minutely(), (jobs, cron, options) => jobs.AddOrUpdate<AppointmentJob>(AppointmentJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(ComplaintDeadlineJob.Id, ComplaintDeadlineJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<ComplaintDeadlineJob>(ComplaintDeadlineJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(AppointmentReportJob.Id, AppointmentReportJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<AppointmentReportJob>(AppointmentReportJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(ItIncidentJob.Id, ItIncidentJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<ItIncidentJob>(ItIncidentJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
        new(BootPasswordJob.Id, BootPasswordJob.Cron, (jobs, cron, options) => jobs.AddOrUpdate<BootPasswordJob>(BootPasswordJob.Id, job => job.RunAsync(CancellationToken.None), cron, options)),
    ];

    private sealed record RecurringJob(string Id, string Cron, Action<IRecurringJobManager, string, RecurringJobOptions> Add);

    /// <summary>Jobs run once at start, so the status is known without waiting for the first minute.</summary>
    public static void RunOnStart(IBackgroundJobClient jobs)
    {
        jobs.Enqueue<HeartbeatJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<CoverageScanJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<RoundPlanJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<ShutdownReminderJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<CaseDeadlineScanJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<RectificationOverdueJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<FireEquipmentJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<InquiryEndOfDayJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<ComplaintDeadlineJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<ItIncidentJob>(job => job.RunAsync(CancellationToken.None));
        jobs.Enqueue<BootPasswordJob>(job => job.RunAsync(CancellationToken.None));
    }
}
