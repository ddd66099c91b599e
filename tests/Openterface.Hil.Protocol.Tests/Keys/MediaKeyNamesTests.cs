namespace Openterface.Hil.Protocol.Tests;

public sealed class MediaKeyNamesTests
{
    [TestCase("volume-up", MediaKeys.VolumeUp)]
    [TestCase("Volume-Down", MediaKeys.VolumeDown)]
    [TestCase("play-pause", MediaKeys.PlayPause)]
    [TestCase("www-back", MediaKeys.WwwBack)]
    [TestCase("my-computer", MediaKeys.MyComputer)]
    [TestCase("prev", MediaKeys.PreviousTrack)]
    public void Names_are_the_flags_in_kebab_case_plus_short_aliases(string name, MediaKeys key)
    {
        Assert.That(MediaKeyNames.Parse(name), Is.EqualTo(key));
    }

    [Test]
    public void Every_media_key_has_a_name_that_parses_back()
    {
        var keys = Enum.GetValues<MediaKeys>().Where(k => k != MediaKeys.None).ToList();

        Assert.That(keys.Select(k => MediaKeyNames.Parse(MediaKeyNames.NameOf(k))), Is.EqualTo(keys));
    }

    [Test]
    public void A_typo_suggests_the_close_name_and_lists_the_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => MediaKeyNames.Parse("volum-up"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("Unknown media key 'volum-up'. Did you mean 'volume-up'"));
            Assert.That(error.Message, Does.Contain("mute").And.Contain("www-home"));
        });
    }
}
