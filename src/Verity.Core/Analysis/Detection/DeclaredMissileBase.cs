namespace Verity.Core.Analysis.Detection;

/// <summary>A base as a party's database gives it: the deployed missiles whose warheads are given by base, and those warheads.</summary>
/// <param name="Base">The base (the items' location).</param>
/// <param name="Missiles">The deployed missiles there.</param>
/// <param name="Warheads">The warheads declared on them.</param>
/// <param name="Group">The database's warhead group they are given in, such as <c>deployed-missiles</c>.</param>
public sealed record DeclaredMissileBase(string Base, long Missiles, long Warheads, string Group);
