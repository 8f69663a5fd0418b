using System.Globalization;
using System.Text;

namespace HallOps.Bench.Circuits;

/// <summary>A summary table: a title, column names and rows; printed as text and written as markdown.</summary>
public sealed class Report(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    public void Add(params string[] cells) => _rows.Add(cells);

    public string ToText()
    {
        var widths = columns.Select((c, i) => _rows.Select(r => r[i].Length).Append(c.Length).Max()).ToArray();
        var text = new StringBuilder().AppendLine(title);
        void Line(IReadOnlyList<string> cells) =>
            text.AppendLine(string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd());
        Line(columns);
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
        {
            Line(row);
        }
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder().AppendLine($"**{title}**").AppendLine();
        text.AppendLine($"| {string.Join(" | ", columns)} |");
        text.AppendLine($"|{string.Join("|", columns.Select((_, i) => i == 0 ? "---" : "---:"))}|");
        foreach (var row in _rows)
        {
            text.AppendLine($"| {string.Join(" | ", row)} |");
        }
        return text.ToString();
    }

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "–" : milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    public static string Percentiles(Durations durations, params double[] ps) =>
        durations.Count == 0 ? "–" : string.Join(" / ", ps.Select(p => Ms(durations.PercentileMs(p)))) + " ms";

    public static string Kb(double? bytes) => bytes is { } b ? (b / 1024).ToString("0", CultureInfo.InvariantCulture) + " KB" : "–";
}
