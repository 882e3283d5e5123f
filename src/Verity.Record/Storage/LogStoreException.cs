namespace Verity.Record.Storage;

/// <summary>A store could not do what was asked: a conflicting append, a damaged file, an unreadable database.</summary>
/// <remarks>Drivers translate their exceptions into this one in one place, as Marten does.</remarks>
public sealed class LogStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LogStoreException() { }

    /// <summary>Creates the exception with a message.</summary>
    public LogStoreException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the driver's exception.</summary>
    public LogStoreException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>True if the store's data is damaged (an integrity finding, not a usage error).</summary>
    public bool IsCorruption { get; init; }

    /// <summary>An append that did not start at the store's size.</summary>
    public static LogStoreException Conflict(string location, long expected, long actual) =>
        new($"{location}: append at index {expected} but the log has {actual} entries (another writer appended)");

    /// <summary>Damage the driver detected.</summary>
    public static LogStoreException Corrupt(string location, string detail, Exception? inner = null) =>
        inner is null ? new($"{location}: the log store is damaged: {detail}") { IsCorruption = true }
            : new($"{location}: the log store is damaged: {detail}", inner) { IsCorruption = true };
}
