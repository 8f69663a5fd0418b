using System.Data.Common;
using System.Reflection;
using System.Text.Json;
using HallOps.Domain.Audit;
using HallOps.Domain.Events;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HallOps.Domain.Persistence;

/// <summary>
/// The one place every state change passes through. Before a save it writes the audit lines (who,
/// what, when, before → after) in the same transaction as the change; after the commit it
/// publishes the hall events the change describes. Features get both by saving through the context.
/// </summary>
public sealed class HallSaveChangesInterceptor(TimeProvider time, HallEventFeed feed)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];
    // Chinese stays readable in the stored lines (the log is read by people, not parsed by browsers).
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is HallDbContext db && !db.SavingAudit && Capture(db))
        {
            db.OwnedTransaction = db.Database.BeginTransaction();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is HallDbContext db && !db.SavingAudit && Capture(db))
        {
            db.OwnedTransaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is HallDbContext db && !db.SavingAudit)
        {
            if (CompletePendingAudits(db))
            {
                Nested(db, () => db.SaveChanges());
            }
            if (db.OwnedTransaction is { } owned)
            {
                db.OwnedTransaction = null;
                owned.Commit();
                owned.Dispose();
            }
            PublishIfCommitted(db);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is HallDbContext db && !db.SavingAudit)
        {
            if (CompletePendingAudits(db))
            {
                db.SavingAudit = true;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                finally
                {
                    db.SavingAudit = false;
                }
            }
            if (db.OwnedTransaction is { } owned)
            {
                db.OwnedTransaction = null;
                await owned.CommitAsync(cancellationToken);
                await owned.DisposeAsync();
            }
            PublishIfCommitted(db);
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction the caller opened: events wait for its commit, and die with its rollback.
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Publish(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>Writes audit lines for every change; returns true when inserts need their keys first.</summary>
    private bool Capture(HallDbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var actor = HallActor.Current ?? Actor.System("app");
        var now = time.GetUtcNow();
        var audits = new List<AuditEntry>();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            if (entry.Entity is AuditEntry)
            {
                if (entry.State != EntityState.Added)
                {
                    throw new InvalidOperationException("The audit log is append-only: its lines cannot be changed or deleted.");
                }
                continue;
            }
            if (entry.Entity is IPublishesChanges publisher)
            {
                db.ChangedSubjects.Add(publisher);
            }
            if (entry.Entity is DataProtectionKey || entry.Metadata.ClrType.GetCustomAttribute<NotAuditedAttribute>() is not null)
            {
                continue;
            }

            var audit = new AuditEntry
            {
                At = now,
                Actor = actor.Name,
                UserId = actor.UserId,
                EntityType = entry.Metadata.ClrType.Name.Split('`')[0],
                Action = entry.State switch
                {
                    EntityState.Added => AuditAction.Insert,
                    EntityState.Deleted => AuditAction.Delete,
                    _ => AuditAction.Update,
                },
            };
            switch (entry.State)
            {
                case EntityState.Added:
                    audit.After = Serialize(entry.Properties, p => p.CurrentValue);
                    if (entry.Properties.Any(p => p.Metadata.IsPrimaryKey() && p.IsTemporary))
                    {
                        db.PendingAudits.Add(new PendingAudit(audit, entry));
                        continue;
                    }
                    break;
                case EntityState.Deleted:
                    audit.Before = Serialize(entry.Properties, p => p.OriginalValue);
                    break;
                default:
                    var changed = entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList();
                    if (changed.Count == 0)
                    {
                        continue;
                    }
                    audit.Before = Serialize(changed, p => p.OriginalValue);
                    audit.After = Serialize(changed, p => p.CurrentValue);
                    break;
            }
            audit.EntityKey = KeyOf(entry);
            audits.Add(audit);
        }

        db.AuditEntries.AddRange(audits);
        return db.PendingAudits.Count > 0 && db.Database.CurrentTransaction is null;
    }

    private static bool CompletePendingAudits(HallDbContext db)
    {
        if (db.PendingAudits.Count == 0)
        {
            return false;
        }
        foreach (var (audit, source) in db.PendingAudits)
        {
            audit.EntityKey = KeyOf(source);
            audit.After = Serialize(source.Properties, p => p.CurrentValue);
            db.AuditEntries.Add(audit);
        }
        db.PendingAudits.Clear();
        return true;
    }

    private static void Nested(HallDbContext db, Action save)
    {
        db.SavingAudit = true;
        try
        {
            save();
        }
        finally
        {
            db.SavingAudit = false;
        }
    }

    private void PublishIfCommitted(HallDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            Publish(db);
        }
    }

    private void Publish(DbContext? context)
    {
        if (context is not HallDbContext db)
        {
            return;
        }
        var now = time.GetUtcNow();
        var subjects = db.ChangedSubjects.Select(s => (HallEvent.Kinds.Changed, s.EventSubject))
            .Concat(db.PendingEvents)
            .Distinct()
            .ToList();
        db.ChangedSubjects.Clear();
        db.PendingEvents.Clear();
        // One commit's events in one piece: a batch subscriber (the wall's shared read) reads once for them.
        feed.Publish(subjects.Select(s => new HallEvent(s.Item1, s.Item2, now, feed.InstanceId)).ToList());
    }

    private static void Discard(DbContext? context)
    {
        if (context is HallDbContext db)
        {
            db.ChangedSubjects.Clear();
            db.PendingEvents.Clear();
        }
    }

    private static void Abandon(DbContext? context)
    {
        if (context is not HallDbContext db || db.SavingAudit)
        {
            return;
        }
        db.PendingAudits.Clear();
        foreach (var audit in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            audit.State = EntityState.Detached;
        }
        if (db.OwnedTransaction is { } owned)
        {
            db.OwnedTransaction = null;
            owned.Rollback();
            owned.Dispose();
        }
        Discard(db);
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Serialize(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(
            properties.ToDictionary(p => p.Metadata.Name, p => Redacted.Contains(p.Metadata.Name) ? "***" : value(p)),
            Json);
}
