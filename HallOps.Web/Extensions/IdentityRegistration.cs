using HallOps.Domain.Identity;
using HallOps.Domain.Persistence;
using HallOps.Web.Audit;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Extensions;

public static class IdentityRegistration
{
    /// <summary>
    /// Identity with cookie sign-in; every endpoint requires a signed-in user unless it says
    /// otherwise (only the login page and /health do); data-protection keys kept in the database
    /// so sign-ins survive restarts and are shared by every app instance.
    /// </summary>
    public static WebApplicationBuilder AddHallIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, HallRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CircuitHandler, ActorCircuitHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        services.AddScoped<AuditLog>();

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<HallUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 10;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddEntityFrameworkStores<HallDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<HallClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "HallOps.Auth";
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(12);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // APIs and the hub answer with a status, never a login page.
                OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden),
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(HallPolicies.SignedIn)
            .AddPolicy(HallPolicies.Viewer, HallPolicies.SignedIn)
            .AddPolicy(HallPolicies.Manage, p => p.RequireRole(HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.Serve, p => p.RequireRole(HallRoles.Staff, HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.Administer, p => p.RequireRole(HallRoles.Admin))
            .AddPolicy(HallPolicies.Accountability, p => p.RequireRole(HallRoles.Manager, HallRoles.Office, HallRoles.Admin))
            .AddPolicy(HallPolicies.Inquire, p => p.RequireRole(
                HallRoles.Staff, HallRoles.Manager, HallRoles.Office, HallRoles.Guard, HallRoles.NetworkAdmin, HallRoles.Admin))
            .AddPolicy(HallPolicies.Complaints, p => p.RequireRole(HallRoles.Office, HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.Assessment, p => p.RequireRole(HallRoles.Manager, HallRoles.Office, HallRoles.Admin))
            .AddPolicy(HallPolicies.Wall, p => p.RequireRole(HallRoles.Display, HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.Guard, p => p.RequireRole(HallRoles.Guard, HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.Network, p => p.RequireRole(HallRoles.NetworkAdmin, HallRoles.Manager, HallRoles.Admin))
            .AddPolicy(HallPolicies.ReportIt, p => p.RequireRole(HallRoles.Staff, HallRoles.Manager, HallRoles.NetworkAdmin, HallRoles.Admin));

        var dataProtection = services.AddDataProtection().SetApplicationName("HallOps");
        var keyStore = builder.Configuration[$"{HallOptions.Section}:{nameof(HallOptions.KeyStore)}"];
        if (string.IsNullOrEmpty(keyStore) || keyStore.Equals("Database", StringComparison.OrdinalIgnoreCase))
        {
            dataProtection.PersistKeysToDbContext<HallDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keyStore));
        }
        return builder;
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
