using HallOps.Domain.Complaints;
using HallOps.Domain.Hall;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class InquiryConfiguration : IEntityTypeConfiguration<Inquiry>
{
    public void Configure(EntityTypeBuilder<Inquiry> builder)
    {
        builder.Property(i => i.Subject).HasMaxLength(200);
        builder.Property(i => i.ResponderUserName).HasMaxLength(256);
        builder.Property(i => i.ResponderName).HasMaxLength(100);
        builder.Property(i => i.PersonName).HasMaxLength(50);
        builder.Property(i => i.PersonPhone).HasMaxLength(30);
        builder.Property(i => i.Answer).HasMaxLength(1000);
        builder.Property(i => i.WrittenNotice).HasMaxLength(4000);
        builder.Property(i => i.DepartmentName).HasMaxLength(100);
        builder.Property(i => i.DepartmentAddress).HasMaxLength(200);
        builder.Property(i => i.DepartmentPhone).HasMaxLength(50);
        builder.Property(i => i.FeedbackNote).HasMaxLength(500);
        builder.Property(i => i.ClosedBy).HasMaxLength(256);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.ReceivedAt);
        builder.HasIndex(i => new { i.ResponderUserName, i.ReceivedAt });
        // The end-of-day scan: open inquiries without a disposition.
        builder.HasIndex(i => new { i.Disposition, i.ClosedAt });
        builder.HasIndex(i => i.ComplaintId);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(i => i.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(i => i.TargetWindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.ResponderStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(i => i.HandlerStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.Address).HasMaxLength(200);
        builder.Property(d => d.Phone).HasMaxLength(50);
        builder.Property(d => d.Note).HasMaxLength(200);
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(30);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.ReceivedBy).HasMaxLength(256);
        builder.Property(c => c.ComplainantName).HasMaxLength(50);
        builder.Property(c => c.ComplainantPhone).HasMaxLength(30);
        builder.Property(c => c.Content).HasMaxLength(2000);
        builder.Property(c => c.RatingReference).HasMaxLength(100);
        // One complaint per imported rating: a file imported twice opens nothing twice.
        builder.HasIndex(c => c.RatingReference).IsUnique();
        // One complaint per inquiry.
        builder.HasIndex(c => c.InquiryId).IsUnique();
        builder.Property(c => c.OutcomeNote).HasMaxLength(1000);
        builder.Property(c => c.ReplyNote).HasMaxLength(500);
        builder.Property(c => c.CallBackNote).HasMaxLength(500);
        builder.Property(c => c.FixNote).HasMaxLength(1000);
        builder.Property(c => c.ClosedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.Status, c.DueAt });
        builder.HasIndex(c => c.ReceivedAt);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.SubjectStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(c => c.SubjectWindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintNoteConfiguration : IEntityTypeConfiguration<ComplaintNote>
{
    public void Configure(EntityTypeBuilder<ComplaintNote> builder)
    {
        builder.Property(n => n.By).HasMaxLength(256);
        builder.Property(n => n.Text).HasMaxLength(1000);
    }
}
