namespace Verity.Reports.Dashboard;

/// <summary>An item in the items list, linking to its history.</summary>
/// <param name="Uid">Its unique identifier; from a party's log, so untrusted text.</param>
/// <param name="Kind">The treaty's item kind.</param>
/// <param name="Type">Its type.</param>
/// <param name="Status">Its status on the page's date.</param>
/// <param name="Location">Where it is.</param>
public sealed record ItemLink(string Uid, string Kind, string Type, string Status, string Location);
