using System.Net;
using HallOps.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace HallOps.Tests.Integration.Reports;

/// <summary>The coverage day page and its export are the manager's (Manage policy); a bad date is a 400 with the reason, never a 500.</summary>
[Collection(WebCollection.Name)]
public sealed class CoverageDayAccessTests(SeededHall hall) : IClassFixture<SeededHall>
{
    [Theory]
    [InlineData("/manage/coverage")]
    [InlineData("/manage/coverage/2026-11-25.xlsx")]
    public async Task CoverageDay_AStaffAccount_IsSentToAccessDenied(string path)
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "staff");

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CoverageDay_Anonymous_IsSentToSignInFromTheExport()
    {
        var client = hall.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/manage/coverage/2026-11-25.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task CoverageDay_TheManager_OpensThePage()
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");

        var response = await client.GetAsync("/manage/coverage");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("今日在岗情况", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("2026-13-45", "不是有效日期")]
    [InlineData("yesterday", "不是有效日期")]
    [InlineData("25.11.2026", "不是有效日期")]
    [InlineData("2999-01-01", "尚未到来")]
    [InlineData("1999-12-31", "以后的在岗情况")]
    public async Task CoverageDay_ABadDate_Answers400WithTheReason(string date, string reason)
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");

        var response = await client.GetAsync($"/manage/coverage/{date}.xlsx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CoverageDay_ABadDate_IsExplainedInEnglishToAnEnglishPage()
    {
        var client = await DemoAccounts.SignInAsync(hall.App, "manager");

        var response = await client.GetAsync("/manage/coverage/2026-02-30.xlsx?culture=en&ui-culture=en");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is not a date", await response.Content.ReadAsStringAsync());
    }
}
