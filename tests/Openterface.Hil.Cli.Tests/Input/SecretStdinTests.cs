using Openterface.Hil.Cli.Tests.Video;

namespace Openterface.Hil.Cli.Tests.Input;

/// <summary>Issue 14, finding 12: `hil type` had no way to keep a secret off the command line.</summary>
public class SecretStdinTests
{
    [Test]
    public async Task Type_refuses_a_secret_given_both_on_the_command_line_and_from_stdin()
    {
        var (exit, _, error) = await CliRun.RunAsync("type", "--serial", "/dev/null", "--secret-stdin", "hunter2");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Not.EqualTo(0));
            Assert.That(error, Does.Contain("either TEXT or --secret-stdin, not both"));
        });
    }

    [Test]
    public void The_secret_is_the_first_line_of_stdin_without_its_line_end()
    {
        var original = Console.In;
        try
        {
            Console.SetIn(new StringReader("s3cr3t!\nsecond line\n"));
            Assert.That(Commands.TypeCommand.TextToType(null, secretFromStdin: true), Is.EqualTo("s3cr3t!"));
        }
        finally
        {
            Console.SetIn(original);
        }
    }
}
