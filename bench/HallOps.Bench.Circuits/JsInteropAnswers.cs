using System.Collections.Concurrent;
using System.Text.Json;

namespace HallOps.Bench.Circuits;

/// <summary>How the server wants a JS call's result (Microsoft.JSInterop.JSCallResultType).</summary>
public enum JsResultType
{
    Default = 0,
    JSObjectReference = 1,
    JSStreamReference = 2,
    JSVoidResult = 3,
}

/// <summary>
/// The answers a browser would give to the JS calls the pages make (Blazor's own and MudBlazor's):
/// void calls get null, object references a fresh {"__jsObjectId":n}, and the value calls the
/// components read get a value of the shape they deserialize. An identifier not known here is
/// answered with null and logged once, so a new call shows up in the output.
/// </summary>
public static class JsInteropAnswers
{
    private static readonly ConcurrentDictionary<string, bool> Unknown = new();
    private static long _nextObjectId;

    /// <summary>Value answers by identifier (JSON), for calls whose result a component reads.</summary>
    private static readonly Dictionary<string, string> Values = new(StringComparer.Ordinal)
    {
        // MudBlazor's popover provider: checks that its helper script is loaded, counts providers (one per page).
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        // MudBlazor's breakpoint and element geometry: a 1920×1080 window, a button-sized element at the top left.
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":1080,"width":1920}""",
        ["mudElementRef.getBoundingClientRect"] =
            """{"top":0,"left":0,"width":120,"height":40,"windowHeight":1080,"windowWidth":1920,"scrollX":0,"scrollY":0}""",
    };

    /// <summary>Identifiers answered with null on purpose (no result is read); not logged.</summary>
    private static readonly HashSet<string> KnownVoid = new(StringComparer.Ordinal)
    {
        "Blazor._internal.attachWebRendererInterop",
        // The title the page had before the circuit: none to keep.
        "Blazor._internal.PageTitle.getAndRemoveExistingTitle",
        // Link clicks are not followed by this client.
        "Blazor._internal.navigationManager.enableNavigationInterception",
    };

    /// <summary>Calls logged as unknown so far (identifier, result type).</summary>
    public static IReadOnlyCollection<string> UnknownCalls => Unknown.Keys.ToArray();

    /// <summary>The JSON result of one call, or null when its result is void/null.</summary>
    public static string Answer(string identifier, JsResultType resultType, Action<string> log)
    {
        switch (resultType)
        {
            case JsResultType.JSVoidResult:
                return "null";
            case JsResultType.JSObjectReference:
                return JsonSerializer.Serialize(new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) });
        }
        if (Values.TryGetValue(identifier, out var value))
        {
            return value;
        }
        if (!KnownVoid.Contains(identifier) && Unknown.TryAdd($"{identifier} ({resultType})", true))
        {
            log($"JS call {identifier} ({resultType}) answered with null");
        }
        return "null";
    }
}
