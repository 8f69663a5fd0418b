using System.Net;
using HallOps.Tests.Support;
using HallOps.Web.Rounds;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HallOps.Tests.Integration.Rounds;

/// <summary>
/// Evidence photos (SE2.2, SE7): kept as files outside the database, only real images (by their
/// bytes) up to the size limit; a refused upload leaves no file; served only to signed-in accounts.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PhotoStoreTests(SeededHall hall) : IClassFixture<SeededHall>
{
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89,
    ];

    private PhotoStore Photos => hall.App.Services.GetRequiredService<PhotoStore>();

    private int FilesInFolder() => Directory.Exists(Photos.Folder) ? Directory.GetFiles(Photos.Folder).Length : 0;

    [Fact]
    public async Task SE7_AnImageIsStoredAsAFile_AndServedToASignedInAccountOnly()
    {
        var saved = await Photos.SaveAsync(new MemoryStream(Png));

        Assert.Null(saved.Error);
        Assert.Matches("^[0-9a-f]{32}\\.png$", saved.Name);
        Assert.True(File.Exists(Path.Combine(Photos.Folder, saved.Name!)));

        var anonymous = hall.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await anonymous.GetAsync(PhotoStore.Url(saved.Name!));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var guard = await DemoAccounts.SignInAsync(hall.App, "guard");
        var served = await guard.GetAsync(PhotoStore.Url(saved.Name!));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SE7_ATextFileNamedLikeAPhoto_OrAnOversizedOne_IsRefusedWithAReason_AndLeavesNoFile()
    {
        var before = FilesInFolder();

        var text = await Photos.SaveAsync(new MemoryStream("<script>alert(1)</script>"u8.ToArray()));
        var huge = new byte[Photos.MaxBytes + 10];
        Png.CopyTo(huge, 0);
        var oversized = await Photos.SaveAsync(new MemoryStream(huge));

        Assert.Null(text.Name);
        Assert.Contains("JPEG", text.Error);
        Assert.Null(oversized.Name);
        Assert.Contains("MB", oversized.Error);
        Assert.Equal(before, FilesInFolder());
    }

    [Theory]
    [InlineData("..%2F..%2Fappsettings.json")]
    [InlineData("0123456789abcdef0123456789abcdef.svg")]
    [InlineData("0123456789abcdef0123456789abcdef.png")]
    public async Task SE7_ANameThatIsNotAStoredPhoto_IsNotFound(string name)
    {
        var guard = await DemoAccounts.SignInAsync(hall.App, "guard");

        var response = await guard.GetAsync("/photos/" + name);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
