using HallOps.Domain.Accountability;
using HallOps.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class MatterConfiguration : IEntityTypeConfiguration<Matter>
{
    public void Configure(EntityTypeBuilder<Matter> builder)
    {
        builder.Property(m => m.Code).HasMaxLength(50);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasOne(m => m.HomeUnit).WithMany().HasForeignKey(m => m.HomeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Window).WithMany().HasForeignKey(m => m.WindowId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(m => m.Versions).WithOne(v => v.Matter).HasForeignKey(v => v.MatterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.CurrentVersion).WithMany().HasForeignKey(m => m.CurrentVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MatterVersionConfiguration : IEntityTypeConfiguration<MatterVersion>
{
    public void Configure(EntityTypeBuilder<MatterVersion> builder)
    {
        builder.HasIndex(v => new { v.MatterId, v.Number }).IsUnique();
        builder.Property(v => v.Guide).HasMaxLength(8000);
        builder.Property(v => v.LegalBasis).HasMaxLength(500);
        builder.Property(v => v.ChangedBy).HasMaxLength(256);
        builder.Property(v => v.ChangeReason).HasMaxLength(500);
        builder.HasMany(v => v.Materials).WithOne().HasForeignKey(m => m.MatterVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatterMaterialConfiguration : IEntityTypeConfiguration<MatterMaterial>
{
    public void Configure(EntityTypeBuilder<MatterMaterial> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Requirement).HasMaxLength(500);
        builder.HasIndex(m => new { m.MatterVersionId, m.Order }).IsUnique();
    }
}

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.Property(c => c.ExternalNumber).HasMaxLength(100);
        builder.Property(c => c.ApplicantName).HasMaxLength(200);
        builder.Property(c => c.ApplicantIdNumber).HasMaxLength(50);
        builder.Property(c => c.ApplicantPhone).HasMaxLength(30);
        builder.Property(c => c.ClosedBy).HasMaxLength(256);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.ExternalNumber).IsUnique();
        // The deadline scan reads only the cases whose light is due to change.
        builder.HasIndex(c => c.NextLightAt);
        builder.HasIndex(c => new { c.State, c.DueAt });
        builder.HasIndex(c => new { c.HandlerStaffId, c.State });
        builder.HasIndex(c => c.ReceivedAt);
        builder.HasIndex(c => c.ClosedAt);
        // The wall's "accepted today", its red/yellow counts and the list's state filter by received date.
        builder.HasIndex(c => c.AcceptedAt);
        builder.HasIndex(c => new { c.Light, c.DueAt });
        builder.HasIndex(c => new { c.State, c.ReceivedAt });
        builder.HasOne(c => c.Matter).WithMany().HasForeignKey(c => c.MatterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.MatterVersion).WithMany().HasForeignKey(c => c.MatterVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Window).WithMany().HasForeignKey(c => c.WindowId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Handler).WithMany().HasForeignKey(c => c.HandlerStaffId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.Pauses).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Notices).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CasePauseConfiguration : IEntityTypeConfiguration<CasePause>
{
    public void Configure(EntityTypeBuilder<CasePause> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(500);
        builder.Property(p => p.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class CaseExtensionConfiguration : IEntityTypeConfiguration<CaseExtension>
{
    public void Configure(EntityTypeBuilder<CaseExtension> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(500);
        builder.Property(e => e.ApprovedBy).HasMaxLength(100);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
    }
}

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> builder)
    {
        builder.Property(n => n.DocumentNumber).HasMaxLength(50);
        builder.Property(n => n.Body).HasMaxLength(8000);
        builder.Property(n => n.IssuedBy).HasMaxLength(256);
        builder.HasIndex(n => n.DocumentNumber).IsUnique();
    }
}

internal sealed class DerelictionRecordConfiguration : IEntityTypeConfiguration<DerelictionRecord>
{
    public void Configure(EntityTypeBuilder<DerelictionRecord> builder)
    {
        builder.Property(d => d.SourceKey).HasMaxLength(100);
        builder.Property(d => d.Summary).HasMaxLength(500);
        builder.Property(d => d.Evidence).HasMaxLength(16000);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.DecidedBy).HasMaxLength(256);
        builder.Property(d => d.Decision).HasMaxLength(1000);
        // One draft per cause: a retried scan or a second instance drafts nothing twice.
        builder.HasIndex(d => d.SourceKey).IsUnique();
        builder.HasIndex(d => new { d.Status, d.CreatedAt });
        builder.HasOne(d => d.StaffMember).WithMany().HasForeignKey(d => d.StaffMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(d => d.DecisionMaker).HasMaxLength(100);
        builder.Property(d => d.ReadBy).HasMaxLength(256);
        builder.Property(d => d.Version).IsConcurrencyToken();
        // A staff member's own records; the month's confirmed records for the assessment.
        builder.HasIndex(d => new { d.StaffMemberId, d.Status });
        builder.HasIndex(d => new { d.Status, d.DecisionDate });
        builder.HasIndex(d => d.ComplaintId);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(50);
    }
}
