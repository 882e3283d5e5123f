namespace Verity.Node.Tests;

/// <summary>An exercise treaty for network tests: New START's terms with five parties (and its data exchange), so that
/// five nodes can run. Not a treaty of record: a fixture for the network.</summary>
internal static class FiveParty
{
    public static readonly string[] Parties = ["US", "RU", "CN", "GB", "FR"];

    /// <summary>Writes the exercise treaty (treaties/five-party-exercise.yaml) and its exchange definition
    /// (exchanges/five-party-exercise.yaml) under <paramref name="directory"/>; returns the treaty's path.</summary>
    public static string Write(string directory)
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var treaty = File.ReadAllText(Path.Combine(data, "treaties", "new-start.yaml"));
        // New START's parties, from "parties:" to the next top-level key (their names in other languages with them).
        var start = treaty.IndexOf("\nparties:\n", StringComparison.Ordinal) + 1;
        var end = treaty.IndexOf("\ndates:", start, StringComparison.Ordinal) + 1;
        Assert.True(start > 0 && end > start, "new-start.yaml has no parties: block before dates:");
        var two = treaty[start..end];
        Assert.Contains("code: RU", two, StringComparison.Ordinal);
        var five = treaty.Replace(two, """
            parties:
              - code: US
                name: United States of America
              - code: RU
                name: Russian Federation
              - code: CN
                name: People's Republic of China
              - code: GB
                name: United Kingdom
              - code: FR
                name: France

            """.ReplaceLineEndings("\n"), StringComparison.Ordinal).Replace("\nid: new-start\n", "\nid: five-party-exercise\n", StringComparison.Ordinal);
        var exchange = File.ReadAllText(Path.Combine(data, "exchanges", "new-start.yaml"))
            .Replace("\ntreaty: new-start\n", "\ntreaty: five-party-exercise\n", StringComparison.Ordinal);
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "treaties"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "exchanges"));
        var path = Path.Combine(directory, "treaties", "five-party-exercise.yaml");
        File.WriteAllText(path, five);
        File.WriteAllText(Path.Combine(directory, "exchanges", "five-party-exercise.yaml"), exchange);
        return path;
    }
}
