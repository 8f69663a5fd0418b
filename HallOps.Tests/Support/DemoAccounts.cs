using System.Net;
using System.Text.RegularExpressions;
using HallOps.Web.Seeding;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HallOps.Tests.Support;

/// <summary>Signs a demo account in through the real login form and returns a client with its cookie.</summary>
public static partial class DemoAccounts
{
    public static string Password => DemoHallSeeder.DemoPassword;

    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode}");
        }
        return client;
    }

    /// <summary>Signs in and returns the Cookie header value a non-browser client (a hub client) sends.</summary>
    public static async Task<string> CookieAsync(WebApplicationFactory<Program> factory, string userName)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var login = await client.GetAsync("/account/login");
        var cookies = CookiesOf(login);
        var token = TokenOf(await login.Content.ReadAsStringAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = userName,
                ["Input.Password"] = Password,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var response = await client.SendAsync(request);
        var auth = CookiesOf(response).Where(c => c.StartsWith("HallOps.Auth", StringComparison.Ordinal)).ToList();
        if (auth.Count == 0)
        {
            throw new InvalidOperationException($"Sign-in of {userName} set no cookie ({(int)response.StatusCode})");
        }
        return string.Join("; ", auth);
    }

    private static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    /// <summary>The antiforgery token a server-rendered form carries.</summary>
    public static string TokenOf(string html) => AntiforgeryToken().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
