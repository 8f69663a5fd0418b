using HallOps.Domain.Audit;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;

namespace HallOps.Domain.Jobs;

/// <summary>The jobs server's last sign of life, one row per beat name. Shown on /health and the wall.</summary>
[NotAudited]
public class JobHeartbeat : IPublishesChanges
{
    public const string Default = "jobs";

    public required string Name { get; set; }

    public DateTimeOffset BeatAt { get; set; }

    public required string Host { get; set; }

    string IPublishesChanges.EventSubject => HallSubjects.Jobs(Name);
}
