using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace HallOps.Bench.Circuits;

/// <summary>
/// A signed-in browser session without a browser: the cookies the app's sign-in form sets, and the
/// HTTP client that loads pages with them. One session can open many circuits (several screens
/// signed in as the same account).
/// </summary>
public sealed partial class HallSession : IDisposable
{
    private readonly HttpClient _http;

    private HallSession(Uri baseUri, string userName)
    {
        BaseUri = baseUri;
        UserName = userName;
        _http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = Cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
        })
        {
            BaseAddress = baseUri,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public Uri BaseUri { get; }

    public string UserName { get; }

    public CookieContainer Cookies { get; } = new();

    /// <summary>
    /// Whether circuits offer the WebSocket compression extension (permessage-deflate) in their
    /// handshake, as browsers do; the server decides whether it is used (<see cref="WebSocketExtensionsAsync"/>).
    /// </summary>
    public bool OfferDeflate { get; set; } = true;

    /// <summary>
    /// Signs in through the real form at /account/login: reads its antiforgery token, posts the
    /// user name and password as the browser would, and keeps the cookies.
    /// </summary>
    public static async Task<HallSession> SignInAsync(Uri baseUri, string userName, string password, CancellationToken cancellationToken = default)
    {
        var session = new HallSession(baseUri, userName);
        try
        {
            var form = await session._http.GetStringAsync("account/login", cancellationToken);
            var token = AntiforgeryInput().Match(form) is { Success: true } match
                ? WebUtility.HtmlDecode(match.Groups[1].Value)
                : throw new InvalidOperationException("The sign-in form has no __RequestVerificationToken input.");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            });
            using var response = await session._http.PostAsync("account/login", content, cancellationToken);
            // A good sign-in redirects to the landing page with the cookie; a bad one shows the form again.
            if (response.StatusCode != HttpStatusCode.Found)
            {
                throw new InvalidOperationException($"Signing in as {userName} failed (HTTP {(int)response.StatusCode}).");
            }
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Loads a page with the session's cookies and reads its prerendered component markers.</summary>
    public async Task<PrerenderedPage> LoadPageAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(path.TrimStart('/'), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} as {UserName}: HTTP {(int)response.StatusCode} {response.Headers.Location}");
        }
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return PrerenderedPage.Parse(new Uri(BaseUri, path), html);
    }

    /// <summary>Gets a JSON document (e.g. the diagnostics endpoint) with the session's cookies.</summary>
    public Task<string> GetStringAsync(string path, CancellationToken cancellationToken = default) =>
        _http.GetStringAsync(path.TrimStart('/'), cancellationToken);

    /// <summary>Tells the server a circuit is gone (what the browser sends on unload).</summary>
    public async Task DisconnectCircuitAsync(string circuitSecret)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["circuitId"] = circuitSecret });
        using var _ = await _http.PostAsync("_blazor/disconnect", content);
    }

    /// <summary>
    /// Opens a WebSocket to the circuit hub as a browser would (negotiate, then the handshake offering
    /// permessage-deflate) and returns the extensions the server accepted (Sec-WebSocket-Extensions;
    /// empty: none, the messages go uncompressed).
    /// </summary>
    public async Task<string> WebSocketExtensionsAsync(CancellationToken cancellationToken = default)
    {
        using var negotiate = await _http.PostAsync("_blazor/negotiate?negotiateVersion=1", null, cancellationToken);
        negotiate.EnsureSuccessStatusCode();
        using var answer = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(cancellationToken));
        var token = answer.RootElement.GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        socket.Options.Cookies = Cookies;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.DangerousDeflateOptions = new WebSocketDeflateOptions();
        var uri = new UriBuilder(new Uri(BaseUri, "_blazor")) { Scheme = BaseUri.Scheme == "https" ? "wss" : "ws", Query = $"id={Uri.EscapeDataString(token!)}" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        var extensions = socket.HttpResponseHeaders?.TryGetValue("Sec-WebSocket-Extensions", out var values) == true ? string.Join(", ", values) : "";
        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        return extensions;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(""""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]*)"""")]
    private static partial Regex AntiforgeryInput();
}
