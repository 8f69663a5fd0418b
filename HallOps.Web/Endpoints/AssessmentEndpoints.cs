using HallOps.Web.Assessment;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Endpoints;

/// <summary>The monthly assessment as a workbook (月度考核): GET /reports/assessment.xlsx?month=2026-11, Assessment policy.</summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/assessment.xlsx", ExportAsync)
            .RequireAuthorization(HallPolicies.Assessment)
            .WithName("AssessmentExport");
        return app;
    }

    /// <summary>The month's workbook (no month: this month); a malformed, too early or future month answers 400 with the reason.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        HttpRequest request, string? month, AssessmentService assessment, AuthenticationStateProvider authentication,
        CancellationToken cancellationToken)
    {
        // The service re-checks the policy through the authentication state, as it does in a circuit.
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(request.HttpContext.User)));
        var answer = await assessment.LoadAsync(month, withTrend: true, cancellationToken);
        if (answer.Report is not { } report)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["month"] = [answer.Error!] },
                detail: answer.Error);
        }
        return TypedResults.File(await assessment.WorkbookAsync(report), AssessmentService.ContentType, assessment.FileName(report));
    }
}
