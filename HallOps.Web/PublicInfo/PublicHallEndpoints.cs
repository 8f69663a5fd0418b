using Microsoft.AspNetCore.Http.HttpResults;

namespace HallOps.Web.PublicInfo;

/// <summary>
/// <c>GET /hall/board.json</c> (AP5, SC2.5): the public window board for lobby displays and the
/// /hall page's own refresh — no account, the public fields only, served from the output cache for
/// <see cref="CacheSeconds"/> seconds so a lobby full of phones costs one projection per interval.
/// </summary>
public static class PublicHallEndpoints
{
    public const string BoardPath = "/hall/board.json";

    /// <summary>How long one answer is served to everyone.</summary>
    public const int CacheSeconds = 5;

    public const string CachePolicy = "public-board";

    public static IEndpointRouteBuilder MapPublicHallEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(BoardPath, GetBoardAsync)
            .AllowAnonymous()
            .CacheOutput(CachePolicy);
        return app;
    }

    public static async Task<Ok<PublicBoardJson>> GetBoardAsync(PublicHallService hall, CancellationToken cancellationToken)
    {
        var board = await hall.BoardAsync(cancellationToken);
        return TypedResults.Ok(new PublicBoardJson(
            board.At,
            board.HallOpen,
            board.Windows.Select(w => new PublicWindowJson(w.Number, w.Name, StateName(w.State), w.StaffName, w.StaffNumber)).ToList()));
    }

    public static string StateName(PublicWindowState state) => state switch
    {
        PublicWindowState.Open => "open",
        PublicWindowState.Paused => "paused",
        _ => "closed",
    };
}

public sealed record PublicBoardJson(DateTimeOffset At, bool Open, IReadOnlyList<PublicWindowJson> Windows);

/// <summary>One window: number, name, state (open, paused, closed), and the staff member on post (name and number, SC2.5).</summary>
public sealed record PublicWindowJson(int Number, string Name, string State, string? Staff, string? StaffNumber);
