using Verity.Core.Exchanges;

namespace Verity.Core.Records;

/// <summary>A database a party declared, with the log entry that holds it.</summary>
/// <param name="Index">The entry's index in the party's log.</param>
/// <param name="Database">The database, read back and checked.</param>
public sealed record RecordDeclaration(long Index, Database Database);
