namespace Openterface.Hil.Cli;

/// <summary>Uniform error output: the message on stderr and a non-zero exit code.</summary>
internal static class CliErrors
{
    internal const int Failure = 1;
    internal const int Usage = 2;

    internal static int Report(Exception error)
    {
        var message = error is HilException or ArgumentException or IOException or UnauthorizedAccessException
            ? error.Message
            : error.ToString();
        Console.Error.WriteLine($"hil: {message}");
        return error is ArgumentException ? Usage : Failure;
    }
}
