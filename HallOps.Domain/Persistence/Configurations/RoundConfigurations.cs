using HallOps.Domain.Rounds;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class RoundTemplateConfiguration : IEntityTypeConfiguration<RoundTemplate>
{
    public void Configure(EntityTypeBuilder<RoundTemplate> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundTemplateItemConfiguration : IEntityTypeConfiguration<RoundTemplateItem>
{
    public void Configure(EntityTypeBuilder<RoundTemplateItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(200);
        builder.Property(i => i.Regulation).HasMaxLength(10);
        builder.HasIndex(i => new { i.TemplateId, i.Order }).IsUnique();
    }
}

internal sealed class RoundScheduleEntryConfiguration : IEntityTypeConfiguration<RoundScheduleEntry>
{
    public void Configure(EntityTypeBuilder<RoundScheduleEntry> builder)
    {
        builder.ToTable("RoundSchedules");
        builder.Property(s => s.Rule).HasMaxLength(200);
        builder.Property(s => s.AssigneeRole).HasMaxLength(50);
        builder.HasOne(s => s.Template).WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundInstanceConfiguration : IEntityTypeConfiguration<RoundInstance>
{
    public void Configure(EntityTypeBuilder<RoundInstance> builder)
    {
        builder.ToTable("Rounds");
        builder.Property(r => r.OccurrenceKey).HasMaxLength(150);
        builder.Property(r => r.Subject).HasMaxLength(100);
        builder.Property(r => r.AssigneeRole).HasMaxLength(50);
        builder.Property(r => r.StartedBy).HasMaxLength(256);
        builder.Property(r => r.CompletedBy).HasMaxLength(256);
        builder.Property(r => r.OutOfWindowReason).HasMaxLength(500);
        builder.Property(r => r.VerifiedBy).HasMaxLength(256);
        builder.Property(r => r.VerifyNote).HasMaxLength(500);
        builder.Property(r => r.ManualEntryReason).HasMaxLength(500);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.IsOpen);
        // One instance per occurrence and place: a scheduler run twice creates nothing twice.
        builder.HasIndex(r => r.OccurrenceKey).IsUnique();
        // The monitor reads only the rounds whose line has passed.
        builder.HasIndex(r => r.NextCheckAt);
        builder.HasIndex(r => new { r.Kind, r.DueFrom });
        builder.HasIndex(r => new { r.WindowId, r.DueFrom });
        builder.HasOne(r => r.Template).WithMany().HasForeignKey(r => r.TemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Checks).WithOne().HasForeignKey(c => c.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RoundCheckConfiguration : IEntityTypeConfiguration<RoundCheck>
{
    public void Configure(EntityTypeBuilder<RoundCheck> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(200);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.Photo).HasMaxLength(200);
        builder.Property(c => c.CheckedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.InstanceId, c.Order }).IsUnique();
    }
}

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Token).HasMaxLength(40);
        builder.HasIndex(c => c.Token).IsUnique();
    }
}

internal sealed class GuardShiftConfiguration : IEntityTypeConfiguration<GuardShift>
{
    public void Configure(EntityTypeBuilder<GuardShift> builder)
    {
        builder.Property(s => s.GuardUserId).HasMaxLength(450);
        builder.Property(s => s.GuardName).HasMaxLength(256);
        builder.Property(s => s.HandoverNote).HasMaxLength(1000);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.StartedAt);
    }
}

internal sealed class RoundExceptionConfiguration : IEntityTypeConfiguration<RoundException>
{
    public void Configure(EntityTypeBuilder<RoundException> builder)
    {
        builder.Property(e => e.Item).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.Photo).HasMaxLength(200);
        builder.Property(e => e.FoundBy).HasMaxLength(256);
        builder.Property(e => e.AcknowledgedBy).HasMaxLength(256);
        builder.Property(e => e.AckNote).HasMaxLength(500);
        builder.Property(e => e.ClosedBy).HasMaxLength(256);
        builder.Property(e => e.CloseNote).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.WindowId, e.FoundAt });
        builder.HasIndex(e => e.RoundId);
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> builder)
    {
        builder.Property(r => r.Item).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(500);
        builder.Property(r => r.RaisedBy).HasMaxLength(256);
        builder.Property(r => r.DoneBy).HasMaxLength(256);
        builder.Property(r => r.DoneNote).HasMaxLength(500);
        builder.Property(r => r.ConfirmedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.WindowId, r.DueOn });
        builder.HasIndex(r => r.RoundId);
    }
}

internal sealed class FireEquipmentConfiguration : IEntityTypeConfiguration<FireEquipment>
{
    public void Configure(EntityTypeBuilder<FireEquipment> builder)
    {
        builder.ToTable("FireEquipment");
        builder.Property(f => f.Code).HasMaxLength(50);
        builder.Property(f => f.Location).HasMaxLength(200);
        builder.Property(f => f.LastInspectedBy).HasMaxLength(256);
        builder.Property(f => f.LastNote).HasMaxLength(500);
        builder.Property(f => f.Version).IsConcurrencyToken();
        builder.HasIndex(f => f.Code).IsUnique();
        builder.HasIndex(f => f.NextInspectionOn);
    }
}

internal sealed class GoodsOutEntryConfiguration : IEntityTypeConfiguration<GoodsOutEntry>
{
    public void Configure(EntityTypeBuilder<GoodsOutEntry> builder)
    {
        builder.ToTable("GoodsOut");
        builder.Property(g => g.Item).HasMaxLength(200);
        builder.Property(g => g.TakenBy).HasMaxLength(100);
        builder.Property(g => g.TakenByUnit).HasMaxLength(200);
        builder.Property(g => g.ApprovedBy).HasMaxLength(100);
        builder.Property(g => g.CheckedBy).HasMaxLength(256);
        builder.Property(g => g.ReturnCheckedBy).HasMaxLength(256);
        builder.Property(g => g.Note).HasMaxLength(500);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => g.TakenOutAt);
    }
}

internal sealed class HazardReportConfiguration : IEntityTypeConfiguration<HazardReport>
{
    public void Configure(EntityTypeBuilder<HazardReport> builder)
    {
        builder.Property(h => h.Location).HasMaxLength(200);
        builder.Property(h => h.Description).HasMaxLength(1000);
        builder.Property(h => h.Photo).HasMaxLength(200);
        builder.Property(h => h.ReportedBy).HasMaxLength(256);
        builder.Property(h => h.ClosedBy).HasMaxLength(256);
        builder.Property(h => h.CloseNote).HasMaxLength(500);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasIndex(h => h.ReportedAt);
    }
}
