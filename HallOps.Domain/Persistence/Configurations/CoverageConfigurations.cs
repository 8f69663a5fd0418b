using HallOps.Domain.Alerts;
using HallOps.Domain.Coverage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class StaffPresenceConfiguration : IEntityTypeConfiguration<StaffPresence>
{
    public void Configure(EntityTypeBuilder<StaffPresence> builder)
    {
        builder.HasKey(p => p.StaffMemberId);
        builder.HasOne(p => p.StaffMember).WithOne().HasForeignKey<StaffPresence>(p => p.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.HandoverNote).HasMaxLength(500);
    }
}

internal sealed class PresenceEventConfiguration : IEntityTypeConfiguration<PresenceEvent>
{
    public void Configure(EntityTypeBuilder<PresenceEvent> builder)
    {
        builder.Property(p => p.HandoverNote).HasMaxLength(500);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.StaffMemberId, p.At });
        // The handovers a person received today (AB3): their own rows, not the whole day's.
        builder.HasIndex(p => new { p.HandoverToStaffId, p.At });
        builder.HasIndex(p => p.At);
    }
}

internal sealed class PlannedLeaveConfiguration : IEntityTypeConfiguration<PlannedLeave>
{
    public void Configure(EntityTypeBuilder<PlannedLeave> builder)
    {
        builder.HasOne(l => l.StaffMember).WithMany().HasForeignKey(l => l.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.Note).HasMaxLength(200);
        builder.Property(l => l.RecordedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.StaffMemberId, l.From });
        builder.HasIndex(l => l.To);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(50);
        builder.Property(a => a.Subject).HasMaxLength(100);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.Property(a => a.AcknowledgedByUserId).HasMaxLength(450);
        builder.Property(a => a.AckNote).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // One open alert per (kind, subject), whatever retries or instances do.
        builder.HasIndex(a => new { a.Kind, a.Subject }).IsUnique().HasFilter("\"IsOpen\" = 1").HasDatabaseName("IX_Alerts_Open_Kind_Subject");
        builder.HasIndex(a => new { a.IsOpen, a.RaisedAt });
        builder.HasIndex(a => a.ResolvedAt);
    }
}
