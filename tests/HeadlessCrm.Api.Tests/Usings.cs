global using System.Net;
global using System.Text.Json.Nodes;
global using HeadlessCrm.Api.Tests.Infrastructure;
global using Xunit;
