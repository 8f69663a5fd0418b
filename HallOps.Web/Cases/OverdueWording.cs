using System.Globalization;
using HallOps.Domain.Cases;
using HallOps.Web.Extensions;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Cases;

/// <summary>
/// The words of an overdue dereliction draft (TL5 / AC2 type 2) from the resources, always in the
/// hall's own language (the first culture): the record goes to the bureau office and the
/// discipline commission as drafted, whoever's screen later shows it.
/// </summary>
public sealed class OverdueWording(IStringLocalizer<SharedResource> L) : IOverdueWording
{
    private static readonly CultureInfo Hall = UiRegistration.Cultures[0];

    public string Summary(OverdueFacts facts) => InHallLanguage(() => L["Deadline.Summary", facts.CaseNumber, facts.MatterName].Value);

    public string Evidence(OverdueFacts facts) => InHallLanguage(() =>
    {
        var none = L["Deadline.None"].Value;
        var lines = new List<string>
        {
            L["Deadline.Evidence.Case", facts.CaseNumber, facts.MatterCode, facts.MatterName,
                facts.WindowNumber?.ToString("00", CultureInfo.InvariantCulture) ?? none, facts.HandlerName ?? none, facts.ApplicantMasked].Value,
            L["Deadline.Evidence.Times", Local(facts, facts.AcceptedAt) ?? none, facts.CommittedDays, Local(facts, facts.DueAt)!, Local(facts, facts.DetectedAt)!].Value,
            L["Deadline.Evidence.Clock"].Value,
        };
        foreach (var step in facts.Clock?.Steps ?? [])
        {
            lines.Add(L[$"Deadline.Step.{step.Kind}", step.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), step.Day ?? 0, step.Of ?? 0, step.Name ?? ""].Value);
        }
        return string.Join('\n', lines);
    });

    private static string? Local(OverdueFacts facts, DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, facts.Calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null;

    private static string InHallLanguage(Func<string> compose)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = Hall;
        try
        {
            return compose();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
