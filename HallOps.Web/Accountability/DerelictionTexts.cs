using HallOps.Domain.Accountability;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Accountability;

/// <summary>
/// The display texts of a dereliction record from the resources: AC2's nine types, AC3's three
/// severities with their definitions (shown next to the choice), AC4's seven sanctions by their
/// names in the rules, the status and where a record came from.
/// </summary>
public sealed class DerelictionTexts(IStringLocalizer<SharedResource> L)
{
    public string TypeName(DerelictionType type) => L[$"Dereliction.Type.{type}"];

    public string StatusName(DerelictionStatus status) => L[$"Dereliction.Status.{status}"];

    public string SeverityName(DerelictionSeverity severity) => L[$"Dereliction.Severity.{severity}"];

    /// <summary>AC3's definition of a severity.</summary>
    public string SeverityDefinition(DerelictionSeverity severity) => L[$"Dereliction.Severity.{severity}.Definition"];

    public string SanctionName(DerelictionSanctions sanction) => L[$"Dereliction.Sanction.{sanction}"];

    /// <summary>The sanctions of a set, in AC4's order, joined.</summary>
    public string SanctionNames(DerelictionSanctions sanctions) =>
        string.Join(L["Dereliction.ListSeparator"], DerelictionRules.Of(sanctions).Select(SanctionName));

    public string OriginName(DerelictionOrigin origin) => L[$"Dereliction.Origin.{origin}"];
}
