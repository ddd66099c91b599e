using System.Drawing;
using System.Runtime.Versioning;
using System.Text;

namespace Openterface.Hil.Video.Tests.Qemu;

/// <summary>
/// Issue 14 finding 9: the screen dump in /dev/shm shows the target's screen (secrets included), so other users must
/// not read it. QEMU opens the dump with O_CREAT|O_TRUNC and mode 0666 (less the umask); the fake writes it the same
/// way, so only a file the capture created 0600 beforehand stays 0600.
/// </summary>
[TestFixture]
[CancelAfter(30_000)]
[SupportedOSPlatform("linux")]
public sealed class ScreenDumpModeTests
{
    private static readonly byte[] Dump = [.. Encoding.ASCII.GetBytes("P6\n4 3\n255\n"), .. new byte[4 * 3 * 3]];

    [Test]
    public async Task The_screen_dump_qemu_writes_is_readable_by_its_owner_only(CancellationToken ct)
    {
        await using var qemu = new FakeQmpServer(request =>
        {
            if (request.GetProperty("execute").GetString() == "screendump")
            {
                var path = request.GetProperty("arguments").GetProperty("filename").GetString()!;
                using var file = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.Create,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead |
                        UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite,
                });
                file.Write(Dump);
            }

            return ["""{"return": {}, "id": $ID}"""];
        });
        await using var client = await QmpClient.ConnectAsync(qemu.SocketPath, cancellationToken: ct);
        using var capture = new QmpScreenCapture();

        using var frame = await capture.CaptureAsync(client, ct);
        var mode = File.GetUnixFileMode(capture.FilePath);

        Assert.Multiple(() =>
        {
            Assert.That(frame.Size, Is.EqualTo(new Size(4, 3)), "the fake's dump was read back");
            Assert.That(capture.FilePath, Does.StartWith("/dev/shm/hil-screendump-"));
            Assert.That(mode, Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite), $"mode of '{capture.FilePath}'");
        });
    }
}
