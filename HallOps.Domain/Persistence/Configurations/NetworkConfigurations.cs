using HallOps.Domain.Hall;
using HallOps.Domain.Network;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HallOps.Domain.Persistence.Configurations;

internal sealed class EquipmentConfiguration : IEntityTypeConfiguration<Equipment>
{
    public void Configure(EntityTypeBuilder<Equipment> builder)
    {
        builder.ToTable("Equipment");
        builder.Property(e => e.AssetNumber).HasMaxLength(50);
        // Stored upper-case: one asset number, whatever the case it is typed in, on every provider.
        builder.HasIndex(e => e.AssetNumber).IsUnique();
        builder.Property(e => e.Model).HasMaxLength(100);
        builder.Property(e => e.Room).HasMaxLength(100);
        builder.Property(e => e.BootPasswordConfirmedBy).HasMaxLength(256);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.WindowId);
        builder.HasIndex(e => e.HolderStaffId);
        builder.HasIndex(e => e.NextMaintenanceOn);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(e => e.WindowId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.HolderStaffId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.History).WithOne().HasForeignKey(h => h.EquipmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EquipmentEventConfiguration : IEntityTypeConfiguration<EquipmentEvent>
{
    public void Configure(EntityTypeBuilder<EquipmentEvent> builder)
    {
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.From).HasMaxLength(200);
        builder.Property(e => e.To).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.HasIndex(e => new { e.EquipmentId, e.At });
    }
}

internal sealed class VirusIncidentConfiguration : IEntityTypeConfiguration<VirusIncident>
{
    public void Configure(EntityTypeBuilder<VirusIncident> builder)
    {
        builder.Property(v => v.Number).HasMaxLength(30);
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.AssetNumber).HasMaxLength(50);
        builder.Property(v => v.ReportedBy).HasMaxLength(256);
        builder.Property(v => v.Description).HasMaxLength(1000);
        builder.Property(v => v.VirusName).HasMaxLength(200);
        builder.Property(v => v.FixedBy).HasMaxLength(256);
        builder.Property(v => v.FixNote).HasMaxLength(1000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasIndex(v => new { v.Status, v.ReportedAt });
        // A positive scan opens one incident, whatever retries do.
        builder.HasIndex(v => v.MediaScanId).IsUnique();
        builder.HasOne<Equipment>().WithMany().HasForeignKey(v => v.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(v => v.WindowId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediaScanConfiguration : IEntityTypeConfiguration<MediaScan>
{
    public void Configure(EntityTypeBuilder<MediaScan> builder)
    {
        builder.Property(m => m.Owner).HasMaxLength(50);
        builder.Property(m => m.OwnerUnit).HasMaxLength(100);
        builder.Property(m => m.Purpose).HasMaxLength(200);
        builder.Property(m => m.Antivirus).HasMaxLength(100);
        builder.Property(m => m.VirusName).HasMaxLength(200);
        builder.Property(m => m.ScannedBy).HasMaxLength(256);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.HasIndex(m => m.ScannedAt);
        builder.HasOne<Equipment>().WithMany().HasForeignKey(m => m.EquipmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceWindow>().WithMany().HasForeignKey(m => m.WindowId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MachineRoomEntryConfiguration : IEntityTypeConfiguration<MachineRoomEntry>
{
    public void Configure(EntityTypeBuilder<MachineRoomEntry> builder)
    {
        builder.Property(m => m.Person).HasMaxLength(50);
        builder.Property(m => m.Unit).HasMaxLength(100);
        builder.Property(m => m.Purpose).HasMaxLength(200);
        builder.Property(m => m.AccompaniedBy).HasMaxLength(50);
        builder.Property(m => m.ApprovedBy).HasMaxLength(50);
        builder.Property(m => m.RecordedBy).HasMaxLength(256);
        builder.Property(m => m.Note).HasMaxLength(500);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => m.EnteredAt);
    }
}
