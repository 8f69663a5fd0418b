namespace HallOps.Domain.Cases;

/// <summary>
/// How an applicant appears everywhere except the case page: 张*明, 138****1234, 110105********1234.
/// Organisations are not personal data and keep their names.
/// </summary>
public static class Masking
{
    public static string Name(string? name, ApplicantKind kind = ApplicantKind.Person)
    {
        var text = name?.Trim() ?? "";
        if (kind == ApplicantKind.Organisation || text.Length == 0)
        {
            return text;
        }
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(text);
        return letters.Length switch
        {
            1 => "*",
            2 => text[..letters[1]] + "*",
            _ => text[..letters[1]] + new string('*', letters.Length - 2) + text[letters[^1]..],
        };
    }

    public static string Phone(string? phone)
    {
        var text = phone?.Trim() ?? "";
        return text.Length switch
        {
            0 => "",
            < 7 => new string('*', text.Length),
            _ => text[..3] + new string('*', text.Length - 7) + text[^4..],
        };
    }

    public static string IdNumber(string? id)
    {
        var text = id?.Trim() ?? "";
        return text.Length switch
        {
            0 => "",
            < 10 => new string('*', text.Length),
            _ => text[..6] + new string('*', text.Length - 10) + text[^4..],
        };
    }
}
