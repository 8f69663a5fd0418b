using System.Text;

namespace HallOps.Web.Imports;

/// <summary>What every import reads its uploaded file with: a size limit, and CSV as Excel writes it.</summary>
public static class ImportFiles
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Copies an upload, refusing it (<see cref="InvalidDataException"/>) past <paramref name="maxBytes"/>.</summary>
    public static async Task CopyLimitedAsync(Stream from, Stream to, long maxBytes, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new InvalidDataException("The file is too large.");
            }
            await to.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>
    /// RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes), one array of cells per line;
    /// UTF-8 with or without BOM, or GB18030 as Excel saves it on a Chinese desktop.
    /// </summary>
    /// <exception cref="FormatException">A quoted cell is not closed.</exception>
    public static List<string[]> ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }
        text = text.TrimStart('\uFEFF');
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(cell.ToString());
                    cell.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException("A quoted cell is not closed.");
        }
        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }
        return rows;
    }
}
