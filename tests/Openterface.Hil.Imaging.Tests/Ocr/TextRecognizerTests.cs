using System.Drawing;
using System.Text.RegularExpressions;
using Openterface.Hil.Imaging.Fonts;
using Openterface.Hil.Imaging.Tests.Ocr.Corpus;

namespace Openterface.Hil.Imaging.Tests.Ocr;

public sealed class TextRecognizerTests
{
    private static readonly TextRecognizer Recognizer = new();

    [OneTimeTearDown]
    public static void DisposeRecognizer() => Recognizer.Dispose();

    [Test]
    public void Console_reader_reads_a_rendered_bios_screen_exactly_including_box_drawing()
    {
        var screen = FirmwareScreens.All().First(s => s.Name == "bios-main");
        using var frame = Render(screen);

        var result = Recognizer.Read(frame, engine: OcrEngineKind.Console);

        Assert.Multiple(() =>
        {
            Assert.That(result.Text, Is.EqualTo(screen.Grid.ToText().TrimEnd('\n')));
            Assert.That(result.Engine, Is.EqualTo(OcrEngineKind.Console));
            Assert.That(result.Confidence, Is.EqualTo(1.0));
        });
    }

    [Test]
    public void Auto_uses_the_console_reader_on_a_degraded_full_hd_capture()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "bios-advanced_1920x1080_blurjpeg.jpg"));

        var result = Recognizer.Read(frame);

        Assert.Multiple(() =>
        {
            Assert.That(result.Engine, Is.EqualTo(OcrEngineKind.Console));
            Assert.That(result.Text, Does.Contain("First Boot Device".PadRight(30) + "[Floppy]"));
            Assert.That(result.Confidence, Is.GreaterThan(0.95));
        });
    }

    [Test]
    public void A_region_reads_only_the_cells_whose_centres_lie_inside_it()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "bios-main_1024x768_jpeg.jpg"));
        var cellWidth = 1024 / 80.0;
        var cellHeight = 768 / 25.0;
        var region = new Rectangle((int)(2 * cellWidth), (int)(17 * cellHeight), (int)(40 * cellWidth), (int)cellHeight);

        var result = Recognizer.Read(frame, region);

        Assert.That(result.Text, Is.EqualTo("System Time           [12:04:38]"));
    }

    [Test]
    public void Words_carry_boxes_in_frame_coordinates()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "login_1920x1080_clean.png"));

        var result = Recognizer.Read(frame);
        var word = result.Words.First(w => w.Text == "hil-target" && w.Bounds.Y > 0);

        Assert.Multiple(() =>
        {
            Assert.That(word.Bounds, Is.EqualTo(Rectangle.FromLTRB(480, 86, 720, 130)), "row 2, columns 20-29 of 24x43.2 px cells");
            Assert.That(word.Confidence, Is.GreaterThan(0.9));
        });
    }

    [Test]
    public void Find_returns_the_exact_box_of_a_match_inside_a_word()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "bios-main_native_clean.png"));

        var date = Recognizer.Find(frame, new Regex(@"\d\d/\d\d/\d{4}"));

        Assert.Multiple(() =>
        {
            Assert.That(date, Is.Not.Null);
            Assert.That(date!.Text, Is.EqualTo("04/13/2021"));
            Assert.That(date.Bounds, Is.EqualTo(new Rectangle(24 * 9, 8 * 16, 10 * 9, 16)), "Build Date row, columns 24-33");
        });
    }

    [Test]
    public void Find_spans_words_and_returns_null_when_the_text_is_absent()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "grub-menu_native_clean.png"));

        var entry = Recognizer.Find(frame, new Regex("Advanced options for Debian"));
        var absent = Recognizer.Find(frame, new Regex("Windows Boot Manager"));

        Assert.Multiple(() =>
        {
            Assert.That(entry!.Bounds, Is.EqualTo(new Rectangle(3 * 9, 5 * 16, 27 * 9, 16)));
            Assert.That(absent, Is.Null);
        });
    }

    [Test]
    public void Tesseract_reads_a_preprocessed_region_with_word_boxes()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "post_native_clean.png"));
        var region = new Rectangle(0, 23 * 16, 540, 16);

        var result = Recognizer.Read(frame, region, OcrEngineKind.Tesseract);

        Assert.Multiple(() =>
        {
            Assert.That(result.Engine, Is.EqualTo(OcrEngineKind.Tesseract));
            Assert.That(result.Text, Does.Contain("Press DEL to enter SETUP"));
            Assert.That(result.Words.All(w => region.Contains(w.Bounds)), Is.True, "word boxes lie in the region, in frame coordinates");
            Assert.That(result.Words[0].Bounds.X, Is.LessThan(10), "'Press' starts at the left edge");
        });
    }

    [Test]
    public void Auto_falls_back_to_the_graphical_path_when_the_text_is_not_on_a_console_grid()
    {
        var grid = new TextGrid(30, 2, background: 15);
        grid.Clear(0, 15);
        grid.Write(1, 0, "Welcome to the target", 0, 15);
        using var text = new TextGridRenderer(PsfFont.Load("Lat15-Terminus16"), nineDotCells: false).Render(grid);
        using var scaled = text.Resize(text.Width * 3 / 2, text.Height * 3 / 2);
        using var frame = OnWhite(scaled, 800, 200, 37, 23);

        var result = Recognizer.Read(frame);

        Assert.Multiple(() =>
        {
            Assert.That(result.Engine, Is.EqualTo(OcrEngineKind.Graphical));
            Assert.That(result.Text, Is.EqualTo("Welcome to the target"));
        });
    }

    [Test]
    public void A_region_outside_the_frame_is_a_clear_error_naming_the_region_and_frame_size()
    {
        using var frame = Frame.Allocate(720, 400, PixelFormat.Bgr24);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Recognizer.Read(frame, new Rectangle(700, 0, 100, 100)));

        Assert.That(error!.Message, Does.Contain("'700,0,100,100'").And.Contain("720x400").And.Contain("inside the frame"));
    }

    [Test]
    public void A_missing_tessdata_folder_is_a_clear_error_naming_the_folder_and_the_remedy()
    {
        using var recognizer = new TextRecognizer(new OcrOptions { TessdataPath = "/no/such/tessdata" });
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "post_native_clean.png"));

        var error = Assert.Throws<SetupException>(() => recognizer.Read(frame, engine: OcrEngineKind.Tesseract));

        Assert.That(error!.Message, Does.Contain("'/no/such/tessdata' does not exist").And.Contain("HIL_TESSDATA").And.Contain("apt-get install -y libtesseract5 tesseract-ocr-eng"));
    }

    [Test]
    public void A_missing_language_is_a_clear_error_naming_the_traineddata_file()
    {
        using var recognizer = new TextRecognizer(new OcrOptions { Language = "eng+xyz" });
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "post_native_clean.png"));

        var error = Assert.Throws<SetupException>(() => recognizer.Read(frame, engine: OcrEngineKind.Tesseract));

        Assert.That(error!.Message, Does.Contain("language 'xyz'").And.Contain("xyz.traineddata").And.Contain("tesseract-ocr-xyz"));
    }

    [Test]
    public void Recognizers_can_be_used_from_several_threads_at_once()
    {
        using var frame = ImageCodec.Load(Path.Combine(OcrCorpus.Directory, "post_native_clean.png"));
        var region = new Rectangle(0, 23 * 16, 540, 16);

        var texts = new string[4];
        Parallel.For(0, 4, i => texts[i] = Recognizer.Read(frame, region, i % 2 == 0 ? OcrEngineKind.Tesseract : OcrEngineKind.Console).Text);

        Assert.That(texts.Select(t => t.Contains("Press DEL to enter SETUP", StringComparison.Ordinal)), Is.All.True);
    }

    private static Frame Render(CorpusScreen screen) =>
        new TextGridRenderer(PsfFont.Load(screen.Font), screen.NineDotCells).Render(screen.Grid);

    private static Frame OnWhite(Frame content, int width, int height, int x, int y)
    {
        var frame = Frame.Allocate(width, height, PixelFormat.Bgr24);
        frame.WritablePixels.Fill(255);
        var rowBytes = content.Width * 3;
        for (var row = 0; row < content.Height; row++)
        {
            content.Pixels.Slice(row * rowBytes, rowBytes).CopyTo(frame.WritablePixels.Slice(((y + row) * frame.Stride) + (x * 3), rowBytes));
        }

        return frame;
    }
}
