namespace Verity.Reports.Dashboard;

/// <summary>The dashboard's text: <c>Strings.resx</c> (English) beside this file, and <c>Strings.&lt;culture&gt;.resx</c>
/// for each further language; used through <c>IStringLocalizer&lt;Strings&gt;</c>.</summary>
public sealed class Strings
{
    private Strings()
    {
    }
}
