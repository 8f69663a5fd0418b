using Hangfire;

namespace HallOps.Jobs;

/// <summary>Every recurring job of the hall, declared in one place: a stable id, a schedule, the hall's time zone.</summary>
public static class JobSchedule
{
    public static void Register(IRecurringJobManager jobs, TimeZoneInfo hallZone)
    {
        var options = new RecurringJobOptions { TimeZone = hallZone };
        jobs.AddOrUpdate<HeartbeatJob>(HeartbeatJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CoverageScanJob>(CoverageScanJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<RoundPlanJob>(RoundPlanJob.Id, job => job.RunAsync(CancellationToken.None), "*/15 * * * *", options);
        jobs.AddOrUpdate<RoundMonitorJob>(RoundMonitorJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<ShutdownReminderJob>(ShutdownReminderJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<CaseDeadlineScanJob>(CaseDeadlineScanJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<RectificationOverdueJob>(RectificationOverdueJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), options);
        jobs.AddOrUpdate<FireEquipmentJob>(FireEquipmentJob.Id, job => job.RunAsync(CancellationToken.None), FireEquipmentJob.Cron, options);
        jobs.AddOrUpdate<DerelictionDraftJob>(DerelictionDraftJob.Id, job => job.RunAsync(CancellationToken.None), DerelictionDraftJob.Cron, options);
        jobs.AddOrUpdate<InquiryEndOfDayJob>(InquiryEndOfDayJob.Id, job => job.RunAsync(CancellationToken.None), InquiryEndOfDayJob.Cron, options);
        jobs.AddOrUpdate<AppointmentJob>(AppointmentJob.Id, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), options);
        jobs.AddOrUpdate<ComplaintDeadlineJob>(ComplaintDeadlineJob.Id, job => job.RunAsync(CancellationToken.None), ComplaintDeadlineJob.Cron, options);
        jobs.AddOrUpdate<AppointmentReportJob>(AppointmentReportJob.Id, job => job.RunAsync(CancellationToken.None), AppointmentReportJob.Cron, options);
        jobs.AddOrUpdate<ItIncidentJob>(ItIncidentJob.Id, job => job.RunAsync(CancellationToken.None), ItIncidentJob.Cron, options);
        jobs.AddOrUpdate<BootPasswordJob>(BootPasswordJob.Id, job => job.RunAsync(CancellationToken.None), BootPasswordJob.Cron, options);
    }

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
