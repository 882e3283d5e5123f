namespace Verity.Core.Treaties;

/// <summary>Whose forces a limit counts: each party alone, a named group together, or one named party.</summary>
public abstract record LimitScope
{
    private LimitScope()
    {
    }

    /// <summary>The limit applies to each party separately.</summary>
    public static LimitScope EachParty { get; } = new EachPartyScope();

    /// <summary>The limit applies to one named party.</summary>
    public static LimitScope ForParty(PartyCode party) => new PartyScope(party);

    /// <summary>The limit applies to the sum of a group's members.</summary>
    public static LimitScope ForGroup(string groupId) => new GroupScope(groupId);

    /// <summary>Each party separately.</summary>
    public sealed record EachPartyScope : LimitScope
    {
        /// <inheritdoc />
        public override string ToString() => "each party";
    }

    /// <summary>One named party.</summary>
    /// <param name="Party">The party.</param>
    public sealed record PartyScope(PartyCode Party) : LimitScope
    {
        /// <inheritdoc />
        public override string ToString() => Party.ToString();
    }

    /// <summary>A group of parties together.</summary>
    /// <param name="GroupId">The group's identifier.</param>
    public sealed record GroupScope(string GroupId) : LimitScope
    {
        /// <inheritdoc />
        public override string ToString() => $"group {GroupId}";
    }
}
