using HallOps.Web.Identity;
using HallOps.Web.Rounds;

namespace HallOps.Web.Endpoints;

/// <summary>Evidence photos: GET /photos/{name}, signed-in hall accounts only (Viewer policy), never cached by a proxy.</summary>
public static class PhotoEndpoints
{
    public static IEndpointRouteBuilder MapPhotoEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/photos/{name}", (string name, PhotoStore photos, HttpContext context) =>
        {
            if (photos.Open(name) is not { } photo)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "private, max-age=86400";
            return Results.File(photo.Path, photo.ContentType);
        })
        .RequireAuthorization(HallPolicies.Viewer)
        .WithName("Photo");
        return app;
    }
}
