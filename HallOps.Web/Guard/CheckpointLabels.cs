using QRCoder;

namespace HallOps.Web.Guard;

/// <summary>A printed checkpoint label: the place, the hall, and the QR code of its scan address.</summary>
public sealed record CheckpointLabel(int Id, string Name, string? FloorName, string Svg);

/// <summary>
/// The QR codes on the checkpoint labels (SE2.2, SE2.3), drawn on the server as inline SVG — no
/// image service, no outside address: the code holds the app's own origin + /guard/cp/{token}.
/// </summary>
public static class CheckpointLabels
{
    /// <summary>An SVG that scales to its box (viewBox only), black on white with the quiet zone, error correction M.</summary>
    public static string QrSvg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(new PayloadGenerator.Url(url), QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    public static IReadOnlyList<CheckpointLabel> For(IEnumerable<CheckpointRow> checkpoints, string origin) =>
        checkpoints.Select(c => new CheckpointLabel(c.Id, c.Name, c.FloorName, QrSvg(CheckpointService.ScanUrl(origin, c.Token)))).ToList();
}
