using System.Text.RegularExpressions;

namespace HallOps.Domain.Cases;

/// <summary>What the window found for one required material at intake (OT1).</summary>
public enum MaterialStatus
{
    /// <summary>Received and conforming.</summary>
    Received = 1,

    /// <summary>Not handed in.</summary>
    Missing = 2,

    /// <summary>Handed in, but not conforming (wrong form, unsigned, expired …): the note says what is wrong.</summary>
    NonConforming = 3,
}

/// <summary>One line of the materials check: a material of the matter version and what was found.</summary>
public sealed record MaterialCheck(int MaterialId, MaterialStatus Status, string? Note = null);

/// <summary>The outcome the window chooses at intake (TL3, OT1, OT2, TL4).</summary>
public enum IntakeOutcome
{
    /// <summary>受理: the papers are complete and conforming; the clock starts (TL2).</summary>
    Accept = 1,

    /// <summary>一次性告知补正: every missing or non-conforming item at once; the clock does not start (OT1, TL3).</summary>
    Supplement = 2,

    /// <summary>容缺受理: accepted now, only deferrable materials may be missing (TL3).</summary>
    AcceptWithDeficiencies = 3,

    /// <summary>不予受理: every reason at once, with the legal basis (OT2, TL4).</summary>
    Refuse = 4,

    /// <summary>退件: every reason at once, in writing (OT2).</summary>
    Return = 5,
}

public enum IntakeProblem
{
    /// <summary>A material of the version has no line in the check, or a line names no material of it.</summary>
    ChecklistIncomplete = 1,

    /// <summary>Accepting while something is missing or not conforming.</summary>
    NotComplete = 2,

    /// <summary>A supplement notice with nothing to supplement.</summary>
    NothingMissing = 3,

    /// <summary>A non-conforming item without a note of what is wrong.</summary>
    NonConformingWithoutNote = 4,

    /// <summary>容缺受理 with a material missing that may not be deferred.</summary>
    NotDeferrable = 5,

    /// <summary>容缺受理 with no date by which the deferred items are due, or a date not after today.</summary>
    DeferredDueInvalid = 6,

    /// <summary>Refusal or return with no reason.</summary>
    NoReasons = 7,

    /// <summary>Refusal with no legal basis.</summary>
    NoLegalBasis = 8,
}

/// <summary>
/// The intake rules at the window as pure functions: which outcome the materials check allows
/// (OT1, OT2, TL3, TL4) and the applicant's identity and phone formats.
/// </summary>
public static class IntakeRules
{
    /// <summary>
    /// The problems with an intake outcome given the version's materials and the check. Every
    /// material must be checked once. Accept needs everything received; a supplement notice needs at
    /// least one item; 容缺受理 needs at least one item missing, all of them deferrable, and a due
    /// date after today; refusal and return need at least one reason, refusal a legal basis too.
    /// </summary>
    public static IReadOnlyList<IntakeProblem> Check(
        IntakeOutcome outcome,
        IReadOnlyCollection<MatterMaterial> materials,
        IReadOnlyCollection<MaterialCheck> checks,
        IReadOnlyCollection<string>? reasons = null,
        string? legalBasis = null,
        DateOnly? deferredDue = null,
        DateOnly? today = null)
    {
        var problems = new List<IntakeProblem>();
        if (outcome is IntakeOutcome.Refuse or IntakeOutcome.Return)
        {
            if (reasons is null || !reasons.Any(r => !string.IsNullOrWhiteSpace(r)))
            {
                problems.Add(IntakeProblem.NoReasons);
            }
            if (outcome == IntakeOutcome.Refuse && string.IsNullOrWhiteSpace(legalBasis))
            {
                problems.Add(IntakeProblem.NoLegalBasis);
            }
            return problems;
        }

        var ids = materials.Select(m => m.Id).ToHashSet();
        if (checks.Count != materials.Count || checks.Select(c => c.MaterialId).Distinct().Count() != checks.Count
            || !checks.All(c => ids.Contains(c.MaterialId)) || !checks.All(c => Enum.IsDefined(c.Status)))
        {
            problems.Add(IntakeProblem.ChecklistIncomplete);
            return problems;
        }
        if (checks.Any(c => c.Status == MaterialStatus.NonConforming && string.IsNullOrWhiteSpace(c.Note)))
        {
            problems.Add(IntakeProblem.NonConformingWithoutNote);
        }
        var lacking = checks.Where(c => c.Status != MaterialStatus.Received).Select(c => c.MaterialId).ToHashSet();
        switch (outcome)
        {
            case IntakeOutcome.Accept when lacking.Count > 0:
                problems.Add(IntakeProblem.NotComplete);
                break;
            case IntakeOutcome.Supplement when lacking.Count == 0:
                problems.Add(IntakeProblem.NothingMissing);
                break;
            case IntakeOutcome.AcceptWithDeficiencies:
                if (lacking.Count == 0)
                {
                    problems.Add(IntakeProblem.NothingMissing);
                }
                else if (materials.Any(m => lacking.Contains(m.Id) && !m.Deferrable))
                {
                    problems.Add(IntakeProblem.NotDeferrable);
                }
                if (deferredDue is not { } due || today is not { } now || due <= now)
                {
                    problems.Add(IntakeProblem.DeferredDueInvalid);
                }
                break;
        }
        return problems;
    }

    private static readonly int[] IdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckChars = "10X98765432";

    /// <summary>
    /// A resident identity card number (GB 11643): 18 characters, 17 digits with a valid birth date,
    /// and the check character (0–9 or X) computed from them.
    /// </summary>
    public static bool IsValidPersonId(string? id)
    {
        var text = (id ?? "").Trim().ToUpperInvariant();
        if (!Regex.IsMatch(text, "^[0-9]{17}[0-9X]$"))
        {
            return false;
        }
        if (!DateOnly.TryParseExact(text.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var birth) || birth.Year < 1900)
        {
            return false;
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (text[i] - '0') * IdWeights[i];
        }
        return text[17] == IdCheckChars[sum % 11];
    }

    private const string CreditCodeChars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// A unified social credit code (统一社会信用代码, GB 32100): 18 characters from the code's
    /// alphabet (no I, O, S, V, Z) with the check character computed from the first 17.
    /// </summary>
    public static bool IsValidCreditCode(string? code)
    {
        var text = (code ?? "").Trim().ToUpperInvariant();
        if (text.Length != 18 || text.Any(c => !CreditCodeChars.Contains(c)))
        {
            return false;
        }
        return text[17] == CreditCodeCheck(text[..17]);
    }

    /// <summary>The check character of the first 17 characters of a unified social credit code.</summary>
    public static char CreditCodeCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CreditCodeChars.IndexOf(first17[i]) * CreditCodeWeights[i];
        }
        return CreditCodeChars[(31 - sum % 31) % 31];
    }

    /// <summary>The check character of the first 17 digits of an identity card number.</summary>
    public static char PersonIdCheck(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * IdWeights[i];
        }
        return IdCheckChars[sum % 11];
    }

    /// <summary>An 11-digit mainland mobile number (1[3-9]…) or a landline with its area code (0563-5512345, extension allowed).</summary>
    public static bool IsValidPhone(string? phone)
    {
        var text = (phone ?? "").Trim();
        return Regex.IsMatch(text, "^1[3-9][0-9]{9}$")
            || Regex.IsMatch(text, "^0[0-9]{2,3}-?[1-9][0-9]{6,7}(-[0-9]{1,6})?$");
    }

    /// <summary>The applicant's ID in its stored form: trimmed, upper case (the X of an ID card).</summary>
    public static string NormaliseId(string? id) => (id ?? "").Trim().ToUpperInvariant();
}
