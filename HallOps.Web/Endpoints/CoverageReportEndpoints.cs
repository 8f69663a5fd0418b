using HallOps.Web.Identity;
using HallOps.Web.Reports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Endpoints;

/// <summary>The coverage day as a workbook (AB4, SC2.2): GET /manage/coverage/2026-11-25.xlsx, Manage policy.</summary>
public static class CoverageReportEndpoints
{
    public static IEndpointRouteBuilder MapCoverageReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/coverage/{date}.xlsx", ExportAsync)
            .RequireAuthorization(HallPolicies.Manage)
            .WithName("CoverageDayExport");
        return app;
    }

    /// <summary>The day's workbook; a malformed, too early or future date answers 400 with the reason.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        string date, CoverageReportService reports, CancellationToken cancellationToken)
    {
        var answer = await reports.LoadAsync(date, cancellationToken);
        if (answer.Report is not { } report)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["date"] = [answer.Error!] },
                detail: answer.Error);
        }
        return TypedResults.File(reports.Workbook(report), CoverageReportService.ContentType, reports.FileName(report.Date));
    }
}
