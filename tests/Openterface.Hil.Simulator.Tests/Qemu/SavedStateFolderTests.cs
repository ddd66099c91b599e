using System.Runtime.Versioning;

namespace Openterface.Hil.Simulator.Tests.Qemu;

/// <summary>
/// Issue 14 finding 7: saved VM states (a copy of the guest's memory, secrets included, loaded back with
/// <c>-incoming</c>) live in a folder only this user can read or write. Nothing here boots QEMU: the state path is
/// resolved for a stand-in image in a temporary folder.
/// </summary>
[TestFixture]
[CancelAfter(120_000)]
[Platform("Linux")]
[SupportedOSPlatform("linux")]
public sealed class SavedStateFolderTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private TempFolder _folder = null!;

    private string StatesNextToImage => Path.Combine(_folder.Path, "states");

    [SetUp]
    public void SetUp()
    {
        QemuTestEnvironment.RequireQemu();
        _folder = new TempFolder("hil-state-folder");
        File.WriteAllBytes(Path.Combine(_folder.Path, "hil-target.iso"), new byte[4096]);
    }

    [TearDown]
    public void TearDown() => _folder?.Dispose();

    [Test]
    public async Task The_state_folder_next_to_the_image_is_created_owner_only(CancellationToken ct)
    {
        var states = await StateFolderAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(states, Is.EqualTo(StatesNextToImage));
            Assert.That(File.GetUnixFileMode(states), Is.EqualTo(OwnerOnly), $"mode of '{states}'");
        });
    }

    [Test]
    public async Task A_world_writable_state_folder_is_made_owner_only_before_use(CancellationToken ct)
    {
        Directory.CreateDirectory(StatesNextToImage);
        File.SetUnixFileMode(StatesNextToImage, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupWrite |
            UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        var states = await StateFolderAsync(ct);

        Assert.Multiple(() =>
        {
            Assert.That(states, Is.EqualTo(StatesNextToImage));
            Assert.That(File.GetUnixFileMode(states), Is.EqualTo(OwnerOnly), $"mode of '{states}'");
        });
    }

    [Test]
    public async Task A_state_folder_owned_by_another_user_is_refused_and_states_go_to_a_private_folder(CancellationToken ct)
    {
        var me = (await QemuTestEnvironment.RunAsync("id", "-u")).Trim();
        if (me != "0")
        {
            Assert.Ignore("Only root can give a folder to another user (chown); CI runs as root.");
        }

        const UnixFileMode Foreign = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(StatesNextToImage);
        File.SetUnixFileMode(StatesNextToImage, Foreign);
        await QemuTestEnvironment.RunAsync("chown", "nobody", StatesNextToImage);

        var refused = Assert.Throws<UnauthorizedAccessException>(() => PrivateFolders.Ensure(StatesNextToImage));
        var states = await StateFolderAsync(ct);
        var owner = (await QemuTestEnvironment.RunAsync("stat", "-c", "%u", states)).Trim();

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain($"'{StatesNextToImage}'").And.Contain("belongs to another user"));
            Assert.That(states, Is.Not.EqualTo(StatesNextToImage), "the foreign folder is not used");
            Assert.That(File.GetUnixFileMode(StatesNextToImage), Is.EqualTo(Foreign), "the foreign folder is left as it was");
            Assert.That(owner, Is.EqualTo(me), $"owner of '{states}'");
            Assert.That(File.GetUnixFileMode(states), Is.EqualTo(OwnerOnly), $"mode of '{states}'");
        });
    }

    private async Task<string> StateFolderAsync(CancellationToken ct)
    {
        var options = new QemuTargetOptions
        {
            ImagePath = Path.Combine(_folder.Path, "hil-target.iso"),
            Accelerator = QemuAccelerator.Tcg,
            StartFrom = QemuStartPoint.GrubMenu,
        };
        await using var target = await QemuTarget.CreateAsync(options, cancellationToken: ct);
        return Path.GetDirectoryName(await target.SavedStatePathAsync(QemuStartPoint.GrubMenu, ct))!;
    }
}
