namespace Verity.Node;

/// <summary>The node cannot start: an option is missing or names a file that is absent or wrong.</summary>
public sealed class NodeOptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NodeOptionsException() { }

    /// <summary>Creates the exception with a message naming the option.</summary>
    public NodeOptionsException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public NodeOptionsException(string message, Exception innerException) : base(message, innerException) { }
}
