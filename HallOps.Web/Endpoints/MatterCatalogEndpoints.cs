using HallOps.Web.Identity;
using HallOps.Web.Matters;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Endpoints;

/// <summary>
/// The matter catalogue as files (TL1, OT5), Manage policy: the import template as xlsx or CSV, and
/// the current catalogue in the import's columns (edit it in Excel and import it back).
/// </summary>
public static class MatterCatalogEndpoints
{
    public static IEndpointRouteBuilder MapMatterCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/matters").RequireAuthorization(HallPolicies.Manage);
        group.MapGet("/import/template.xlsx", TemplateXlsxAsync).WithName("MatterImportTemplateXlsx");
        group.MapGet("/import/template.csv", TemplateCsv).WithName("MatterImportTemplateCsv");
        group.MapGet("/export.xlsx", ExportAsync).WithName("MatterCatalogExport");
        return app;
    }

    private static async Task<FileContentHttpResult> TemplateXlsxAsync(MatterImportService import, CancellationToken cancellationToken) =>
        TypedResults.File(await import.WorkbookAsync(template: true, cancellationToken), MatterImportService.XlsxContentType, "matter-import-template.xlsx");

    private static FileContentHttpResult TemplateCsv() =>
        TypedResults.File(MatterImportService.TemplateCsv(), "text/csv; charset=utf-8", "matter-import-template.csv");

    private static async Task<FileContentHttpResult> ExportAsync(MatterImportService import, TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.File(await import.WorkbookAsync(template: false, cancellationToken), MatterImportService.XlsxContentType,
            $"matters-{time.GetUtcNow():yyyyMMdd}.xlsx");
}
