using Verity.Core;

namespace Verity.Reports.Dashboard;

/// <summary>The node a page comes from, as the node knows itself: named on every page.</summary>
/// <param name="Party">The party the node speaks for (its own log is this party's).</param>
/// <param name="PartyName">The party's name in the treaty.</param>
/// <param name="Address">Where the page was reached: the request's scheme, host and port.</param>
/// <param name="Origin">The origin line of the node's checkpoints, such as <c>verity.local/us</c>.</param>
/// <param name="Key">The party's verifier key, <c>NAME+KEYID+BASE64</c>, which opens the node's checkpoints.</param>
public sealed record NodeIdentity(PartyCode Party, string PartyName, string Address, string Origin, string Key);
