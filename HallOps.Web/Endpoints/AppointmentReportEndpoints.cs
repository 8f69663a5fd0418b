using HallOps.Web.Appointments;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Endpoints;

/// <summary>The weekly appointment report as a workbook (AP4.4): GET /reports/appointments.xlsx?week=2026-11-16, Assessment policy.</summary>
public static class AppointmentReportEndpoints
{
    public static IEndpointRouteBuilder MapAppointmentReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/appointments.xlsx", ExportAsync)
            .RequireAuthorization(HallPolicies.Assessment)
            .WithName("AppointmentReportExport");
        return app;
    }

    /// <summary>A kept week's workbook; a malformed week answers 400, a week without a kept report 404, each with the reason.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound<string>>> ExportAsync(
        HttpRequest request, string? week, AppointmentReportService reports, AuthenticationStateProvider authentication,
        CancellationToken cancellationToken)
    {
        // The service re-checks the policy through the authentication state, as it does in a circuit.
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(request.HttpContext.User)));
        if (!AppointmentReportService.TryParseWeek(week, out _))
        {
            var error = (await reports.LoadAsync(week, cancellationToken)).Error!;
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["week"] = [error] }, detail: error);
        }
        var answer = await reports.LoadAsync(week, cancellationToken);
        if (answer.Report is not { } report)
        {
            return TypedResults.NotFound(answer.Error!);
        }
        return TypedResults.File(await reports.WorkbookAsync(report), AppointmentReportService.ContentType, reports.FileName(report));
    }
}
