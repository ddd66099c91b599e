using System.Text;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>The ttyS0 FIFOs without QEMU: the test opens both read-write, as QEMU's pipe chardev does.</summary>
public sealed class QemuSerialPipeTests
{
    [Test]
    public async Task Bytes_pass_both_ways_the_output_fifo_holds_1_MiB_and_qemus_exit_ends_the_reader()
    {
        var folder = Directory.CreateTempSubdirectory("hil-pipe-test-").FullName;
        try
        {
            var received = new List<byte>();
            using var pipe = QemuSerialPipe.Create(Path.Combine(folder, "ttyS0"), chunk =>
            {
                lock (received)
                {
                    received.AddRange(chunk.ToArray());
                }
            }, TimeProvider.System);
            var qemuIn = new FileStream(pipe.InputPath, FileMode.Open, FileAccess.ReadWrite);
            var qemuOut = new FileStream(pipe.OutputPath, FileMode.Open, FileAccess.ReadWrite);

            await pipe.WriteAsync("root\n"u8.ToArray(), CancellationToken.None);
            var typed = new byte[5];
            await qemuIn.ReadExactlyAsync(typed);
            await qemuOut.WriteAsync("hil-target login: "u8.ToArray());
            await qemuOut.FlushAsync();
            await PollAsync(() => Text(received) == "hil-target login: ");
            await qemuIn.DisposeAsync();
            await qemuOut.DisposeAsync();
            await PollAsync(() => pipe.Ended);
            await pipe.WriteAsync("after exit"u8.ToArray(), CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(Encoding.ASCII.GetString(typed), Is.EqualTo("root\n"));
                Assert.That(pipe.OutputCapacity, Is.EqualTo(Math.Min(QemuSerialPipe.RequestedOutputCapacity, PipeMaxSize())));
            });
            pipe.Dispose();
            Assert.That(Directory.GetFileSystemEntries(folder), Is.Empty, "the FIFOs are removed");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int PipeMaxSize() => int.Parse(File.ReadAllText("/proc/sys/fs/pipe-max-size").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(List<byte> bytes)
    {
        lock (bytes)
        {
            return Encoding.ASCII.GetString([.. bytes]);
        }
    }

    private static async Task PollAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True, "condition not reached within 15 s");
    }
}
