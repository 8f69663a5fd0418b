using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HallOps.Bench.Circuits;

/// <summary>
/// What a prerendered Blazor page gives the client to start a circuit: the interactive server
/// components' markers (<c>&lt;!--Blazor:{"type":"server",…,"descriptor":…}--&gt;</c>, descriptors valid
/// for a few minutes) and the protected component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>).
/// </summary>
public sealed partial class PrerenderedPage
{
    private PrerenderedPage(Uri uri, IReadOnlyList<JsonObject> markers, string applicationState)
    {
        Uri = uri;
        Markers = markers;
        ApplicationState = applicationState;
    }

    public Uri Uri { get; }

    /// <summary>The server components' start markers, in document order.</summary>
    public IReadOnlyList<JsonObject> Markers { get; }

    public string ApplicationState { get; }

    public static PrerenderedPage Parse(Uri uri, string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in MarkerComment().Matches(html))
        {
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker
                && (string?)marker["type"] == "server" && marker["descriptor"] is not null)
            {
                markers.Add(marker);
            }
        }
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{uri} has no interactive server component markers.");
        }
        var state = StateComment().Match(html) is { Success: true } stateMatch ? WebUtility.HtmlDecode(stateMatch.Groups[1].Value) : "";
        return new PrerenderedPage(uri, markers, state);
    }

    /// <summary>
    /// The operations the browser sends in its first UpdateRootComponents: add each marker as an
    /// SSR component, numbered from 1 in document order.
    /// </summary>
    public string AddOperationsJson()
    {
        var operations = new JsonArray();
        for (var i = 0; i < Markers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = Markers[i].DeepClone(),
            });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerComment();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex StateComment();
}
