using System.Text.Json;
using Verity.Core.Loading;

namespace Verity.Core.Tests.Notifications;

/// <summary>The committed schemas/notifications/new-start/*.schema.json are what <see cref="NotificationSchemas.For"/> generates.</summary>
public class NotificationSchemaFileTests
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "schemas", "notifications", "new-start");

    public static TheoryData<string> TypeIds => NotificationScenarios.TypeIds;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Verity.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no Verity.slnx above {AppContext.BaseDirectory}");
    }

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void For_EveryType_EqualsTheCommittedFile(string typeId)
    {
        var path = Path.Combine(Folder, typeId + ".schema.json");
        var type = TestData.NewStart.FindNotification(typeId)!;

        var generated = NotificationSchemas.For(TestData.NewStart, type);

        Assert.True(File.Exists(path), $"{path} is missing: commit NotificationSchemas.For(new-start, {typeId})");
        Assert.Equal(generated, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Folder_EveryFile_IsTheSchemaOfAType()
    {
        var files = Directory.GetFiles(Folder, "*.schema.json").Select(f => Path.GetFileName(f)[..^".schema.json".Length]).Order(StringComparer.Ordinal);

        var types = TestData.NewStart.Notifications.Select(n => n.Id).Order(StringComparer.Ordinal);

        Assert.Equal(types, files);
    }

    [Theory]
    [MemberData(nameof(TypeIds))]
    public void For_EveryType_RequiresEachRequiredFieldOfTheCatalogue(string typeId)
    {
        var type = TestData.NewStart.FindNotification(typeId)!;

        using var schema = JsonDocument.Parse(NotificationSchemas.For(TestData.NewStart, type));

        var fields = schema.RootElement.GetProperty("properties").GetProperty("fields");
        Assert.Equal(type.Fields.Where(f => f.Required).Select(f => f.Name), fields.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(type.Fields.Select(f => f.Name), fields.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(typeId, schema.RootElement.GetProperty("properties").GetProperty("type").GetProperty("enum")[0].GetString());
    }
}
