using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HallOps.Domain.Audit;
using HallOps.Domain.Cases;
using HallOps.Web.Audit;
using HallOps.Web.Cases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace HallOps.Web.Endpoints;

/// <summary>The answer to the approval system: the hall's case number, its state, due time and light.</summary>
public sealed record CaseApiAnswer(string CaseNumber, string ExternalNumber, string State, DateTimeOffset? DueAt, string Light);

/// <summary>
/// The approval system's API (TL0, TL3), for a machine, not a browser user: POST /api/cases hands a
/// case over, GET /api/cases/{externalNumber} reads its state, due time and light. Authenticated by
/// the X-Api-Key header against Hall:Integration:ApiKeys (compared in constant time); with no key
/// configured the API is not there (404); a missing or wrong key is 401 and an audit line. A POST is
/// idempotent on externalNumber: a retry answers 200 with the case already held, never a second case.
/// </summary>
public static class CaseApiEndpoints
{
    public const string KeyHeader = "X-Api-Key";
    public const string KeysSetting = "Hall:Integration:ApiKeys";

    /// <summary>The body is small: one case.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapCaseApiEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases")
            .AllowAnonymous() // not a signed-in user: the API key filter below decides
            .AddEndpointFilter(RequireApiKeyAsync)
            .WithTags("Cases");
        group.MapPost("/", CreateAsync).WithName("CaseApiCreate");
        group.MapGet("/{externalNumber}", GetAsync).WithName("CaseApiGet");
        return app;
    }

    /// <summary>The configured keys: an array (ApiKeys:0, ApiKeys:1 …) or one value with keys separated by commas.</summary>
    public static IReadOnlyList<string> ConfiguredKeys(IConfiguration configuration)
    {
        var values = configuration.AsEnumerable()
            .Where(pair => pair.Value is not null
                           && (pair.Key.Equals(KeysSetting, StringComparison.OrdinalIgnoreCase)
                               || pair.Key.StartsWith(KeysSetting + ":", StringComparison.OrdinalIgnoreCase)))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Value!)
            .Distinct(StringComparer.Ordinal);
        return values.SelectMany(v => v.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }

    private static async ValueTask<object?> RequireApiKeyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keys = ConfiguredKeys(http.RequestServices.GetRequiredService<IConfiguration>());
        if (keys.Count == 0)
        {
            return TypedResults.NotFound();
        }
        var given = http.Request.Headers[KeyHeader].ToString();
        if (given.Length == 0 || !keys.Aggregate(false, (match, key) => Matches(given, key) | match))
        {
            var detail = $"{http.Request.Method} {http.Request.Path}: {(given.Length == 0 ? "no API key" : "wrong API key")} from {http.Connection.RemoteIpAddress}";
            await http.RequestServices.GetRequiredService<AuditLog>()
                .WriteAsync(AuditAction.AccessDenied, "api", null, detail, http.RequestAborted);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()["CaseImport.Api.WrongKey"]);
        }
        using (HallActor.Use(new Actor(ApiActor, null)))
        {
            return await next(context);
        }
    }

    /// <summary>Who the audit log and the case record as having entered an API case.</summary>
    public const string ApiActor = "api";

    /// <summary>Compares hashes in constant time, so neither the content nor the length of a key leaks through timing.</summary>
    private static bool Matches(string given, string key) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static async Task<Results<Created<CaseApiAnswer>, Ok<CaseApiAnswer>, ValidationProblem>> CreateAsync(
        HttpRequest request, ExternalCaseService cases, CaseTexts texts, IStringLocalizer<SharedResource> L, CancellationToken cancellationToken)
    {
        var (text, bodyError) = await ReadBodyAsync(request, cancellationToken);
        if (text is null)
        {
            var message = L[bodyError!].Value;
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [message] }, detail: message, title: L["CaseImport.Api.Invalid"]);
        }
        var (valid, errors) = await cases.CheckAsync([(0, text)], cancellationToken);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => CaseTexts.JsonName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: L["CaseImport.Api.Invalid"]);
        }
        var stored = (await cases.StoreAsync(valid, CaseSource.Api, ApiActor, cancellationToken)).Cases.Single();
        var answer = Answer(stored);
        return stored.Created
            ? TypedResults.Created($"/api/cases/{Uri.EscapeDataString(stored.ExternalNumber)}", answer)
            : TypedResults.Ok(answer);
    }

    private static async Task<Results<Ok<CaseApiAnswer>, NotFound>> GetAsync(string externalNumber, ExternalCaseService cases, CancellationToken cancellationToken)
    {
        var found = await cases.FindAsync([externalNumber.Trim()], cancellationToken);
        return found.Values.SingleOrDefault() is { } stored ? TypedResults.Ok(Answer(stored)) : TypedResults.NotFound();
    }

    private static CaseApiAnswer Answer(StoredExternalCase stored) =>
        new(stored.Number, stored.ExternalNumber, stored.State.ToString(), stored.DueAt, stored.Light.ToString());

    /// <summary>The body's fields as text (a JSON string or number both do); null with the resource key of the reason when it is no JSON object.</summary>
    private static async Task<(ExternalCaseText? Text, string? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, "CaseImport.Api.NotJson");
        }
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, "CaseImport.Api.TooLarge");
        }
        JsonDocument document;
        try
        {
            using var limited = new MemoryStream();
            var buffer = new byte[8192];
            int read;
            while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (limited.Length + read > MaxBodyBytes)
                {
                    return (null, "CaseImport.Api.TooLarge");
                }
                limited.Write(buffer, 0, read);
            }
            document = JsonDocument.Parse(limited.ToArray());
        }
        catch (JsonException)
        {
            return (null, "CaseImport.Api.NotJson");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "CaseImport.Api.NotAnObject");
            }
            var fields = new Dictionary<CaseField, string?>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var field = Enum.GetValues<CaseField>().Cast<CaseField?>()
                    .FirstOrDefault(f => string.Equals(CaseTexts.JsonName(f!.Value), property.Name, StringComparison.OrdinalIgnoreCase));
                if (field is { } f)
                {
                    fields[f] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Number => property.Value.GetRawText(),
                        JsonValueKind.Null => null,
                        _ => "\u0001", // an object or array where a value belongs: refused by the rule as bad characters
                    };
                }
            }
            string? Get(CaseField field) => fields.GetValueOrDefault(field);
            return (new ExternalCaseText(
                Get(CaseField.ExternalNumber), Get(CaseField.MatterCode), Get(CaseField.ApplicantKind), Get(CaseField.ApplicantName),
                Get(CaseField.ApplicantIdNumber), Get(CaseField.ApplicantPhone), Get(CaseField.ReceivedAt), Get(CaseField.AcceptedAt),
                Get(CaseField.WindowNumber), Get(CaseField.HandlerNo), Get(CaseField.State), Get(CaseField.ClosedAt)), null);
        }
    }
}
