using System.Text;

namespace Openterface.Hil.Device.Tests;

[TestFixture]
public sealed class PtyTypingTests
{
    [Test]
    public async Task Typing_2000_mixed_characters_over_a_pty_arrives_identical_and_all_keys_end_released()
    {
        await using var rig = await PtyRig.StartAsync();
        var text = MixedText(2000, seed: 7);

        await rig.Kvm.Keyboard.TypeAsync(text);

        Assert.Multiple(() =>
        {
            Assert.That(rig.Target.Text, Is.EqualTo(text));
            Assert.That(rig.Target.AllKeysReleased, Is.True);
            Assert.That(rig.Server.Path, Does.StartWith("/dev/pts/"));
        });
    }

    internal static string MixedText(int length, int seed)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\t\n";
        var random = new Random(seed);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return text.ToString();
    }
}
