using System.Globalization;

namespace HallOps.Domain.Cases;

/// <summary>The fields of a case sent by the approval system (import columns, API body), in column order.</summary>
public enum CaseField
{
    ExternalNumber,
    MatterCode,
    ApplicantKind,
    ApplicantName,
    ApplicantIdNumber,
    ApplicantPhone,
    ReceivedAt,
    AcceptedAt,
    WindowNumber,
    HandlerNo,
    State,
    ClosedAt,
}

/// <summary>What is wrong with one field of an incoming case.</summary>
public enum CaseInputProblem
{
    Required,
    TooLong,
    BadCharacters,
    NotATime,
    InTheFuture,
    BeforeReceived,
    BeforeAccepted,
    NotANumber,
    UnknownValue,
    AcceptedTimeRequired,
    AcceptedTimeNotAllowed,
    ClosedTimeRequired,
    ClosedTimeNotAllowed,
    UnknownMatter,
    MatterWithoutVersion,
    UnknownWindow,
    UnknownHandler,
    RepeatedInFile,
}

public sealed record CaseInputError(CaseField Field, CaseInputProblem Problem, string? Value = null);

/// <summary>One incoming case as text, as a CSV cell, an xlsx cell or a JSON value gives it.</summary>
public sealed record ExternalCaseText(
    string? ExternalNumber,
    string? MatterCode,
    string? ApplicantKind,
    string? ApplicantName,
    string? ApplicantIdNumber,
    string? ApplicantPhone,
    string? ReceivedAt,
    string? AcceptedAt,
    string? WindowNumber,
    string? HandlerNo,
    string? State,
    string? ClosedAt)
{
    public string? this[CaseField field] => field switch
    {
        CaseField.ExternalNumber => ExternalNumber,
        CaseField.MatterCode => MatterCode,
        CaseField.ApplicantKind => ApplicantKind,
        CaseField.ApplicantName => ApplicantName,
        CaseField.ApplicantIdNumber => ApplicantIdNumber,
        CaseField.ApplicantPhone => ApplicantPhone,
        CaseField.ReceivedAt => ReceivedAt,
        CaseField.AcceptedAt => AcceptedAt,
        CaseField.WindowNumber => WindowNumber,
        CaseField.HandlerNo => HandlerNo,
        CaseField.State => State,
        _ => ClosedAt,
    };
}

/// <summary>A valid incoming case: the facts the hall stores (the matter, window and handler still to be found by code and number).</summary>
public sealed record ExternalCase(
    string ExternalNumber,
    string MatterCode,
    ApplicantKind ApplicantKind,
    string ApplicantName,
    string? ApplicantIdNumber,
    string? ApplicantPhone,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? AcceptedAt,
    int? WindowNumber,
    string? HandlerNo,
    CaseState State,
    DateTimeOffset? ClosedAt);

/// <summary>The words the approval system may use for an applicant kind and a state (the hall's terms, in any UI language).</summary>
public sealed class CaseVocabulary
{
    private readonly Dictionary<string, ApplicantKind> _kinds = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CaseState> _states = new(StringComparer.OrdinalIgnoreCase);

    public CaseVocabulary()
    {
        foreach (var kind in Enum.GetValues<ApplicantKind>())
        {
            _kinds[kind.ToString()] = kind;
        }
        foreach (var state in Enum.GetValues<CaseState>())
        {
            _states[state.ToString()] = state;
        }
    }

    public CaseVocabulary Kind(ApplicantKind kind, params IEnumerable<string> words)
    {
        foreach (var word in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            _kinds[word] = kind;
        }
        return this;
    }

    public CaseVocabulary State(CaseState state, params IEnumerable<string> words)
    {
        foreach (var word in words.Select(w => w.Trim()).Where(w => w.Length > 0))
        {
            _states[word] = state;
        }
        return this;
    }

    public bool TryKind(string text, out ApplicantKind kind) => _kinds.TryGetValue(text.Trim(), out kind);

    public bool TryState(string text, out CaseState state) => _states.TryGetValue(text.Trim(), out state);
}

/// <summary>
/// TL0, TL3: a case handed over by the approval system (import or API) enters the hall's clock only
/// when its facts hold together — an external number to find it again, a matter, an applicant, when
/// the papers were received, and an acceptance time exactly when the state says the clock started
/// (受理, 容缺受理, 办结); a closing time exactly when it is closed (办结, 不予受理, 退回). No time may
/// lie in the future, acceptance never precedes receipt, closing never precedes acceptance. Every
/// problem of a row is reported at once (OT1's "tell everything at once" holds for the hall's own
/// data too). A time without an offset is hall time.
/// </summary>
public static class ExternalCaseRules
{
    public const int MaxExternalNumber = 100;
    public const int MaxMatterCode = 50;
    public const int MaxName = 200;
    public const int MaxIdNumber = 50;
    public const int MaxPhone = 30;
    public const int MaxHandlerNo = 50;

    /// <summary>A clock a little ahead of the hall's still counts as now.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>States in which the clock has started (an acceptance time is required).</summary>
    public static bool ClockStarted(CaseState state) =>
        state is CaseState.Accepted or CaseState.AcceptedWithDeficiencies or CaseState.Completed;

    public static bool IsClosed(CaseState state) => state is CaseState.Completed or CaseState.Refused or CaseState.Returned;

    /// <summary>Checks one incoming case; returns it, or every problem found.</summary>
    public static (ExternalCase? Case, IReadOnlyList<CaseInputError> Errors) Check(
        ExternalCaseText text, CaseVocabulary words, TimeZoneInfo zone, DateTimeOffset now)
    {
        var errors = new List<CaseInputError>();

        var external = Text(text.ExternalNumber, CaseField.ExternalNumber, MaxExternalNumber, required: true, errors, codeLike: true);
        var matter = Text(text.MatterCode, CaseField.MatterCode, MaxMatterCode, required: true, errors, codeLike: true);
        var name = Text(text.ApplicantName, CaseField.ApplicantName, MaxName, required: true, errors);
        var idNumber = Text(text.ApplicantIdNumber, CaseField.ApplicantIdNumber, MaxIdNumber, required: false, errors, codeLike: true);
        var phone = Text(text.ApplicantPhone, CaseField.ApplicantPhone, MaxPhone, required: false, errors);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'))
        {
            errors.Add(new CaseInputError(CaseField.ApplicantPhone, CaseInputProblem.BadCharacters, phone));
        }
        var handler = Text(text.HandlerNo, CaseField.HandlerNo, MaxHandlerNo, required: false, errors, codeLike: true);

        var kind = ApplicantKind.Person;
        if (Trimmed(text.ApplicantKind) is { } kindText && !words.TryKind(kindText, out kind))
        {
            errors.Add(new CaseInputError(CaseField.ApplicantKind, CaseInputProblem.UnknownValue, kindText));
        }

        int? window = null;
        if (Trimmed(text.WindowNumber) is { } windowText)
        {
            if (int.TryParse(StripDecimalZero(windowText), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                window = number;
            }
            else
            {
                errors.Add(new CaseInputError(CaseField.WindowNumber, CaseInputProblem.NotANumber, windowText));
            }
        }

        var received = Time(text.ReceivedAt, CaseField.ReceivedAt, required: true, zone, now, errors);
        var accepted = Time(text.AcceptedAt, CaseField.AcceptedAt, required: false, zone, now, errors);
        var closed = Time(text.ClosedAt, CaseField.ClosedAt, required: false, zone, now, errors);

        CaseState? state = null;
        if (Trimmed(text.State) is { } stateText)
        {
            if (words.TryState(stateText, out var parsed))
            {
                state = parsed;
            }
            else
            {
                errors.Add(new CaseInputError(CaseField.State, CaseInputProblem.UnknownValue, stateText));
            }
        }
        else
        {
            // No state given: accepted when an acceptance time is, else only received.
            state = Trimmed(text.AcceptedAt) is null ? CaseState.Received : CaseState.Accepted;
        }

        if (state is { } s)
        {
            if (ClockStarted(s) && Trimmed(text.AcceptedAt) is null)
            {
                errors.Add(new CaseInputError(CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeRequired));
            }
            if (s is CaseState.Received or CaseState.AwaitingSupplement && Trimmed(text.AcceptedAt) is not null)
            {
                errors.Add(new CaseInputError(CaseField.AcceptedAt, CaseInputProblem.AcceptedTimeNotAllowed));
            }
            if (IsClosed(s) && Trimmed(text.ClosedAt) is null)
            {
                errors.Add(new CaseInputError(CaseField.ClosedAt, CaseInputProblem.ClosedTimeRequired));
            }
            if (!IsClosed(s) && Trimmed(text.ClosedAt) is not null)
            {
                errors.Add(new CaseInputError(CaseField.ClosedAt, CaseInputProblem.ClosedTimeNotAllowed));
            }
        }
        if (received is { } r && accepted is { } a && a < r)
        {
            errors.Add(new CaseInputError(CaseField.AcceptedAt, CaseInputProblem.BeforeReceived));
        }
        if (closed is { } c && (accepted ?? received) is { } start && c < start)
        {
            errors.Add(new CaseInputError(CaseField.ClosedAt, accepted is null ? CaseInputProblem.BeforeReceived : CaseInputProblem.BeforeAccepted));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ExternalCase(external!, matter!, kind, name!, idNumber, phone, received!.Value, accepted, window, handler, state!.Value, closed), []);
    }

    /// <summary>Reads an instant: with an offset as given, without one as hall time.</summary>
    public static bool TryParseTime(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        var value = text.Trim();
        // Without an offset first: "K" also matches nothing, and would read the time as the machine's.
        if (DateTime.TryParseExact(value, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            instant = FromHallTime(local, zone);
            return true;
        }
        return DateTimeOffset.TryParseExact(value, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    /// <summary>A wall-clock time in the hall's zone as an instant.</summary>
    public static DateTimeOffset FromHallTime(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static string StripDecimalZero(string text) =>
        text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Text(string? value, CaseField field, int max, bool required, List<CaseInputError> errors, bool codeLike = false)
    {
        var text = Trimmed(value);
        if (text is null)
        {
            if (required)
            {
                errors.Add(new CaseInputError(field, CaseInputProblem.Required));
            }
            return null;
        }
        if (text.Length > max)
        {
            errors.Add(new CaseInputError(field, CaseInputProblem.TooLong, max.ToString(CultureInfo.InvariantCulture)));
            return null;
        }
        if (text.Any(char.IsControl) || (codeLike && text.Any(char.IsWhiteSpace)))
        {
            errors.Add(new CaseInputError(field, CaseInputProblem.BadCharacters, text));
            return null;
        }
        return text;
    }

    private static DateTimeOffset? Time(string? value, CaseField field, bool required, TimeZoneInfo zone, DateTimeOffset now, List<CaseInputError> errors)
    {
        var text = Trimmed(value);
        if (text is null)
        {
            if (required)
            {
                errors.Add(new CaseInputError(field, CaseInputProblem.Required));
            }
            return null;
        }
        if (!TryParseTime(text, zone, out var instant))
        {
            errors.Add(new CaseInputError(field, CaseInputProblem.NotATime, text));
            return null;
        }
        if (instant > now + ClockSkew)
        {
            errors.Add(new CaseInputError(field, CaseInputProblem.InTheFuture, text));
            return null;
        }
        return instant;
    }
}
