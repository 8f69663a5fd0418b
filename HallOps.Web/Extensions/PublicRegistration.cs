using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HallOps.Web.Extensions;

/// <summary>
/// The pages anyone may open without an account (AP1–AP5): their flood guard. Requests that send a
/// form (POST) to a public page count against the address they come from,
/// <see cref="AppointmentOptions.PublicRequestsPerHour"/> an hour; reading the pages is not limited.
/// </summary>
public static class PublicRegistration
{
    /// <summary>The rate-limiting policy public form pages name.</summary>
    public const string PublicFormsPolicy = "public-forms";

    public static WebApplicationBuilder AddHallPublic(this WebApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = (int)HttpStatusCode.TooManyRequests;
            options.AddPolicy(PublicFormsPolicy, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("read");
                }
                var perHour = context.RequestServices.GetRequiredService<IOptions<HallOptions>>().Value.Appointments.PublicRequestsPerHour;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, perHour),
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var L = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(L["Public.TooManyRequests"], cancellationToken);
            };
        });
        // The public window board (AP5, SC2.5): one answer serves every lobby display for a few seconds.
        builder.Services.AddOutputCache(options => options.AddPolicy(HallOps.Web.PublicInfo.PublicHallEndpoints.CachePolicy,
            policy => policy.Expire(TimeSpan.FromSeconds(HallOps.Web.PublicInfo.PublicHallEndpoints.CacheSeconds))));
        return builder;
    }
}
