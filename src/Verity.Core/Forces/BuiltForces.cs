using System.Collections.Immutable;
using NodaTime;
using Verity.Core.Items;

namespace Verity.Core.Forces;

/// <summary>A state's forces built as items on a date, and what could not be built.</summary>
/// <param name="State">The state.</param>
/// <param name="At">The date.</param>
/// <param name="Inventory">The items: systems, launchers, bombers and <c>warhead</c> lines with quantities, each with the
/// attributes <c>basis</c> (<c>estimate</c>, <c>declared</c>, <c>illustrative</c>, <c>projected</c>) and <c>source</c>.</param>
/// <param name="Notes">What was left unbuilt and why, such as a storage figure the estimates do not know.</param>
public sealed record BuiltForces(PartyCode State, LocalDate At, Inventory Inventory, ImmutableArray<string> Notes);
