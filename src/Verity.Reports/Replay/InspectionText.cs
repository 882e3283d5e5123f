using System.Globalization;
using System.Resources;

namespace Verity.Reports.Replay;

/// <summary>The replay report's inspections section text: <c>InspectionText.resx</c> (English) beside this file, and
/// <c>InspectionText.&lt;culture&gt;.resx</c> for each further language.</summary>
internal static class InspectionText
{
    private static readonly ResourceManager Resources = new("Verity.Reports.Replay.InspectionText", typeof(InspectionText).Assembly);

    /// <summary>The text named <paramref name="name"/> in the current UI culture (English when it has none), with values filled in.</summary>
    /// <exception cref="InvalidOperationException">No such text: a missing resource is a bug, never a blank.</exception>
    public static string Get(string name, params object?[] values)
    {
        var text = Resources.GetString(name, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"no text '{name}' in InspectionText.resx");
        return values.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, values);
    }
}
