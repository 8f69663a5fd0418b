namespace HallOps.Domain.Cases;

/// <summary>What is wrong with a matter as entered (TL1, OT1, OT5).</summary>
public enum MatterProblem
{
    /// <summary>事项编码 is empty.</summary>
    CodeRequired = 1,

    /// <summary>Another matter already has this code (compared without regard to case).</summary>
    CodeTaken = 2,

    NameRequired = 3,

    /// <summary>TL1: a limit below 0 working days.</summary>
    NegativeLimit = 4,

    /// <summary>TL1: the committed limit (承诺时限) exceeds the statutory one (法定时限).</summary>
    CommittedOverStatutory = 5,

    /// <summary>A limit beyond what the clock counts (<see cref="CaseClock.MaxDays"/>).</summary>
    LimitTooLong = 6,

    /// <summary>OT1: a promised matter (committed &gt; 0) lists no required material.</summary>
    MaterialsRequired = 7,

    /// <summary>A material line without a name.</summary>
    MaterialNameRequired = 8,

    /// <summary>OT1: the same material twice on one list (a notice could not name it once).</summary>
    DuplicateMaterial = 9,

    /// <summary>OT5: a new version says why it was made.</summary>
    ReasonRequired = 10,
}

/// <summary>One problem, with the material (or code) it is about, if any.</summary>
public sealed record MatterIssue(MatterProblem Problem, string? Item = null);

/// <summary>A matter as entered, before it is saved: the fields the rules look at.</summary>
public sealed record MatterDraft(
    string? Code,
    string? Name,
    int StatutoryDays,
    int CommittedDays,
    IReadOnlyList<string?> MaterialNames,
    bool IsNewVersion = false,
    string? Reason = null);

/// <summary>What changed in the materials list between two versions of a matter (OT5).</summary>
public enum MaterialChange
{
    Unchanged = 0,
    Added = 1,
    Removed = 2,

    /// <summary>Same name; its requirement or whether it may be deferred changed.</summary>
    Changed = 3,

    /// <summary>Same name and requirement, another place on the list.</summary>
    Moved = 4,
}

/// <summary>A material of either version with what happened to it.</summary>
public sealed record MaterialDiffLine(MaterialChange Change, string Name, MatterMaterial? Before, MatterMaterial? After);

/// <summary>
/// The catalogue's rules (TL1, OT1, OT5): each matter has a code unique in the hall, its limits in
/// working days (0 = 即办件, committed ≤ statutory, both within what the clock counts), a promised
/// matter lists what the applicant must bring (each material once), and every new version says why.
/// </summary>
public static class MatterRules
{
    /// <summary>The code as stored: trimmed.</summary>
    public static string NormalizeCode(string? code) => (code ?? "").Trim();

    /// <summary>Whether two codes name the same matter (codes are compared without regard to case).</summary>
    public static bool SameCode(string? a, string? b) =>
        string.Equals(NormalizeCode(a), NormalizeCode(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>A material's name as compared: trimmed.</summary>
    public static string NormalizeMaterial(string? name) => (name ?? "").Trim();

    /// <summary>Every problem of the draft at once; empty when it may be saved. <paramref name="otherCodes"/>: the codes of every other matter.</summary>
    public static IReadOnlyList<MatterIssue> Check(MatterDraft draft, IEnumerable<string> otherCodes)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(otherCodes);
        var issues = new List<MatterIssue>();
        var code = NormalizeCode(draft.Code);
        if (code.Length == 0)
        {
            issues.Add(new MatterIssue(MatterProblem.CodeRequired));
        }
        else if (otherCodes.Any(other => SameCode(other, code)))
        {
            issues.Add(new MatterIssue(MatterProblem.CodeTaken, code));
        }
        if (string.IsNullOrWhiteSpace(draft.Name))
        {
            issues.Add(new MatterIssue(MatterProblem.NameRequired));
        }

        if (draft.StatutoryDays < 0 || draft.CommittedDays < 0)
        {
            issues.Add(new MatterIssue(MatterProblem.NegativeLimit));
        }
        else
        {
            if (draft.StatutoryDays > CaseClock.MaxDays || draft.CommittedDays > CaseClock.MaxDays)
            {
                issues.Add(new MatterIssue(MatterProblem.LimitTooLong));
            }
            if (draft.CommittedDays > draft.StatutoryDays)
            {
                issues.Add(new MatterIssue(MatterProblem.CommittedOverStatutory));
            }
        }

        var names = draft.MaterialNames ?? [];
        if (draft.CommittedDays > 0 && names.Count == 0)
        {
            issues.Add(new MatterIssue(MatterProblem.MaterialsRequired));
        }
        if (names.Any(n => NormalizeMaterial(n).Length == 0))
        {
            issues.Add(new MatterIssue(MatterProblem.MaterialNameRequired));
        }
        foreach (var duplicate in names.Select(NormalizeMaterial).Where(n => n.Length > 0)
                     .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            issues.Add(new MatterIssue(MatterProblem.DuplicateMaterial, duplicate.Key));
        }

        if (draft.IsNewVersion && string.IsNullOrWhiteSpace(draft.Reason))
        {
            issues.Add(new MatterIssue(MatterProblem.ReasonRequired));
        }
        return issues;
    }

    /// <summary>
    /// Whether two versions promise the same (limits, pausing, legal basis, guide, the materials in
    /// order with their requirements): a re-import of the same catalogue makes no new version.
    /// </summary>
    public static bool SameContent(MatterVersion a, MatterVersion b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.StatutoryDays != b.StatutoryDays || a.CommittedDays != b.CommittedDays
            || a.SupplementPausesClock != b.SupplementPausesClock
            || Text(a.LegalBasis) != Text(b.LegalBasis) || Text(a.Guide) != Text(b.Guide)
            || a.Materials.Count != b.Materials.Count)
        {
            return false;
        }
        var left = a.Materials.OrderBy(m => m.Order).ToList();
        var right = b.Materials.OrderBy(m => m.Order).ToList();
        return left.Zip(right).All(p =>
            NormalizeMaterial(p.First.Name) == NormalizeMaterial(p.Second.Name)
            && Text(p.First.Requirement) == Text(p.Second.Requirement)
            && p.First.Deferrable == p.Second.Deferrable);
    }

    /// <summary>
    /// The materials of <paramref name="after"/> in order, each marked unchanged, changed, moved or
    /// added against <paramref name="before"/>, followed by those removed (OT5: what a window must now ask for).
    /// </summary>
    public static IReadOnlyList<MaterialDiffLine> Diff(IEnumerable<MatterMaterial> before, IEnumerable<MatterMaterial> after)
    {
        var old = before.OrderBy(m => m.Order).ToList();
        var now = after.OrderBy(m => m.Order).ToList();
        var oldByName = old.GroupBy(m => NormalizeMaterial(m.Name)).ToDictionary(g => g.Key, g => g.First());
        var newNames = now.Select(m => NormalizeMaterial(m.Name)).ToHashSet(StringComparer.Ordinal);
        // Moved = another place among the materials both versions list (an insertion above is not a move).
        var oldCommon = old.Select(m => NormalizeMaterial(m.Name)).Where(newNames.Contains).Distinct().ToList();
        var newCommon = now.Select(m => NormalizeMaterial(m.Name)).Where(oldByName.ContainsKey).Distinct().ToList();
        var lines = new List<MaterialDiffLine>();
        foreach (var material in now)
        {
            var name = NormalizeMaterial(material.Name);
            if (!oldByName.TryGetValue(name, out var was))
            {
                lines.Add(new MaterialDiffLine(MaterialChange.Added, name, null, material));
                continue;
            }
            var change = Text(was.Requirement) != Text(material.Requirement) || was.Deferrable != material.Deferrable
                ? MaterialChange.Changed
                : oldCommon.IndexOf(name) != newCommon.IndexOf(name) ? MaterialChange.Moved : MaterialChange.Unchanged;
            lines.Add(new MaterialDiffLine(change, name, was, material));
        }
        lines.AddRange(old.Where(m => !newNames.Contains(NormalizeMaterial(m.Name)))
            .Select(m => new MaterialDiffLine(MaterialChange.Removed, NormalizeMaterial(m.Name), m, null)));
        return lines;
    }

    private static string Text(string? value) => (value ?? "").Trim().ReplaceLineEndings("\n");
}
