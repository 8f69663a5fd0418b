using HallOps.Domain.Audit;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace HallOps.Domain.Persistence;

/// <summary>An audit line for an insert, finished once the database has generated the row's key.</summary>
internal sealed record PendingAudit(AuditEntry Entry, EntityEntry Source);
