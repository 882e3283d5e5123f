namespace Verity.Node;

/// <summary>The node's key was retired by a key rotation in its log: it may sign nothing more until restarted with the new key.</summary>
public sealed class KeyRetiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyRetiredException() { }

    /// <summary>Creates the exception with a message naming both keys.</summary>
    public KeyRetiredException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KeyRetiredException(string message, Exception innerException) : base(message, innerException) { }
}
