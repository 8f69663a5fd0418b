using HallOps.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddHallLogging();
builder.AddHallData();
builder.AddHallIdentity();
builder.AddHallUi();
builder.AddHallFeatures();
builder.AddHallPublic();
builder.AddHallPush();
builder.AddHallJobs();
builder.AddHallHealth();

var app = builder.Build();

await app.PrepareHallDatabaseAsync();

app.UseHallPipeline();
app.MapHallEndpoints();
app.UseHallJobs();

app.Run();

public partial class Program;
