using HallOps.Web.Hygiene;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Endpoints;

/// <summary>The month's hygiene scores as a workbook (HY4): GET /manage/hygiene/scores/2026-11.xlsx, Manage policy.</summary>
public static class HygieneScoreEndpoints
{
    public static IEndpointRouteBuilder MapHygieneScoreEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/hygiene/scores/{month}.xlsx", ExportAsync)
            .RequireAuthorization(HallPolicies.Manage)
            .WithName("HygieneScoreExport");
        return app;
    }

    /// <summary>The month's workbook; a malformed, too early or future month answers 400 with the reason.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        string month, HygieneScoreService scores, CancellationToken cancellationToken)
    {
        var answer = await scores.LoadAsync(month, cancellationToken);
        if (answer.Report is not { } report)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["month"] = [answer.Error!] },
                detail: answer.Error);
        }
        return TypedResults.File(scores.Workbook(report), HygieneScoreService.ContentType, scores.FileName(report));
    }
}
