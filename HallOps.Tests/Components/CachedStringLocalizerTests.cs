using System.Globalization;
using HallOps.Web;
using HallOps.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HallOps.Tests.Components;

/// <summary>
/// The UI's texts are looked up once per language and kept: what a screen shows must be exactly what
/// the resources say, in the language of the person looking, whichever language asked first.
/// </summary>
public sealed class CachedStringLocalizerTests : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IStringLocalizer _resources;
    private readonly CachedStringLocalizer<SharedResource> _cached;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;

    public CachedStringLocalizerTests()
    {
        _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
        var factory = _services.GetRequiredService<IStringLocalizerFactory>();
        _resources = factory.Create(typeof(SharedResource));
        _cached = new CachedStringLocalizer<SharedResource>(factory);
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _uiCulture;
        CultureInfo.CurrentCulture = _culture;
        _services.Dispose();
    }

    private static void Speak(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void EveryText_IsTheResourcesText_TheFirstTimeAndFromTheCache(string culture)
    {
        Speak(culture);
        var names = _resources.GetAllStrings(includeParentCultures: true).Select(s => s.Name).ToList();
        Assert.True(names.Count > 500, $"only {names.Count} texts found");
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var name in names)
            {
                var expected = _resources[name];
                var actual = _cached[name];
                Assert.Equal(expected.Value, actual.Value);
                Assert.False(actual.ResourceNotFound, name);
            }
        }
    }

    [Fact]
    public void AText_FollowsTheLanguageOfWhoeverAsks_WhicheverAskedFirst()
    {
        Speak("zh-CN");
        var zh = _cached["Wall.Live"].Value;
        Speak("en");
        var en = _cached["Wall.Live"].Value;
        Speak("zh-CN");
        var zhAgain = _cached["Wall.Live"].Value;

        Assert.Equal("实时", zh);
        Assert.Equal("Live", en);
        Assert.Equal(zh, zhAgain);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void ATextWithArguments_IsFormattedAsTheResourcesFormatIt(string culture)
    {
        Speak(culture);
        for (var pass = 0; pass < 2; pass++)
        {
            Assert.Equal(_resources["Wall.OpenWindows", 12, 1234].Value, _cached["Wall.OpenWindows", 12, 1234].Value);
            Assert.Equal(_resources["Presence.NoteTooLong", 500].Value, _cached["Presence.NoteTooLong", 500].Value);
        }
    }

    [Fact]
    public void ANameWithNoText_AnswersWithTheName_ReportedNotFound()
    {
        Speak("zh-CN");
        var missing = _cached["No.Such.Text"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.Text", missing.Value);
        Assert.Equal("Nothing 5", _cached["Nothing {0}", 5].Value);
        Assert.True(_cached["Nothing {0}", 5].ResourceNotFound);
    }
}
