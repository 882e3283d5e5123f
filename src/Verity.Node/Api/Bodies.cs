namespace Verity.Node.Api;

/// <summary>Request bodies read with a limit.</summary>
internal static class Bodies
{
    /// <summary>Reads at most <paramref name="limit"/> bytes; null if the stream holds more.</summary>
    public static async Task<byte[]?> ReadLimitedAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
