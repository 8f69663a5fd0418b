using System.Globalization;
using HallOps.Domain.Accountability;
using HallOps.Web.Extensions;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Accountability;

/// <summary>
/// The words of the automatic dereliction drafts (AC1) from the resources, always in the hall's own
/// language (the first culture): the record is kept as drafted, whoever's screen later shows it.
/// </summary>
public sealed class DerelictionDraftWording(IStringLocalizer<SharedResource> L) : IDerelictionDraftWording
{
    private static readonly CultureInfo Hall = UiRegistration.Cultures[0];

    public string ExceptionSummary(ExceptionDraftFacts facts) => InHallLanguage(() =>
        L["Dereliction.Draft.ExceptionSummary", facts.RoundName, facts.Item, Place(facts.WindowNumber, facts.FloorName)].Value);

    public string ExceptionEvidence(ExceptionDraftFacts facts) => InHallLanguage(() =>
    {
        var lines = new List<string>
        {
            L["Dereliction.Draft.ExceptionRound", facts.RoundName, Place(facts.WindowNumber, facts.FloorName)].Value,
            L["Dereliction.Draft.ExceptionItem", facts.Item].Value,
            L["Dereliction.Draft.ExceptionNote", facts.Note].Value,
            L["Dereliction.Draft.ExceptionFound", facts.FoundBy, Local(facts.FoundAt, facts.Zone)].Value,
        };
        if (facts.HasPhoto)
        {
            lines.Add(L["Dereliction.Draft.ExceptionPhoto"].Value);
        }
        return string.Join('\n', lines);
    });

    public string AlertSummary(AlertDraftFacts facts) => InHallLanguage(() =>
        L["Dereliction.Draft.AlertSummary", KindText(facts.Kind), Place(facts.WindowNumber, null)].Value);

    public string AlertEvidence(AlertDraftFacts facts) => InHallLanguage(() =>
    {
        var lines = new List<string>
        {
            L["Dereliction.Draft.AlertKind", KindText(facts.Kind), facts.Subject].Value,
        };
        if (facts.CaseNumber is not null)
        {
            lines.Add(L["Dereliction.Draft.AlertCase", facts.CaseNumber].Value);
        }
        lines.Add(L["Dereliction.Draft.AlertTimes", Local(facts.RaisedAt, facts.Zone), Local(facts.EscalatedAt, facts.Zone)].Value);
        lines.Add(facts.ResolvedAt is { } resolved
            ? L["Dereliction.Draft.AlertResolved", Local(resolved, facts.Zone)].Value
            : L["Dereliction.Draft.AlertStillOpen", Local(facts.DetectedAt, facts.Zone)].Value);
        return string.Join('\n', lines);
    });

    private string KindText(string kind) => L[$"Alert.Kind.{kind}"] is { ResourceNotFound: false } text ? text.Value : kind;

    private string Place(int? windowNumber, string? floorName) =>
        windowNumber is { } number ? L["Dereliction.Draft.Window", number.ToString("00", CultureInfo.InvariantCulture)].Value
        : floorName ?? L["Dereliction.Draft.Hall"].Value;

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

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
