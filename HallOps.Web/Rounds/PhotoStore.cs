using System.Text.RegularExpressions;
using HallOps.Web.Imports;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Rounds;

/// <summary>A photo stored, or why it was refused (in the user's language).</summary>
public sealed record PhotoSaveResult(string? Name, string? Error);

/// <summary>
/// Evidence photos (a failed round item, a hazard) kept as files outside the database, under
/// Hall:Photos:Folder, each at most Hall:Photos:MaxKilobytes and only JPEG, PNG or WebP (checked by
/// their first bytes, not their name). Written to a temporary file and moved into place, so a crash
/// leaves no half photo. Served only to signed-in users (<see cref="Endpoints.PhotoEndpoints"/>).
/// </summary>
public sealed partial class PhotoStore(IOptions<HallOptions> options, IWebHostEnvironment environment, IStringLocalizer<SharedResource> L)
{
    private static readonly (string Extension, string ContentType)[] Types = [(".jpg", "image/jpeg"), (".png", "image/png"), (".webp", "image/webp")];

    public long MaxBytes => options.Value.Photos.MaxKilobytes * 1024L;

    /// <summary>The accept attribute of a photo input.</summary>
    public const string Accept = "image/jpeg,image/png,image/webp";

    public string Folder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Photos.Folder));

    /// <summary>Stores an uploaded photo; the name it returns goes into the row that refers to it.</summary>
    public async Task<PhotoSaveResult> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.part");
        try
        {
            await using (var file = File.Create(temporary))
            {
                try
                {
                    await ImportFiles.CopyLimitedAsync(content, file, MaxBytes, cancellationToken);
                }
                catch (InvalidDataException)
                {
                    return new PhotoSaveResult(null, L["Photos.TooLarge", options.Value.Photos.MaxKilobytes / 1024.0]);
                }
                catch (IOException)
                {
                    // The browser's upload stream refuses past its own limit with an IOException.
                    return new PhotoSaveResult(null, L["Photos.TooLarge", options.Value.Photos.MaxKilobytes / 1024.0]);
                }
            }
            var header = new byte[12];
            int read;
            await using (var file = File.OpenRead(temporary))
            {
                read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
            }
            if (Sniff(header.AsSpan(0, read)) is not { } extension)
            {
                return new PhotoSaveResult(null, L["Photos.NotAnImage"]);
            }
            var name = $"{Guid.NewGuid():N}{extension}";
            File.Move(temporary, Path.Combine(Folder, name));
            return new PhotoSaveResult(name, null);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The stored file and its content type, or null for a name that is not one of ours.</summary>
    public (string Path, string ContentType)? Open(string name)
    {
        if (!NamePattern().IsMatch(name))
        {
            return null;
        }
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            return null;
        }
        var contentType = Types.First(t => name.EndsWith(t.Extension, StringComparison.Ordinal)).ContentType;
        return (path, contentType);
    }

    /// <summary>The photo's address for a page: /photos/{name}.</summary>
    public static string Url(string name) => "/photos/" + name;

    /// <summary>The file type by its first bytes: JPEG, PNG or WebP; null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 3 && header[0] == 0xFF && header[1] == 0xD8 && header[2] == 0xFF)
        {
            return ".jpg";
        }
        if (header.Length >= 8 && header[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ".png";
        }
        if (header.Length >= 12 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8))
        {
            return ".webp";
        }
        return null;
    }

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)$")]
    private static partial Regex NamePattern();
}
