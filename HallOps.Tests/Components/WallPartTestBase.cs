using Bunit;
using HallOps.Web.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace HallOps.Tests.Components;

/// <summary>
/// A wall screen's part rendered on its own, in the hall's languages (the app's resources), with the
/// wall's shared HTML (<see cref="WallMarkup"/>) made as the read model makes it for every screen.
/// </summary>
public abstract class WallPartTestBase : IAsyncLifetime
{
    protected BunitContext Ctx { get; } = new();

    public Task InitializeAsync()
    {
        Ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        Ctx.Services.AddMudServices();
        Ctx.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Ctx.Services.AddLogging();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Ctx.DisposeAsync();

    /// <summary>A renderer of the wall's shared HTML on this context's services.</summary>
    protected WallMarkup Markup() =>
        new(Ctx.Services.GetRequiredService<IServiceScopeFactory>(), Ctx.Services.GetRequiredService<ILoggerFactory>());
}
