using HallOps.Domain.Assessment;

namespace HallOps.Web.Assessment;

/// <summary>A line of the assessment table as shown and printed: the subject's label, a detail (window name, posts) and its figures.</summary>
public sealed record AssessmentLine(string Key, string Label, string? Detail, AssessmentRow Row)
{
    public static IReadOnlyList<AssessmentLine> Of(IEnumerable<AssessmentWindowLine> windows, Func<int, string> windowLabel) =>
        windows.Select(w => new AssessmentLine($"w{w.Number}", windowLabel(w.Number), w.Name, w.Row)).ToList();

    public static IReadOnlyList<AssessmentLine> Of(IEnumerable<AssessmentStaffLine> staff, Func<AssessmentStaffLine, string?> detail) =>
        staff.Select(s => new AssessmentLine($"s{s.EmployeeNo}", s.Name, detail(s), s.Row)).ToList();
}
