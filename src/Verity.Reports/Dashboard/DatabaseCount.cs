namespace Verity.Reports.Dashboard;

/// <summary>A database's count in one category or aggregate.</summary>
/// <param name="Id">The category's or limit's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Count">The number.</param>
public sealed record DatabaseCount(string Id, string Name, long Count);
