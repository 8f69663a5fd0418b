using HallOps.Domain.Rounds;
using HallOps.Domain.Appointments;
using HallOps.Domain.Network;
using HallOps.Domain.Accountability;
using HallOps.Domain.Cases;
using HallOps.Domain.Complaints;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Alerts;
using HallOps.Domain.Audit;
using HallOps.Domain.Calendar;
using HallOps.Domain.Coverage;
using HallOps.Domain.Events;
using HallOps.Domain.Hall;
using HallOps.Domain.Identity;
using HallOps.Domain.Jobs;
using HallOps.Domain.Staffing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Domain.Persistence;

/// <summary>
/// The one model of the hall. Each database has a subclass (<see cref="SqliteHallDbContext"/>,
/// <see cref="PostgreSqlHallDbContext"/>,
/// <see cref="SqlServerHallDbContext"/>) with its own migrations; code depends on this type only.
/// </summary>
public abstract class HallDbContext(DbContextOptions options)
    : IdentityDbContext<HallUser>(options), IDataProtectionKeyContext
{
    public DbSet<Floor> Floors => Set<Floor>();
    public DbSet<HomeUnit> HomeUnits => Set<HomeUnit>();
    public DbSet<ServiceWindow> Windows => Set<ServiceWindow>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostHolder> PostHolders => Set<PostHolder>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<JobHeartbeat> JobHeartbeats => Set<JobHeartbeat>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StaffPresence> Presences => Set<StaffPresence>();
    public DbSet<PresenceEvent> PresenceEvents => Set<PresenceEvent>();
    public DbSet<PlannedLeave> PlannedLeaves => Set<PlannedLeave>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<Matter> Matters => Set<Matter>();
    public DbSet<MatterVersion> MatterVersions => Set<MatterVersion>();
    public DbSet<ServiceCase> Cases => Set<ServiceCase>();
    public DbSet<CasePause> CasePauses => Set<CasePause>();
    public DbSet<CaseExtension> CaseExtensions => Set<CaseExtension>();
    public DbSet<CaseNotice> CaseNotices => Set<CaseNotice>();
    public DbSet<DerelictionRecord> DerelictionRecords => Set<DerelictionRecord>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<RoundTemplate> RoundTemplates => Set<RoundTemplate>();
    public DbSet<RoundScheduleEntry> RoundSchedules => Set<RoundScheduleEntry>();
    public DbSet<RoundInstance> Rounds => Set<RoundInstance>();
    public DbSet<RoundCheck> RoundChecks => Set<RoundCheck>();
    public DbSet<Checkpoint> Checkpoints => Set<Checkpoint>();
    public DbSet<GuardShift> GuardShifts => Set<GuardShift>();
    public DbSet<RoundException> RoundExceptions => Set<RoundException>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<FireEquipment> FireEquipment => Set<FireEquipment>();
    public DbSet<GoodsOutEntry> GoodsOut => Set<GoodsOutEntry>();
    public DbSet<HazardReport> HazardReports => Set<HazardReport>();
    public DbSet<Inquiry> Inquiries => Set<Inquiry>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintNote> ComplaintNotes => Set<ComplaintNote>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<CompTimeEntry> CompTimeEntries => Set<CompTimeEntry>();
    public DbSet<AppointmentReport> AppointmentReports => Set<AppointmentReport>();
    public DbSet<Equipment> Equipment => Set<Equipment>();
    public DbSet<EquipmentEvent> EquipmentEvents => Set<EquipmentEvent>();
    public DbSet<VirusIncident> VirusIncidents => Set<VirusIncident>();
    public DbSet<MediaScan> MediaScans => Set<MediaScan>();
    public DbSet<MachineRoomEntry> MachineRoomEntries => Set<MachineRoomEntry>();

    /// <summary>Events raised with <see cref="Raise"/> or by changed entities, published after the commit.</summary>
    internal List<(string Kind, string Subject)> PendingEvents { get; } = [];

    /// <summary>Audit lines waiting for the keys the database generates on insert.</summary>
    internal List<PendingAudit> PendingAudits { get; } = [];

    /// <summary>Changed entities whose subjects are published once the commit is done.</summary>
    internal List<IPublishesChanges> ChangedSubjects { get; } = [];

    internal Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? OwnedTransaction { get; set; }

    internal bool SavingAudit { get; set; }

    /// <summary>The SQLite write gate this context holds for its save or transaction (<see cref="SqliteWriteGate"/>).</summary>
    internal SemaphoreSlim? HeldWriteGate { get; set; }

    /// <summary>Raises a hall event that is published only once this context's changes are committed.</summary>
    public void Raise(string kind, string subject) => PendingEvents.Add((kind, subject));

    // Contexts are pooled: what one use left (events of a transaction never committed nor rolled
    // back, audit lines of a save that never finished) must not reach the next. A write gate still
    // held (a transaction disposed unfinished) goes back once the transaction is rolled back.
    public override void Dispose()
    {
        ForgetPending();
        var gate = TakeWriteGate();
        base.Dispose();
        gate?.Release();
    }

    public override async ValueTask DisposeAsync()
    {
        ForgetPending();
        var gate = TakeWriteGate();
        await base.DisposeAsync();
        gate?.Release();
    }

    /// <summary>The write gate this context held, if any, no longer marked held (the caller releases it).</summary>
    internal SemaphoreSlim? TakeWriteGate()
    {
        var gate = HeldWriteGate;
        HeldWriteGate = null;
        return gate;
    }

    private void ForgetPending()
    {
        PendingEvents.Clear();
        PendingAudits.Clear();
        ChangedSubjects.Clear();
        OwnedTransaction = null;
        SavingAudit = false;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(HallDbContext).Assembly);
    }

    /// <summary>
    /// Index filters are written for SQL Server, comparing a flag with 1 (<c>"IsOpen" = 1</c>); this
    /// writes them as the bare flag (<c>"IsOpen"</c>), for the databases whose own queries test a flag
    /// that way (EF Core's SQLite and PostgreSQL SQL).
    /// </summary>
    protected static void FiltersTestFlagsBare(ModelBuilder builder)
    {
        foreach (var index in builder.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()))
        {
            var filter = index.GetFilter();
            if (filter is null)
            {
                continue;
            }
            foreach (var property in index.DeclaringEntityType.GetProperties().Where(p => p.ClrType == typeof(bool)))
            {
                filter = filter.Replace($"\"{property.GetColumnName()}\" = 1", $"\"{property.GetColumnName()}\"", StringComparison.Ordinal);
            }
            index.SetFilter(filter);
        }
    }
}
