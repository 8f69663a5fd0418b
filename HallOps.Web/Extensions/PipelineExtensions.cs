using HallOps.Web.Audit;
using HallOps.Web.Components;
using HallOps.Web.Endpoints;
using HallOps.Web.Hubs;
using HallOps.Web.Identity;

namespace HallOps.Web.Extensions;

public static class PipelineExtensions
{
    public static WebApplication UseHallPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // People get a page for a missing address; APIs, the hub and probes keep their status codes.
        app.UseWhen(
            context => !IsMachineEndpoint(context.Request.Path),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<ActorMiddleware>();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseAntiforgery();
        return app;
    }

    private static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor")
        || path.StartsWithSegments("/health") || path.StartsWithSegments("/hangfire");

    public static WebApplication MapHallEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // The circuits' WebSocket messages go uncompressed. Browsers offer permessage-deflate and the
        // framework accepts it by default: then every render batch is deflated once per screen (the
        // wall sends the same update to hundreds of them) and each connection keeps a compressor.
        // On the hall's network bandwidth is no concern; the server's core is. Compression is turned
        // off in a callback (not DisableWebSocketCompression) so that the framework still sends its
        // frame-ancestors 'self' policy with every page.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(server => server.ConfigureWebSocketAcceptContext = static (_, accept) =>
            {
                accept.DangerousEnableCompression = false;
                return Task.CompletedTask;
            });
        app.MapHallHealth();
        app.MapAccountEndpoints();
        app.MapCoverageReportEndpoints();
        app.MapMatterCatalogEndpoints();
        app.MapCaseExportEndpoints();
        app.MapCaseApiEndpoints();
        app.MapPhotoEndpoints();
        app.MapHygieneScoreEndpoints();
        HallOps.Web.Complaints.RatingEndpoints.MapRatingEndpoints(app);
        HallOps.Web.Network.EquipmentEndpoints.MapEquipmentEndpoints(app);
        app.MapAssessmentEndpoints();
        HallOps.Web.PublicInfo.PublicHallEndpoints.MapPublicHallEndpoints(app);
        app.MapAppointmentReportEndpoints();
        HallOps.Web.Diagnostics.DiagnosticsEndpoints.MapDiagnosticsEndpoints(app);
        app.MapHub<HallHub>("/hubs/hall").RequireAuthorization(HallPolicies.Viewer);
        return app;
    }
}
