using System.Net;
using System.Reflection;
using HallOps.Domain.Audit;
using HallOps.Tests.Support;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration;

/// <summary>Every page, endpoint and hub method states who may use it, and the server enforces it.</summary>
[Collection(WebCollection.Name)]
public sealed class AuthorizationTests(SeededHall hall) : IClassFixture<SeededHall>
{
    private readonly HallAppFactory _app = hall.App;

    /// <summary>Every routable page of the app, found from its components (new pages are covered without a change here).</summary>
    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var route in typeof(Program).Assembly.GetTypes()
                     .Where(t => typeof(IComponent).IsAssignableFrom(t))
                     .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Type: t, r.Template)))
                     .Where(r => !r.Template.Contains('{'))
                     .Where(r => r.Type.GetCustomAttribute<AllowAnonymousAttribute>() is null)
                     .Select(r => r.Template)
                     .Distinct())
        {
            data.Add(route);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Anonymous_IsSentToTheLoginPage_FromEveryPage(string page)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery.Replace(_app.Server.BaseAddress.ToString(), "/"));
    }

    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Anonymous_ReachesOnlyTheLoginPageAndHealth(string path, HttpStatusCode expected)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(expected, (await client.GetAsync(path)).StatusCode);
    }

    public static TheoryData<string> ManagerAndAdminPages()
    {
        var data = new TheoryData<string>();
        foreach (var route in typeof(Program).Assembly.GetTypes()
                     .Where(t => typeof(IComponent).IsAssignableFrom(t))
                     .Where(t => t.GetCustomAttributes<AuthorizeAttribute>().Any(a => a.Policy is HallPolicies.Manage or HallPolicies.Administer))
                     .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
                     .Select(r => r.Template)
                     .Where(t => !t.Contains('{')))
        {
            data.Add(route);
        }
        data.Add("/hangfire");
        return data;
    }

    [Theory]
    [MemberData(nameof(ManagerAndAdminPages))]
    public async Task DisplayKiosk_CannotOpenManagementOrAdminPages(string page)
    {
        var client = await DemoAccounts.SignInAsync(_app, "wall");

        var response = await client.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("manager")]
    [InlineData("staff")]
    [InlineData("wall")]
    public async Task JobDashboard_IsRefusedToEveryoneButAdmin(string userName)
    {
        var client = await DemoAccounts.SignInAsync(_app, userName);

        var response = await client.GetAsync("/hangfire");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task JobDashboard_OpensForAdmin()
    {
        var client = await DemoAccounts.SignInAsync(_app, "admin");

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RefusedAccess_IsWrittenToTheAuditLog()
    {
        var client = await DemoAccounts.SignInAsync(_app, "office");

        await client.GetAsync("/manage/windows");

        await using var db = _app.CreateDbContext();
        var refusal = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.AccessDenied && a.Actor == "office");
        Assert.Contains("/manage/windows", refusal.Detail);
    }

    [Fact]
    public async Task HubClient_WithoutCredentials_IsRefused()
    {
        await using var hub = HubConnection(cookie: null);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());

        Assert.Contains("401", error.Message);
    }

    [Fact]
    public async Task HubClient_SignedIn_CanCallPing()
    {
        await using var hub = HubConnection(await DemoAccounts.CookieAsync(_app, "wall"));
        await hub.StartAsync();

        var serverTime = await hub.InvokeAsync<DateTimeOffset>("Ping");

        Assert.True(serverTime > DateTimeOffset.UnixEpoch);
    }

    private HubConnection HubConnection(string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, "/hubs/hall"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                if (cookie is not null)
                {
                    options.Headers["Cookie"] = cookie;
                }
            })
            .Build();
}
