using HallOps.Domain.Audit;
using HallOps.Domain.Identity;
using HallOps.Web.Audit;
using HallOps.Web.Identity;
using HallOps.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HallOps.Web.Endpoints;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        // Any signed-in account; the form carries an antiforgery token.
        account.MapPost("/logout", LogoutAsync).RequireAuthorization(HallPolicies.Viewer);
        // Switching the language is allowed before sign-in: it only sets a cookie.
        app.MapGet("/culture", SetCulture).AllowAnonymous();
        return app;
    }

    private static async Task<RedirectHttpResult> LogoutAsync(
        HttpContext context, SignInManager<HallUser> signIn, AuditLog audit, [FromForm] string? returnUrl)
    {
        await audit.WriteAsync(AuditAction.SignOut, context.User, null, context.RequestAborted);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static RedirectHttpResult SetCulture(HttpContext context, string? name, string? returnUrl)
    {
        var culture = UiCultures.Supported(name);
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
