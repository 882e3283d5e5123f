using System.Globalization;
using NodaTime;

namespace Verity.Core.Notifications;

/// <summary>The key that matches a notification provided to the obligation it discharges.</summary>
public static class ObligationKey
{
    /// <summary>The key of a notification of <paramref name="typeId"/> by <paramref name="party"/> about <paramref name="subject"/> triggered on <paramref name="triggered"/>.</summary>
    public static string Of(string typeId, PartyCode party, string subject, LocalDate triggered) =>
        string.Create(CultureInfo.InvariantCulture, $"{party}/{typeId}/{subject}/{triggered:yyyy-MM-dd}");
}
