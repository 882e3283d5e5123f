using Verity.Node.Api;

namespace Verity.Node;

/// <summary>Builds and runs the node: one place for services and endpoints, used by <c>Program</c> and <c>verity serve</c>.</summary>
public static class NodeHost
{
    /// <summary>Builds the node. Options come from <paramref name="options"/> or else from configuration
    /// (<c>--party</c>, <c>--treaty</c>, <c>--key</c>, <c>--db</c>, <c>--operator-token</c>, <c>--origin</c>, <c>--exchange</c>).</summary>
    public static WebApplication Build(string[] args, NodeOptions? options = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOpenApi();
        builder.Services.AddProblemDetails();
        // Read lazily, so that test hosts may supply configuration after the builder is made.
        builder.Services.AddSingleton(sp => PartyLog.Open(options ?? NodeOptions.FromConfiguration(sp.GetRequiredService<IConfiguration>()), TimeProvider.System));
        builder.Services.AddSingleton<IPartyLogs>(sp => sp.GetRequiredService<PartyLog>());
        builder.Services.AddSingleton(sp =>
        {
            var own = sp.GetRequiredService<PartyLog>();
            return new PartyRecords(sp.GetRequiredService<IPartyLogs>(), own.Treaty, own.Exchange);
        });
        var app = builder.Build();
        app.MapOpenApi();
        app.MapGet("/healthz", () => TypedResults.Ok("ok")).WithName("Health").WithSummary("Liveness");
        app.MapStatementsApi();
        app.MapLogsApi();
        app.MapPartiesApi();
        return app;
    }

    /// <summary>Checks the options (opening the log), then serves until <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="NodeOptionsException">An option is wrong; nothing was started.</exception>
    public static async Task RunAsync(NodeOptions options, IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(urls);
        var app = Build([], options);
        await using (app.ConfigureAwait(false))
        {
            // Fail before listening if an option is wrong.
            _ = app.Services.GetRequiredService<PartyLog>();
            foreach (var url in urls)
            {
                app.Urls.Add(url);
            }

            await app.RunAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
