namespace Verity.Record.Tests.Storage;

// The store contract, closed once per driver here; PostgreSQL's is in Verity.Record.Postgres.Tests (it needs a server).
public sealed class MemoryStoreTests(MemoryStoreFixture fixture) : StoreContract<MemoryStoreFixture>(fixture);

public sealed class SqliteStoreTests(SqliteStoreFixture fixture) : StoreContract<SqliteStoreFixture>(fixture);
