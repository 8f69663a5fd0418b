using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HallOps.Domain.Audit;
using HallOps.Domain.Cases;
using HallOps.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HallOps.Tests.Integration.Cases;

/// <summary>
/// POST /api/cases for the approval system (TL0, TL3): an API key, not a user; 201 with the case
/// number and due time; a retry answers 200 with the same case; ten identical calls at once make one
/// case; a bad body is a problem details document naming each field in Chinese; a missing or wrong
/// key is 401, an audit line and nothing written.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class CaseApiTests(CaseListHall hall) : IClassFixture<CaseListHall>
{
    private HttpClient Client(string? key = CaseListHall.ApiKey)
    {
        var client = hall.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }
        return client;
    }

    private string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private object Body(string external) => new
    {
        externalNumber = external,
        matterCode = CaseListHall.MatterA,
        applicantKind = "个人",
        applicantName = "张三明",
        applicantIdNumber = "110105199001011234",
        applicantPhone = "13855631234",
        receivedAt = Local(hall.Now.AddDays(-1)),
        acceptedAt = Local(hall.Now.AddDays(-1).AddMinutes(10)),
        windowNumber = 1,
        handlerNo = "ZW001",
        state = "受理",
    };

    private async Task<int> CountAsync(string external)
    {
        await using var db = hall.Db();
        return await db.Cases.CountAsync(c => c.ExternalNumber == external);
    }

    [Fact]
    public async Task CaseApi_ANewCase_Is201WithItsNumberAndDueTime_AndARetry_Is200WithTheSameCase()
    {
        var client = Client();

        var created = await client.PostAsJsonAsync("/api/cases", Body("API-001"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var first = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^\d{4}-\d{6}$", first.GetProperty("caseNumber").GetString());
        Assert.Equal("Accepted", first.GetProperty("state").GetString());
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("dueAt").ValueKind);
        Assert.Equal("/api/cases/API-001", created.Headers.Location?.ToString());

        var retry = await Client(CaseListHall.SecondApiKey).PostAsJsonAsync("/api/cases", Body("API-001"));

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var second = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("caseNumber").GetString(), second.GetProperty("caseNumber").GetString());
        Assert.Equal(1, await CountAsync("API-001"));
        await using var db = hall.Db();
        var stored = await db.Cases.SingleAsync(c => c.ExternalNumber == "API-001");
        Assert.Equal(CaseSource.Api, stored.Source);
        Assert.Equal("api", stored.CreatedBy);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(ServiceCase) && a.EntityKey == stored.Id.ToString() && a.Actor == "api"));
    }

    [Fact]
    public void CaseApi_TheFixtureConfiguresTwoKeys()
    {
        var configuration = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(hall.App.Services);

        var seen = string.Join("; ", Microsoft.Extensions.Configuration.ConfigurationExtensions.AsEnumerable(configuration)
            .Where(p => p.Key.Contains("Integration", StringComparison.OrdinalIgnoreCase) || p.Key.Contains("DemoSeed", StringComparison.OrdinalIgnoreCase)).Select(p => $"{p.Key}={p.Value}"));
        Assert.True(HallOps.Web.Endpoints.CaseApiEndpoints.ConfiguredKeys(configuration).SequenceEqual([CaseListHall.ApiKey, CaseListHall.SecondApiKey]), seen);
    }

    [Fact]
    public async Task CaseApi_GetByExternalNumber_GivesStateDueAndLight()
    {
        var client = Client();
        await client.PostAsJsonAsync("/api/cases", Body("API-GET-1"));

        var response = await client.GetAsync("/api/cases/API-GET-1");
        var missing = await client.GetAsync("/api/cases/NO-SUCH-CASE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Accepted", body.GetProperty("state").GetString());
        Assert.Contains(body.GetProperty("light").GetString(), new[] { "None", "Yellow", "Red" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CaseApi_TenIdenticalCallsAtOnce_MakeOneCase()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Client().PostAsJsonAsync("/api/cases", Body("API-RACE-1"))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()));
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, await CountAsync("API-RACE-1"));
    }

    [Fact]
    public async Task CaseApi_ABadBody_IsAProblemDetailsDocument_NamingEachFieldInChinese_AndWritesNothing()
    {
        var response = await Client().PostAsJsonAsync("/api/cases", new
        {
            externalNumber = "API-BAD-1",
            matterCode = "NO-SUCH-MATTER",
            applicantName = "",
            receivedAt = "yesterday",
            state = "受理",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("必须填写", errors.GetProperty("applicantName")[0].GetString());
        Assert.Contains("不是有效时间", errors.GetProperty("receivedAt")[0].GetString());
        Assert.Contains("受理时间", errors.GetProperty("acceptedAt")[0].GetString());
        Assert.Equal(0, await CountAsync("API-BAD-1"));

        var unknownMatter = await Client().PostAsJsonAsync("/api/cases", new { externalNumber = "API-BAD-2", matterCode = "NO-SUCH-MATTER", applicantName = "李四", receivedAt = Local(hall.Now.AddHours(-3)) });
        var matterProblem = await unknownMatter.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.BadRequest, unknownMatter.StatusCode);
        Assert.Contains("NO-SUCH-MATTER", matterProblem.GetProperty("errors").GetProperty("matterCode")[0].GetString());
        Assert.Equal(0, await CountAsync("API-BAD-2"));
    }

    [Theory]
    [InlineData("{ not json", "JSON")]
    [InlineData("[1, 2]", "JSON 对象")]
    public async Task CaseApi_ABodyThatIsNoCase_Is400WithTheReason(string body, string reason)
    {
        var response = await Client().PostAsync("/api/cases", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-key-approval-system-000")]
    public async Task CaseApi_AMissingOrWrongKey_Is401_AnAuditLine_AndNothingWritten(string? key)
    {
        await using (var before = hall.Db())
        {
            var denials = await before.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.Actor == "api");
            var external = $"API-KEY-{key?.Length ?? 0}";

            var response = await Client(key).PostAsJsonAsync("/api/cases", Body(external));
            var read = await Client(key).GetAsync("/api/cases/API-001");

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
            Assert.Equal(0, await CountAsync(external));
            await using var after = hall.Db();
            Assert.Equal(denials + 2, await after.AuditEntries.CountAsync(a => a.Action == AuditAction.AccessDenied && a.Actor == "api"));
        }
    }

    [Fact]
    public async Task CaseApi_WithNoKeyConfigured_IsNotThere()
    {
        using var database = new HallDatabaseFile();
        await using var app = new HallAppFactory(database);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", CaseListHall.ApiKey);

        var response = await client.PostAsJsonAsync("/api/cases", Body("API-NOKEYS"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
