using Openterface.Hil.Device;

namespace Openterface.Hil;

/// <summary>
/// Power switch URIs: none (no URI), <c>shell:COMMAND</c> where COMMAND contains <c>{state}</c> (replaced by
/// on, off or reset) or gets the state appended, e.g. <c>shell:./plug.sh {state}</c> for a smart plug or relay;
/// <c>qmp:///path/qmp.sock</c> for a QEMU target.
/// </summary>
internal static class PowerUris
{
    public static IPowerSwitch? Open(string? uri, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(uri) || uri == "none")
        {
            return null;
        }

        if (uri.StartsWith("shell:", StringComparison.Ordinal))
        {
            var template = uri["shell:".Length..].Trim();
            return new ShellCommandPowerSwitch(With(template, "on"), With(template, "off"), With(template, "reset"), timeProvider);
        }

        if (uri.StartsWith("qmp://", StringComparison.Ordinal))
        {
            return new QemuPowerSwitch(new Uri(uri).LocalPath, timeProvider);
        }

        throw new ArgumentException(
            $"Power switch URI '{uri}' is not understood. Use 'shell:./your-script {{state}}' (called with on, off, reset), " +
            "'qmp:///path/qmp.sock' for a QEMU target " +
            "or pass an IPowerSwitch in HilOptions.PowerSwitch.",
            nameof(uri));
    }

    private static string With(string template, string state) =>
        template.Contains("{state}", StringComparison.Ordinal) ? template.Replace("{state}", state, StringComparison.Ordinal) : $"{template} {state}";
}
