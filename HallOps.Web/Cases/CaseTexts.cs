using System.Globalization;
using HallOps.Domain.Cases;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Cases;

/// <summary>
/// The words of the approval system's files and the list's labels, from the resources: column
/// headers and values are recognised in every UI language (the approval system writes 外部编号 and
/// 受理 whatever language the manager reads), messages come in the reader's language.
/// </summary>
public sealed class CaseTexts(IStringLocalizer<SharedResource> L)
{
    private static readonly string[] Languages = ["zh-CN", "en"];

    /// <summary>The column header of a field in the reader's language (import errors, export headers).</summary>
    public string Column(CaseField field) => L[$"CaseImport.Col.{field}"];

    /// <summary>The JSON property of a field in the API body.</summary>
    public static string JsonName(CaseField field) => JsonNamingPolicyCamel(field.ToString());

    public string StateName(CaseState state) => L[$"CaseList.State.{state}"];

    public string LightName(CaseLight light) => L[$"CaseList.Light.{light}"];

    public string SourceName(CaseSource source) => L[$"CaseList.Source.{source}"];

    public string KindName(ApplicantKind kind) => L[$"CaseList.Kind.{kind}"];

    /// <summary>Every header a column may carry, in any UI language, for matching a file's first line.</summary>
    public IReadOnlyDictionary<string, CaseField> Headers()
    {
        var headers = new Dictionary<string, CaseField>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in Enum.GetValues<CaseField>())
        {
            headers[field.ToString()] = field;
            headers[JsonName(field)] = field;
            foreach (var text in InEveryLanguage($"CaseImport.Col.{field}"))
            {
                headers[text] = field;
            }
        }
        return headers;
    }

    /// <summary>The applicant kinds and states as the approval system may write them (the hall's words in any language, and the code names).</summary>
    public CaseVocabulary Vocabulary()
    {
        var words = new CaseVocabulary();
        foreach (var kind in Enum.GetValues<ApplicantKind>())
        {
            words.Kind(kind, InEveryLanguage($"CaseImport.Words.{kind}").SelectMany(Split));
            words.Kind(kind, InEveryLanguage($"CaseList.Kind.{kind}"));
        }
        foreach (var state in Enum.GetValues<CaseState>())
        {
            words.State(state, InEveryLanguage($"CaseImport.Words.{state}").SelectMany(Split));
            words.State(state, InEveryLanguage($"CaseList.State.{state}"));
        }
        return words;
    }

    /// <summary>One problem as the reader is told it: the column's name and what is wrong.</summary>
    public string Problem(CaseInputError error) =>
        L[$"CaseImport.Problem.{error.Problem}", Column(error.Field), error.Value ?? ""];

    private List<string> InEveryLanguage(string key)
    {
        var texts = new List<string>();
        var current = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var language in Languages)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
                var text = L[key];
                if (!text.ResourceNotFound)
                {
                    texts.Add(text.Value);
                }
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
        return texts;
    }

    private static IEnumerable<string> Split(string words) => words.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string JsonNamingPolicyCamel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
