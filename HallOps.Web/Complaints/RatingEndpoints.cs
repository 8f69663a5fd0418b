using HallOps.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Complaints;

/// <summary>The 好差评 import template as xlsx (AC5), Complaints policy: the export's columns and an example.</summary>
public static class RatingEndpoints
{
    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/office/ratings").RequireAuthorization(HallPolicies.Complaints)
            .MapGet("/template.xlsx", Template).WithName("RatingImportTemplate");
        return app;
    }

    private static FileContentHttpResult Template() =>
        TypedResults.File(RatingService.Template(), RatingService.XlsxContentType, "rating-import-template.xlsx");
}
