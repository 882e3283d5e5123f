using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Verity.Node.Peers;

/// <summary>Wiring for peer authentication: register the keys, require signatures on a route group, read the caller.</summary>
/// <example><code>
/// builder.Services.AddPeerAuthentication(new PeerKeys(peers, observers), TimeProvider.System);
/// var peer = app.MapGroup("/peer").RequireSignedPeer();
/// peer.MapPost("/entries/{party}", (string party, HttpContext http) =>
///     http.GetPeer().Name == party ? Results.Accepted() : Results.Forbid());
/// </code></example>
public static class PeerAuthentication
{
    /// <summary>Registers the keys, the clock and one <see cref="PeerRequestVerifier"/> (with its replay cache).</summary>
    public static IServiceCollection AddPeerAuthentication(this IServiceCollection services, PeerKeys keys, TimeProvider clock,
        Action<PeerAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(clock);
        var options = new PeerAuthenticationOptions();
        configure?.Invoke(options);
        services.TryAddSingleton(new PeerRequestVerifier(keys, clock, options));
        return services;
    }

    /// <summary>Refuses every request to these endpoints that is not signed by a known peer or observer (401, 403 for
    /// an observer writing; a problem detail says why). Runs before the endpoint binds its parameters, so a body is
    /// checked against its digest before anything reads it.</summary>
    /// <exception cref="InvalidOperationException">At the first request, if <see cref="AddPeerAuthentication"/> was not called.</exception>
    public static TBuilder RequireSignedPeer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(endpoint =>
        {
            // Wrapping the RequestDelegate in a convention puts the check ahead of parameter binding and filters.
            var next = endpoint.RequestDelegate ?? throw new InvalidOperationException($"endpoint {endpoint.DisplayName} has no request delegate");
            endpoint.RequestDelegate = context => AuthenticateAsync(context, next);
        });
        return builder;
    }

    /// <summary>The peer or observer that signed this request.</summary>
    /// <exception cref="InvalidOperationException">The endpoint is not behind <see cref="RequireSignedPeer"/>.</exception>
    public static PeerIdentity GetPeer(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<PeerIdentity>()
            ?? throw new InvalidOperationException("no authenticated peer: map this endpoint in a group with RequireSignedPeer()");
    }

    private static async Task AuthenticateAsync(HttpContext context, RequestDelegate next)
    {
        var verifier = context.RequestServices.GetService<PeerRequestVerifier>()
            ?? throw new InvalidOperationException("RequireSignedPeer() needs services.AddPeerAuthentication(keys, clock)");
        var result = await verifier.VerifyAsync(context, context.RequestAborted).ConfigureAwait(false);
        if (!result.IsAccepted)
        {
            await Results.Problem(result.Problem, statusCode: result.StatusCode, title: "Peer request refused").ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        context.Features.Set(result.Peer);
        await next(context).ConfigureAwait(false);
    }
}
