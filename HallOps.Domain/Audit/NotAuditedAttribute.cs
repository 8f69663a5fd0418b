namespace HallOps.Domain.Audit;

/// <summary>Marks an entity whose rows are machine bookkeeping (heartbeats, key material), not hall state.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class NotAuditedAttribute : Attribute;
