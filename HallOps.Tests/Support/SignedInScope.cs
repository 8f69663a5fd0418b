using System.Security.Claims;
using HallOps.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Support;

/// <summary>A service scope of the running app whose user is signed in with a role, as a circuit's would be.</summary>
public static class SignedInScope
{
    public static AsyncServiceScope Create(HallAppFactory app, string userName, string role)
    {
        var scope = app.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.NameIdentifier, userName), new Claim(ClaimTypes.Role, role)],
            authenticationType: "test");
        var authentication = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        authentication.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(identity))));
        return scope;
    }

    public static AsyncServiceScope Manager(HallAppFactory app) => Create(app, "manager", HallRoles.Manager);
}
