using HallOps.Web.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.Network;

/// <summary>The equipment import template as xlsx (IT4), Network policy: the import's columns and examples.</summary>
public static class EquipmentEndpoints
{
    public static IEndpointRouteBuilder MapEquipmentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/network/equipment").RequireAuthorization(HallPolicies.Network)
            .MapGet("/template.xlsx", Template).WithName("EquipmentImportTemplate");
        return app;
    }

    private static FileContentHttpResult Template() =>
        TypedResults.File(EquipmentService.Template(), EquipmentService.XlsxContentType, "equipment-import-template.xlsx");
}
