namespace SignauxFaibles.Cli.Synth;

/// <summary>The process's peak resident memory, read from /proc/self/status (VmHWM), where there is one.</summary>
internal static class PeakMemory
{
    public static long? Kilobytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static string Describe() => Kilobytes() is { } kb ? $"{kb / 1024.0:F0} MB" : "unknown (no /proc/self/status)";
}
