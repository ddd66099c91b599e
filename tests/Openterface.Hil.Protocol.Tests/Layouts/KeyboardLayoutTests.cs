namespace Openterface.Hil.Protocol.Tests;

[TestFixture]
public sealed class KeyboardLayoutTests
{
    private const KeyModifiers Shift = KeyModifiers.LeftShift;
    private const KeyModifiers AltGr = KeyModifiers.RightAlt;

    [Test]
    public void Us_text_uses_shift_for_capitals_and_symbols_and_enter_tab_for_controls()
    {
        var strokes = KeyboardLayout.Us.ToStrokes("aA!\n\t");
        Assert.That(strokes, Is.EqualTo(new[]
        {
            new KeyStroke(KeyModifiers.None, HidUsage.A), new KeyStroke(Shift, HidUsage.A), new KeyStroke(Shift, HidUsage.D1),
            new KeyStroke(KeyModifiers.None, HidUsage.Enter), new KeyStroke(KeyModifiers.None, HidUsage.Tab),
        }));
    }

    [Test]
    public void Crlf_is_one_enter()
    {
        Assert.That(KeyboardLayout.Us.ToStrokes("a\r\nb"), Has.Count.EqualTo(3));
    }

    [TestCase("uk", '"', Shift, HidUsage.D2)]
    [TestCase("uk", '@', Shift, HidUsage.Quote)]
    [TestCase("uk", '#', KeyModifiers.None, HidUsage.NonUsHash)]
    [TestCase("uk", '£', Shift, HidUsage.D3)]
    [TestCase("uk", '\\', KeyModifiers.None, HidUsage.NonUsBackslash)]
    [TestCase("de", 'z', KeyModifiers.None, HidUsage.Y)]
    [TestCase("de", 'y', KeyModifiers.None, HidUsage.Z)]
    [TestCase("de", '@', AltGr, HidUsage.Q)]
    [TestCase("de", 'ß', KeyModifiers.None, HidUsage.Minus)]
    [TestCase("de", '€', AltGr, HidUsage.E)]
    [TestCase("de", '{', AltGr, HidUsage.D7)]
    [TestCase("fr", 'a', KeyModifiers.None, HidUsage.Q)]
    [TestCase("fr", 'q', KeyModifiers.None, HidUsage.A)]
    [TestCase("fr", 'm', KeyModifiers.None, HidUsage.Semicolon)]
    [TestCase("fr", '1', Shift, HidUsage.D1)]
    [TestCase("fr", 'é', KeyModifiers.None, HidUsage.D2)]
    [TestCase("fr", '@', AltGr, HidUsage.D0)]
    [TestCase("es", 'ñ', KeyModifiers.None, HidUsage.Semicolon)]
    [TestCase("es", 'ç', KeyModifiers.None, HidUsage.NonUsHash)]
    [TestCase("es", '@', AltGr, HidUsage.D2)]
    [TestCase("es", '¿', Shift, HidUsage.Equal)]
    [TestCase("it", 'ò', KeyModifiers.None, HidUsage.Semicolon)]
    [TestCase("it", '@', AltGr, HidUsage.Semicolon)]
    [TestCase("it", '£', Shift, HidUsage.D3)]
    [TestCase("sv", 'å', KeyModifiers.None, HidUsage.LeftBracket)]
    [TestCase("sv", 'ö', KeyModifiers.None, HidUsage.Semicolon)]
    [TestCase("sv", '@', AltGr, HidUsage.D2)]
    [TestCase("se", '}', AltGr, HidUsage.D0)]
    [TestCase("ja", '@', KeyModifiers.None, HidUsage.LeftBracket)]
    [TestCase("ja", '"', Shift, HidUsage.D2)]
    [TestCase("ja", '_', Shift, HidUsage.International1)]
    [TestCase("jp", '|', Shift, HidUsage.International3)]
    [TestCase("dvorak", 'o', KeyModifiers.None, HidUsage.S)]
    [TestCase("dvorak", 'Z', Shift, HidUsage.Slash)]
    public void Layout_maps_characters_to_the_right_key_positions(string layout, char character, KeyModifiers modifiers, HidUsage usage)
    {
        Assert.That(KeyboardLayout.FromName(layout).ToStrokes(character.ToString()), Is.EqualTo(new[] { new KeyStroke(modifiers, usage) }));
    }

    [TestCase("de", "^", HidUsage.Grave, KeyModifiers.None, HidUsage.Space)]
    [TestCase("de", "â", HidUsage.Grave, KeyModifiers.None, HidUsage.A)]
    [TestCase("de", "é", HidUsage.Equal, KeyModifiers.None, HidUsage.E)]
    [TestCase("fr", "^", HidUsage.LeftBracket, KeyModifiers.None, HidUsage.Space)]
    [TestCase("fr", "ê", HidUsage.LeftBracket, KeyModifiers.None, HidUsage.E)]
    [TestCase("es", "á", HidUsage.Quote, KeyModifiers.None, HidUsage.A)]
    [TestCase("es", "`", HidUsage.LeftBracket, KeyModifiers.None, HidUsage.Space)]
    [TestCase("sv", "é", HidUsage.Equal, KeyModifiers.None, HidUsage.E)]
    public void Dead_keys_are_followed_by_space_or_the_vowel(string layout, string text, HidUsage dead, KeyModifiers baseModifiers, HidUsage baseKey)
    {
        Assert.That(KeyboardLayout.FromName(layout).ToStrokes(text), Is.EqualTo(new[] { new KeyStroke(KeyModifiers.None, dead), new KeyStroke(baseModifiers, baseKey) }));
    }

    [Test]
    public void French_diaeresis_is_shift_dead_key_then_the_vowel()
    {
        Assert.That(KeyboardLayout.Fr.ToStrokes("ë"), Is.EqualTo(new[] { new KeyStroke(Shift, HidUsage.LeftBracket), new KeyStroke(KeyModifiers.None, HidUsage.E) }));
    }

    [Test]
    public void Untypeable_character_names_the_character_its_code_and_the_layout()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyboardLayout.Us.ToStrokes("naïve"))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.Contain("'ï'"));
            Assert.That(error.Message, Does.Contain("U+00EF"));
            Assert.That(error.Message, Does.Contain("'us'"));
            Assert.That(error.Message, Does.Contain("index 2"));
        });
    }

    [Test]
    public void Unknown_layout_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => KeyboardLayout.FromName("colemak"))!;
        Assert.That(error.Message, Does.Contain("us, uk, de, fr, es, it, sv, ja, dvorak"));
    }

    [TestCase("us", "The quick brown fox jumps over the lazy dog! 1234567890 ~`!@#$%^&*()_+-=[]{}\\|;:'\",.<>/?\n\tEnd")]
    [TestCase("uk", "Pay £5 to bob@example.com #1 ~ \\ | ¬ \"quoted\" €9")]
    [TestCase("de", "Grüße aus München: Straße, Äpfel & Öl kosten 5€ {x} [y] \\ @ ~ | ^ ° â é è ´ ` µ")]
    [TestCase("fr", "Élan? Non: élève à Noël, ça coûte 5€ & être là ! ^ ¨ ê ë ù @ # { } [ ] | ` \\ ~ µ §")]
    [TestCase("es", "¡Hola, señor! ¿Qué tal? Ángel comió piñas: 5€ @ # ~ \\ | [ ] { } ç Ç ü â ` ^ ´ ¨ º ª ·")]
    [TestCase("it", "Perché no? Città, però è già così: 5€ £3 @ # [ ] ° § ç \\ | ~ ` ²")]
    [TestCase("sv", "Hej! Räksmörgås åt Östen: 5€ £3 @ $ { } [ ] \\ | ~ ¤ § ½ é à ê ü ñ µ")]
    [TestCase("ja", "Konnichiwa! x=1+2*3; a@b [c] {d} <e> ~f^ `g` 'h' \"i\" \\ | _ ? /")]
    [TestCase("dvorak", "The quick brown fox jumps over the lazy dog! 1234567890 ~`!@#$%^&*()_+-=[]{}\\|;:'\",.<>/?\n\tEnd")]
    public void Text_typed_with_a_layout_decodes_back_to_the_same_text(string layout, string text)
    {
        var keyboard = KeyboardLayout.FromName(layout);
        var typeable = new string(text.Where(keyboard.CanType).ToArray());
        var decoder = new KeystrokeTextDecoder(keyboard);
        foreach (var stroke in keyboard.ToStrokes(typeable))
        {
            decoder.Feed(stroke.Modifiers, [(byte)stroke.Usage]);
            decoder.Feed(KeyModifiers.None, []);
        }

        Assert.Multiple(() =>
        {
            Assert.That(decoder.Text, Is.EqualTo(typeable));
            Assert.That(typeable.Length, Is.GreaterThan(text.Length - 3), "nearly all of the sample must be typeable with its own layout");
        });
    }
}
