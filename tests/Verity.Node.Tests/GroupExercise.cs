namespace Verity.Node.Tests;

/// <summary>An exercise treaty for the views across logs: New START's terms (and its data exchange, so that the bundled
/// record's databases read back) with a group of both parties and a limit on their warheads together. Not a treaty of
/// record: a fixture for group limits.</summary>
internal static class GroupExercise
{
    public const string Group = "both";
    public const string Limit = "both-warheads";

    /// <summary>Writes the exercise treaty (treaties/new-start.yaml, with the group) and New START's exchange definition
    /// under <paramref name="directory"/>; returns the treaty's path.</summary>
    public static string Write(string directory)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var treaty = File.ReadAllText(Path.Combine(data, "treaties", "new-start.yaml"));
        const string Dates = "\ndates:\n";
        const string Limits = "\nlimits:\n";
        Assert.Contains(Dates, treaty, StringComparison.Ordinal);
        Assert.Contains(Limits, treaty, StringComparison.Ordinal);
        var groups = $"\ngroups:\n  - id: {Group}\n    name: Both parties (exercise)\n    members: [US, RU]\n";
        var limit = string.Join("\n",
            $"  - id: {Limit}",
            "    name: Warheads of both parties together (exercise)",
            "    max: 3000",
            "    from: 2018-02-05",
            $"    scope: {{ group: {Group} }}",
            "    source: treaty",
            "    rule:",
            "      - where: { kind: [icbm, slbm], status: [deployed] }",
            "        weight: { attribute: warheads }",
            "      - where: { kind: [heavy-bomber], status: [deployed], armament: { not: [non-nuclear] } }",
            "        weight: 1",
            string.Empty);
        var grouped = treaty.Replace(Dates, groups + Dates, StringComparison.Ordinal).Replace(Limits, Limits + limit, StringComparison.Ordinal);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "treaties"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "exchanges"));
        var path = Path.Combine(directory, "treaties", "new-start.yaml");
        File.WriteAllText(path, grouped);
        File.Copy(Path.Combine(data, "exchanges", "new-start.yaml"), Path.Combine(directory, "exchanges", "new-start.yaml"));
        return path;
    }
}
