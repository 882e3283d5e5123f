namespace Verity.Core.Inspections;

/// <summary>What an inspection's result shows against the inspected party's declarations.</summary>
public enum InspectionFindingKind
{
    /// <summary>More reentry vehicles counted on a missile than were declared on it.</summary>
    MoreWarheadsThanDeclared,

    /// <summary>An item counted or seen that no database of the party lists and no notification produced.</summary>
    UndeclaredItem,

    /// <summary>An item counted or seen at the site that the database lists at another location.</summary>
    DeclaredElsewhere,

    /// <summary>An item the database lists at the site that the inspectors did not see there.</summary>
    MissingFromSite,

    /// <summary>The numbers at the site (missiles, or reentry vehicles on a missile) in the pre-inspection information differ from the database.</summary>
    SiteNumbersDiffer,
}
