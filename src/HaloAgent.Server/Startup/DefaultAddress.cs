namespace HaloAgent.Server.Startup;

/// <summary>
/// With no configuration the product listens on <see cref="Url"/> (what the README promises). It is a fallback, not
/// a setting in appsettings.json: a value there would outrank <c>ASPNETCORE_URLS</c> and <c>ASPNETCORE_HTTP_PORTS</c>
/// (app configuration wins over host variables), and hosts such as containers set the port that way.
/// </summary>
public static class DefaultAddress
{
    public const string Url = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultAddressUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"])
            || !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            builder.WebHost.UseUrls(Url);
        }

        return builder;
    }
}
