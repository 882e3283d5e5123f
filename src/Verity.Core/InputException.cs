using System.Collections.Immutable;

namespace Verity.Core;

/// <summary>Bad input: one or more <see cref="Diagnostic"/>s. Nothing was applied.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InputException(IEnumerable<Diagnostic> diagnostics)
        : this(diagnostics.ToImmutableArray())
    {
    }

    private InputException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics.IsEmpty ? "bad input" : string.Join(Environment.NewLine, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception for one problem.</summary>
    public InputException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    /// <summary>Every problem found, in input order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
