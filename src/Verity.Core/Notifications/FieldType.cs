namespace Verity.Core.Notifications;

/// <summary>The type of a notification field, which fixes how its value is checked and rendered.</summary>
public enum FieldType
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A calendar date, YYYY-MM-DD.</summary>
    Date,

    /// <summary>A date and time in GMT, YYYY-MM-DDTHH:MM.</summary>
    DateTime,

    /// <summary>An item's unique identifier; the item must be one the party declared.</summary>
    Uid,

    /// <summary>A party code.</summary>
    Party,

    /// <summary>One of the treaty's item kinds (rendered in each language's word).</summary>
    Kind,

    /// <summary>One of the treaty's statuses (rendered in each language's word).</summary>
    Status,

    /// <summary>A place: a base, facility, airfield or area.</summary>
    Location,
}
