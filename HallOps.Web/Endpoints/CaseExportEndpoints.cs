using HallOps.Web.Cases;
using HallOps.Web.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Endpoints;

/// <summary>The case list as a workbook (TL0, TL5): GET /manage/cases.xlsx?state=…&amp;light=…, the page's filter; Manage policy.</summary>
public static class CaseExportEndpoints
{
    public static IEndpointRouteBuilder MapCaseExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/cases.xlsx", ExportAsync)
            .RequireAuthorization(HallPolicies.Manage)
            .WithName("CaseListExport");
        return app;
    }

    /// <summary>The filtered list, applicants masked; a malformed filter or a list too long for one workbook answers 400 with the reason.</summary>
    private static async Task<Results<FileContentHttpResult, ValidationProblem>> ExportAsync(
        HttpRequest request, CaseListService cases, AuthenticationStateProvider authentication, IStringLocalizer<SharedResource> L,
        CancellationToken cancellationToken)
    {
        // The service re-checks the policy through the authentication state, as it does in a circuit.
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(
            Task.FromResult(new AuthenticationState(request.HttpContext.User)));
        var (filter, bad) = CaseFilter.Parse(request.Query);
        if (bad.Count > 0)
        {
            return TypedResults.ValidationProblem(
                bad.ToDictionary(key => key, key => new[] { L["CaseList.BadFilter", key].Value }),
                detail: L["CaseList.BadFilter", string.Join(", ", bad)]);
        }
        var rows = await cases.ExportRowsAsync(filter, cancellationToken);
        if (rows is null)
        {
            var message = L["CaseList.TooManyToExport", CaseListService.MaxExportRows].Value;
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = [message] }, detail: message);
        }
        var bytes = await cases.WorkbookAsync(rows);
        return TypedResults.File(bytes, CaseListService.ContentType, cases.FileName(await cases.TodayAsync()));
    }
}
