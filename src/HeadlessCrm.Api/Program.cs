using HeadlessCrm.Api.Infrastructure.Access;
using HeadlessCrm.Api.Infrastructure.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddCrmDatabase();
builder.AddCrmAccess();
builder.AddCrmApi();

var app = builder.Build();
app.UseCrmPipeline();
app.MapCrmEndpoints();
app.Run();

public partial class Program;
