namespace Verity.Fuzz;

/// <summary>One parser under fuzzing: its seed corpus and the one bounded entry its users call.</summary>
/// <param name="Name">The name given to <c>--parser</c>, such as <c>treaty-yaml</c>.</param>
/// <param name="Entry">What is called, as a reader would find it: <c>TreatyReader.Parse</c>.</param>
/// <param name="Corpus">The seed inputs.</param>
/// <param name="Run">Feeds one input to the entry. Returns when the entry gave a value or its own error (each checked
/// as the parser promises: the message names the file, the field); throws <see cref="FuzzInvariantException"/> when a
/// promise is broken, and anything else that escapes the entry is a crash.</param>
public sealed record FuzzTarget(string Name, string Entry, IReadOnlyList<byte[]> Corpus, Func<byte[], ValueTask> Run);

/// <summary>The entry kept its own error type but broke a promise: a diagnostic that does not name the file, a changed
/// input that still verifies, a 5xx from the node.</summary>
public sealed class FuzzInvariantException : Exception
{
    public FuzzInvariantException() { }

    public FuzzInvariantException(string message) : base(message) { }

    public FuzzInvariantException(string message, Exception inner) : base(message, inner) { }
}
