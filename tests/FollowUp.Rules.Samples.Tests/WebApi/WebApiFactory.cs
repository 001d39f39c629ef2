extern alias WebApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Samples.Tests.WebApi;

/// <summary>
/// Hosts the WebApi sample in memory, as configured by its own appsettings.json, with "now" fixed so that due dates and
/// staleness in the test records give the same findings on every run.
/// </summary>
public sealed class WebApiFactory : WebApplicationFactory<WebApi::Program>
{
    /// <summary>"Now" for every evaluation: 2026-11-26 12:00 China Standard Time.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
    });
}
