using System.Globalization;
using HallOps.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace HallOps.Web.Extensions;

public static class UiRegistration
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    /// <summary>Interactive server components, MudBlazor in Chinese, zh-CN default with English on request.</summary>
    public static WebApplicationBuilder AddHallUi(this WebApplicationBuilder builder)
    {
        // Circuit settings for a hall of thousands of screens (README, "Scaling"): a screen whose
        // connection drops keeps its circuit for 3 minutes, and all of a hall's screens can be kept
        // at once when a switch restarts (the default keeps 100; a kept circuit holds no more than a
        // connected one). Ten unacknowledged render batches (the default) is enough: every screen
        // folds the updates it has not rendered yet into one, so a slow screen gets fewer batches,
        // not a longer queue.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(options =>
        {
            options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
            options.DisconnectedCircuitMaxRetained = 5_000;
            options.MaxBufferedUnacknowledgedRenderBatches = 10;
        });
        builder.Services.AddSingleton<HallOps.Web.Diagnostics.CircuitCounter>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, HallOps.Web.Diagnostics.CircuitCountingHandler>();
        builder.Services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
        });
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Each text looked up once per language (screens ask for theirs on every render).
        builder.Services.AddSingleton(typeof(IStringLocalizer<>), typeof(CachedStringLocalizer<>));
        builder.Services.AddTransient<MudLocalizer, HallMudLocalizer>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        builder.Services.AddHttpContextAccessor();
        // Chinese text is sent as text, not as &#x…; entities (pages stay small and readable).
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }
}
