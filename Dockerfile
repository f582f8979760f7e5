# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props HeadlessCrm.sln ./
COPY src/ src/
RUN dotnet publish src/HeadlessCrm.Api/HeadlessCrm.Api.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# The image has no PostgreSQL of its own: give it one with ConnectionStrings__Crm.
# Orchestrators probe GET /health/live and GET /health/ready.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "HeadlessCrm.Api.dll"]
