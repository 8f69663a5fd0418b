using HallOps.Domain.Audit;
using HallOps.Domain.Calendar;
using HallOps.Domain.Hall;
using HallOps.Domain.Jobs;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class FloorConfiguration : IEntityTypeConfiguration<Floor>
{
    public void Configure(EntityTypeBuilder<Floor> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(50);
        builder.HasIndex(f => f.Level).IsUnique();
    }
}

internal sealed class HomeUnitConfiguration : IEntityTypeConfiguration<HomeUnit>
{
    public void Configure(EntityTypeBuilder<HomeUnit> builder)
    {
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Phone).HasMaxLength(30);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class ServiceWindowConfiguration : IEntityTypeConfiguration<ServiceWindow>
{
    public void Configure(EntityTypeBuilder<ServiceWindow> builder)
    {
        builder.ToTable("Windows");
        builder.Property(w => w.Name).HasMaxLength(50);
        builder.HasIndex(w => w.Number).IsUnique();
        builder.HasOne(w => w.Floor).WithMany(f => f.Windows).HasForeignKey(w => w.FloorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.HomeUnit).WithMany().HasForeignKey(w => w.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.AppointmentPhone).HasMaxLength(30);
        builder.HasOne<HallOps.Domain.Staffing.StaffMember>().WithMany().HasForeignKey(w => w.ChiefRepresentativeStaffId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.Property(s => s.EmployeeNo).HasMaxLength(20);
        builder.Property(s => s.Phone).HasMaxLength(30);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasIndex(s => s.EmployeeNo).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasOne(s => s.HomeUnit).WithMany().HasForeignKey(s => s.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Duties).HasMaxLength(1000);
        builder.HasOne(p => p.Window).WithMany(w => w.Posts).HasForeignKey(p => p.WindowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PostHolderConfiguration : IEntityTypeConfiguration<PostHolder>
{
    public void Configure(EntityTypeBuilder<PostHolder> builder)
    {
        builder.HasOne(h => h.Post).WithMany(p => p.Holders).HasForeignKey(h => h.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(h => h.StaffMember).WithMany().HasForeignKey(h => h.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.PostId, h.StaffMemberId }).IsUnique();
        // AB1: exactly one A per post.
        builder.HasIndex(h => h.PostId).IsUnique().HasFilter("\"Role\" = 1").HasDatabaseName("IX_PostHolders_PostId_A");
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(50);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityKey).HasMaxLength(100);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.EntityType, a.EntityKey });
        builder.HasIndex(a => a.Actor);
    }
}

internal sealed class JobHeartbeatConfiguration : IEntityTypeConfiguration<JobHeartbeat>
{
    public void Configure(EntityTypeBuilder<JobHeartbeat> builder)
    {
        builder.HasKey(h => h.Name);
        builder.Property(h => h.Name).HasMaxLength(50);
        builder.Property(h => h.Host).HasMaxLength(200);
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> builder)
    {
        builder.HasOne(t => t.Post).WithMany().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.StaffMember).WithMany().HasForeignKey(t => t.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(t => t.Topic).HasMaxLength(200);
        builder.Property(t => t.RecordedBy).HasMaxLength(256);
        builder.Property(t => t.Hours).HasPrecision(5, 1);
        builder.HasIndex(t => new { t.StaffMemberId, t.Date });
    }
}
