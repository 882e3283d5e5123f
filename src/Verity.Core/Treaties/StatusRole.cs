namespace Verity.Core.Treaties;

/// <summary>
/// The roles a treaty's status words play where code relies on their meaning (a deployed item carries warheads;
/// an eliminated one is gone), so a treaty may call its statuses what it likes: <c>statuses: - id: ready, role: deployed</c>.
/// </summary>
public static class StatusRole
{
    /// <summary>In service and counted as deployed.</summary>
    public const string Deployed = "deployed";

    /// <summary>Held but not deployed.</summary>
    public const string NonDeployed = "non-deployed";

    /// <summary>Used for tests.</summary>
    public const string Test = "test";

    /// <summary>Used for training.</summary>
    public const string Training = "training";

    /// <summary>Converted so as to fall outside the limits.</summary>
    public const string Converted = "converted";

    /// <summary>Eliminated.</summary>
    public const string Eliminated = "eliminated";

    /// <summary>A warhead in storage: part of the stockpile, not deployed.</summary>
    public const string Stored = "stored";

    /// <summary>A warhead retired and awaiting dismantlement: outside the stockpile.</summary>
    public const string Retired = "retired";

    /// <summary>Every role.</summary>
    public static IReadOnlyList<string> All { get; } = [Deployed, NonDeployed, Test, Training, Converted, Eliminated, Stored, Retired];
}
