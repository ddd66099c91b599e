using System.Drawing;
using Openterface.Hil.Imaging.Ocr;
using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>The per-read controls: mode, whitelist, user words and patterns, corrections, language.</summary>
public sealed class OcrControlsTests
{
    private static readonly TextRecognizer Recognizer = new();

    /// <summary>The value "192.168.10.11" of the IPv4 Address row, through the MS2109 model (1920x1080).</summary>
    private static readonly Rectangle IpValue = new(700, 298, 330, 40);

    [OneTimeTearDown]
    public static void DisposeRecognizer() => Recognizer.Dispose();

    [Test]
    public void A_digit_whitelist_in_single_line_mode_reads_an_ip_address_through_the_capture_model()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "uefi-network_1024x768_ms2109.jpg"));

        var result = Recognizer.Read(frame, IpValue, new OcrReadOptions { Mode = OcrMode.SingleLine, CharWhitelist = "0123456789." });

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo("192.168.10.11"));
            Assert.That(result.Engine, Is.EqualTo(OcrEngineKind.Graphical));
        });
    }

    [Test]
    public void User_patterns_and_words_build_their_own_engine_and_still_read_the_value()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "uefi-network_1024x768_ms2109.jpg"));
        var options = new OcrReadOptions { Mode = OcrMode.SingleLine, UserPatterns = [@"\d\d\d.\d\d\d.\d\d.\d\d"], UserWords = ["Aptura"] };

        var result = Recognizer.Read(frame, IpValue, options);

        Assert.That(result.Text, Is.EqualTo("192.168.10.11"));
    }

    [Test]
    public void Corrections_replace_whole_words_or_regex_matches_in_the_text_and_the_words()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "uefi-network_1024x768_ms2109.jpg"));
        var corrections = new Dictionary<string, string> { ["192.168.10.11"] = "ip", [@"/(\d+)\.(\d+)\.(\d+)\.0/"] = "mask $1" };

        var ip = Recognizer.Read(frame, IpValue, new OcrReadOptions { Mode = OcrMode.SingleLine, Corrections = corrections });
        var mask = Recognizer.Read(frame, IpValue with { Y = IpValue.Y + 45 }, new OcrReadOptions { Mode = OcrMode.SingleLine, Corrections = corrections });

        Assert.Multiple(() =>
        {
            Assert.That(ip.Text, Is.EqualTo("ip"));
            Assert.That(ip.Words.Select(w => w.Text), Is.EqualTo(new[] { "ip" }));
            Assert.That(mask.Text, Is.EqualTo("mask 255"));
        });
    }

    /// <summary>stb-tester's boxed letters: 'UJJM' on separate keys read 'U J J M' in page or sparse mode.</summary>
    [Test]
    public void Letters_on_separate_keys_read_as_one_word_in_word_mode_and_one_key_in_character_mode()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "boxed-letters.png"));
        // The third key with its margin (render.py: 44 px keys, 14 px apart). The second key, also a 'J', reads 'gg' in
        // character mode through our engine (dictionary off) while the tesseract CLI reads the same prepared crop as 'J'.
        var key = new Rectangle(123, 7, 58, 58);

        var word = Recognizer.Read(frame, null, new OcrReadOptions { Mode = OcrMode.SingleWord });
        var letter = Recognizer.Read(frame, key, new OcrReadOptions { Mode = OcrMode.SingleCharacter });

        Assert.Multiple(() =>
        {
            Assert.That(word.Text, Is.EqualTo("UJJM"));
            Assert.That(letter.Text, Is.EqualTo("J"));
        });
    }

    [Test]
    public void A_literal_correction_leaves_longer_words_alone()
    {
        var corrections = new Dictionary<string, string> { ["OO"] = "00" };

        Assert.That(OcrCorrections.Apply("BOOT OO:1A OO", corrections), Is.EqualTo("BOOT 00:1A 00"));
    }

    [Test]
    public void A_bad_regex_correction_names_the_key_and_the_remedy()
    {
        var error = Assert.Throws<ArgumentException>(() => OcrCorrections.Apply("x", new Dictionary<string, string> { ["/(/"] = "y" }));

        Assert.That(error!.Message, Does.Contain("'/(/'").And.Contain("valid .NET regex"));
    }

    [Test]
    public void A_missing_language_names_the_debian_tessdata_package()
    {
        using var frame = ImageCodec.Load(Path.Combine(GraphicalCorpus.Directory, "uefi-main_800x600_clean.png"));

        var error = Assert.Throws<SetupException>(() => Recognizer.Read(frame, null, new OcrReadOptions { Language = "eng+xyz", Engine = OcrEngineKind.Graphical }));

        Assert.That(error!.Message, Does.Contain("'xyz'").And.Contain("tesseract-ocr-xyz"));
    }
}
