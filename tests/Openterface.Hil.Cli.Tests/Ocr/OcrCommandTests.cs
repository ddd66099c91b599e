using System.CommandLine;
using System.Text.Json;

namespace Openterface.Hil.Cli.Tests.Ocr;

[NonParallelizable]
public sealed class OcrCommandTests
{
    private static readonly string Corpus = Path.Combine(RepositoryRoot(), "fixtures", "screens", "ocr");
    private string _scratch = string.Empty;

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("hil-ocr-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [Test]
    public void Ocr_prints_the_text_of_a_screenshot()
    {
        var (code, output, _) = Run("ocr", Path.Combine(Corpus, "grub-menu_1024x768_jpeg.jpg"));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(output, Does.Contain("GNU GRUB  version 2.06-13+deb12u1").And.Contain("*Debian GNU/Linux"));
        });
    }

    [Test]
    public void Ocr_json_has_text_engine_confidence_and_word_boxes_for_a_region()
    {
        var (code, output, _) = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--region", "0,368,540,16", "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var first = root.GetProperty("words")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(root.GetProperty("text").GetString(), Is.EqualTo("Press DEL to enter SETUP, F12 for Boot Menu, END for Qflash"));
            Assert.That(root.GetProperty("engine").GetString(), Is.EqualTo("console"));
            Assert.That(root.GetProperty("confidence").GetDouble(), Is.EqualTo(1.0));
            Assert.That(first.GetProperty("text").GetString(), Is.EqualTo("Press"));
            Assert.That((first.GetProperty("x").GetInt32(), first.GetProperty("y").GetInt32(), first.GetProperty("width").GetInt32(), first.GetProperty("height").GetInt32()),
                Is.EqualTo((0, 368, 45, 16)));
        });
    }

    [Test]
    public void Ocr_with_the_tesseract_engine_says_so_in_json()
    {
        var (code, output, _) = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--region", "0,368,540,16", "--engine", "tesseract", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(json.RootElement.GetProperty("engine").GetString(), Is.EqualTo("tesseract"));
            Assert.That(json.RootElement.GetProperty("text").GetString(), Does.Contain("Press DEL to enter SETUP"));
        });
    }

    [Test]
    public void Ocr_controls_read_an_ip_address_with_a_whitelist_in_line_mode_and_apply_corrections()
    {
        var image = Path.Combine(Corpus, "graphical", "uefi-network_1024x768_ms2109.jpg");

        var (code, output, _) = Run("ocr", image, "--region", "700,298,330,40", "--mode", "line", "--whitelist", "0123456789.",
            "--correction", "/^192/=net", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero);
            Assert.That(json.RootElement.GetProperty("engine").GetString(), Is.EqualTo("graphical"));
            Assert.That(json.RootElement.GetProperty("text").GetString(), Is.EqualTo("net.168.10.11"));
        });
    }

    [Test]
    public void An_unknown_ocr_mode_names_the_choices()
    {
        var (code, _, error) = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--mode", "column");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain("Mode 'column'").And.Contain("page, sparse, line, word or char"));
        });
    }

    [Test]
    public void A_corrupt_png_is_reported_with_its_name_and_the_remedy()
    {
        var path = Path.Combine(_scratch, "corrupt.png");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]);

        var (code, _, error) = Run("ocr", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain($"'{path}'").And.Contain("not a valid PNG or JPEG").And.Contain("Pass a PNG or JPEG"));
        });
    }

    [Test]
    public void An_empty_image_file_is_reported_with_its_name_and_the_remedy()
    {
        var path = Path.Combine(_scratch, "empty.png");
        File.WriteAllBytes(path, []);

        var (code, _, error) = Run("ocr", path);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain($"'{path}'").And.Contain("empty").And.Contain("Pass a PNG or JPEG"));
        });
    }

    [Test]
    public void A_region_outside_the_frame_is_reported_with_the_region_and_frame_size()
    {
        var (code, _, error) = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--region", "700,0,100,100");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Not.Zero);
            Assert.That(error, Does.Contain("'700,0,100,100'").And.Contain("720x400").And.Contain("inside the frame"));
        });
    }

    [Test]
    public void A_malformed_region_or_engine_is_a_usage_error_with_an_example()
    {
        var region = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--region", "1,2");
        var engine = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--engine", "easyocr");

        Assert.Multiple(() =>
        {
            Assert.That(region.Error, Does.Contain("Region '1,2' is not X,Y,W,H").And.Contain("--region 0,0,400,60"));
            Assert.That(engine.Error, Does.Contain("Engine 'easyocr'").And.Contain("auto, console, graphical or tesseract"));
            Assert.That((region.Code, engine.Code), Is.EqualTo((2, 2)));
        });
    }

    [Test]
    public void A_missing_tessdata_folder_names_the_folder_and_the_remedy()
    {
        var previous = Environment.GetEnvironmentVariable("HIL_TESSDATA");
        Environment.SetEnvironmentVariable("HIL_TESSDATA", Path.Combine(_scratch, "tessdata"));
        try
        {
            var (code, _, error) = Run("ocr", Path.Combine(Corpus, "post_native_clean.png"), "--engine", "tesseract");

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.Not.Zero);
                Assert.That(error, Does.Contain($"'{Path.Combine(_scratch, "tessdata")}' does not exist").And.Contain("HIL_TESSDATA").And.Contain("hil doctor --fix"));
            });
        }
        finally
        {
            Environment.SetEnvironmentVariable("HIL_TESSDATA", previous);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in CommandCatalog.CreateAll())
        {
            root.Subcommands.Add(command);
        }

        var (previousOut, previousError) = (Console.Out, Console.Error);
        using var output = new StringWriter();
        using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var code = root.Parse(args).Invoke();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Openterface.Hil.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
