namespace HallOps.Web.Extensions;

public static class LoggingRegistration
{
    /// <summary>Structured logs: JSON lines outside development (for the log collector), readable text in development.</summary>
    public static WebApplicationBuilder AddHallLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment() && builder.Configuration["Logging:Format"] != "json")
        {
            builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        }
        else
        {
            builder.Logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }
        return builder;
    }
}
