using System.Text.Json;
using HallOps.Domain.Persistence;
using HallOps.Web.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HallOps.Web.Extensions;

public static class HealthRegistration
{
    public static WebApplicationBuilder AddHallHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<HallDbContext>("database")
            .AddCheck<JobsHeartbeatHealthCheck>("jobs");
        return builder;
    }

    /// <summary>/health: the database and the jobs heartbeat, as JSON, for anyone (load balancers, monitors).</summary>
    public static IEndpointConventionBuilder MapHallHealth(this IEndpointRouteBuilder app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        }).AllowAnonymous();

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        }));
    }
}
