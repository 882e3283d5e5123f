using Verity.Record.Tests.Storage;

namespace Verity.Record.Postgres.Tests.Storage;

public sealed class PostgresStoreTests(PostgresFixture fixture) : StoreContract<PostgresFixture>(fixture);
