using System.Collections.Immutable;

namespace Verity.Core.Forces;

/// <summary>One system type of a state's forces over time, such as Minuteman III.</summary>
/// <param name="Type">The type, such as "Minuteman III".</param>
/// <param name="Code">A short code for identifiers, such as <c>MM3</c>.</param>
/// <param name="Kind">The item kind of its missiles or bombers: <c>icbm</c>, <c>slbm</c> or <c>heavy-bomber</c>.</param>
/// <param name="LauncherKind">The item kind of its launchers (<c>icbm-launcher</c>, <c>slbm-launcher</c>); <c>null</c> for bombers, which are their own launchers.</param>
/// <param name="Bases">Where it is based.</param>
/// <param name="Steps">Its numbers over time, in date order.</param>
public sealed record ForceSystem(string Type, string Code, string Kind, string? LauncherKind, ImmutableArray<string> Bases, ImmutableArray<SystemStep> Steps);
