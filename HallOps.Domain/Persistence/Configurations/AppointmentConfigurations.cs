using HallOps.Domain.Appointments;
using HallOps.Domain.Cases;
using HallOps.Domain.Coverage;
using HallOps.Domain.Hall;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Number).HasMaxLength(30);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.PublicToken).HasMaxLength(40);
        builder.HasIndex(a => a.PublicToken).IsUnique();
        builder.Property(a => a.RequesterName).HasMaxLength(50);
        builder.Property(a => a.OrganisationName).HasMaxLength(100);
        builder.Property(a => a.Phone).HasMaxLength(30);
        builder.Property(a => a.MatterName).HasMaxLength(200);
        builder.Property(a => a.RequesterNote).HasMaxLength(500);
        builder.Property(a => a.RequestedBy).HasMaxLength(256);
        builder.Property(a => a.RepliedBy).HasMaxLength(256);
        builder.Property(a => a.ServingStaffName).HasMaxLength(50);
        builder.Property(a => a.ServingStaffPhone).HasMaxLength(30);
        builder.Property(a => a.MaterialsList).HasMaxLength(8000);
        builder.Property(a => a.DeclineReason).HasMaxLength(500);
        builder.Property(a => a.DeclineApprovedBy).HasMaxLength(100);
        builder.Property(a => a.CompletedBy).HasMaxLength(256);
        builder.Property(a => a.CompletionNote).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        // The reply scan (open requests by deadline), the day's and the week's lists.
        builder.HasIndex(a => new { a.Status, a.ReplyDueAt });
        builder.HasIndex(a => a.SlotStart);
        builder.HasIndex(a => new { a.WindowId, a.SlotStart });
        builder.HasIndex(a => new { a.ServingStaffId, a.SlotStart });
        builder.HasOne<Matter>().WithMany().HasForeignKey(a => a.MatterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(a => a.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(a => a.ServingStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompTimeEntryConfiguration : IEntityTypeConfiguration<CompTimeEntry>
{
    public void Configure(EntityTypeBuilder<CompTimeEntry> builder)
    {
        builder.Property(c => c.Note).HasMaxLength(200);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.HasIndex(c => c.StaffMemberId);
        // One earned line per appointment served: a retried completion credits nothing twice.
        builder.HasIndex(c => c.AppointmentId).IsUnique();
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlannedLeave>().WithMany().HasForeignKey(c => c.PlannedLeaveId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AppointmentReportConfiguration : IEntityTypeConfiguration<AppointmentReport>
{
    public void Configure(EntityTypeBuilder<AppointmentReport> builder)
    {
        builder.HasIndex(r => r.WeekStart).IsUnique();
        builder.Property(r => r.Rows).HasMaxLength(int.MaxValue);
    }
}
