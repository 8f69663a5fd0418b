using HallOps.Domain.Cases;
using HallOps.Domain.Hall;
using HallOps.Domain.Inquiries;
using HallOps.Domain.Network;
using HallOps.Domain.Rounds;
using HallOps.Domain.Staffing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace HallOps.Domain.Persistence;

/// <summary>
/// The identifiers people type and expect to match whatever the case: staff numbers, window,
/// home-unit and department names, matter, routine and fire-equipment codes, asset numbers.
/// "PRESS-01" and "press-01" are one code: equal in a lookup, refused twice by the unique index.
/// Each database gets it its own way — a case-insensitive column, not a second normalised one:
/// SQLite the NOCASE collation (ASCII letters; Chinese has no case), PostgreSQL the
/// <c>citext</c> type (its comparisons, LIKE and unique indexes ignore case), SQL Server its
/// default case-insensitive collation (nothing to declare). Account names need none of this:
/// Identity looks them up by its own upper-cased NormalizedUserName on every database.
/// Searches over these columns (substring) upper-case both sides, as <see cref="string.Contains(string)"/>
/// (instr) is case-sensitive on SQLite whatever the collation.
/// </summary>
public static class CaseInsensitiveText
{
    public static IReadOnlyList<(Type Entity, string Property)> Columns { get; } =
    [
        (typeof(StaffMember), nameof(StaffMember.EmployeeNo)),
        (typeof(ServiceWindow), nameof(ServiceWindow.Name)),
        (typeof(HomeUnit), nameof(HomeUnit.Name)),
        (typeof(Department), nameof(Department.Name)),
        (typeof(Matter), nameof(Matter.Code)),
        (typeof(RoundTemplate), nameof(RoundTemplate.Code)),
        (typeof(FireEquipment), nameof(FireEquipment.Code)),
        (typeof(Equipment), nameof(Equipment.AssetNumber)),
    ];

    /// <summary>Applies <paramref name="apply"/> to each of the case-insensitive columns of the model.</summary>
    internal static void Apply(ModelBuilder builder, Action<IMutableProperty> apply)
    {
        foreach (var (entity, property) in Columns)
        {
            var type = builder.Model.FindEntityType(entity)
                ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
            apply(type.FindProperty(property) ?? throw new InvalidOperationException($"{entity.Name}.{property} is not in the model."));
        }
    }
}
