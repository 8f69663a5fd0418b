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
