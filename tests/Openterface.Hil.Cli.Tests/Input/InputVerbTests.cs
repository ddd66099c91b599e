using System.Text.Json;
using Openterface.Hil.Simulator;

namespace Openterface.Hil.Cli.Tests;

/// <summary>The input verbs against a CH9329 emulator on a real pseudo-terminal.</summary>
[TestFixture]
public sealed class InputVerbTests
{
    private RecordingTarget _target = null!;
    private PtyCh9329Server _server = null!;

    [SetUp]
    public void StartEmulator()
    {
        _target = new RecordingTarget();
        _server = new PtyCh9329Server(new Ch9329Emulator(_target, Ch9329EmulatorOptions.Gen2));
    }

    [TearDown]
    public async Task StopEmulator()
    {
        await _server.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Test]
    public async Task Type_types_the_text_on_the_target()
    {
        var (exit, _, error) = await CliRunner.RunAsync("type", "--serial", _server.Path, "--pacing", "none", "Hello, World! 42 ~ \"ok\"");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(_target.Text, Is.EqualTo("Hello, World! 42 ~ \"ok\""));
            Assert.That(_target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Type_with_a_german_layout_types_umlauts()
    {
        await _target.DisposeAsync();
        await _server.DisposeAsync();
        _target = new RecordingTarget(Protocol.KeyboardLayout.De);
        _server = new PtyCh9329Server(new Ch9329Emulator(_target));

        var (exit, _, error) = await CliRunner.RunAsync("type", "--serial", _server.Path, "--layout", "de", "--pacing", "none", "Grüße @ 5€");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(_target.Text, Is.EqualTo("Grüße @ 5€"));
        });
    }

    [Test]
    public async Task Type_refuses_an_untypeable_character_with_a_usage_exit_code()
    {
        var (exit, _, error) = await CliRunner.RunAsync("type", "--serial", _server.Path, "snow \u2603");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("U+2603").And.Contain("'us'"));
            Assert.That(_target.KeyboardStates, Is.Empty);
        });
    }

    [Test]
    public async Task Key_presses_each_chord_in_turn()
    {
        var (exit, _, error) = await CliRunner.RunAsync("key", "--serial", _server.Path, "--pacing", "none", "ctrl+alt+delete", "f2", "shift+tab");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(_target.OtherKeys, Is.EqualTo(new[] { "ctrl+alt+delete", "f2", "shift+tab" }));
            Assert.That(_target.AllKeysReleased, Is.True);
        });
    }

    [Test]
    public async Task Key_with_an_unknown_name_suggests_close_names()
    {
        var (exit, _, error) = await CliRunner.RunAsync("key", "--serial", _server.Path, "ctrl+alt+delte");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2));
            Assert.That(error, Does.Contain("Unknown key 'delte'").And.Contain("'delete'"));
        });
    }

    [Test]
    public async Task Info_json_reports_version_enumeration_and_leds()
    {
        var (exit, output, error) = await CliRunner.RunAsync("info", "--serial", _server.Path, "--json");

        Assert.That(exit, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That(json.RootElement.GetProperty("targetEnumerated").GetBoolean(), Is.True);
            Assert.That(json.RootElement.GetProperty("versionByte").GetInt32(), Is.EqualTo(2));
            Assert.That(json.RootElement.GetProperty("leds").GetProperty("caps").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("serial").GetString(), Is.EqualTo(_server.Path));
        });
    }

    [Test]
    public async Task Mouse_click_at_a_pixel_moves_then_clicks_in_device_units()
    {
        var (exit, _, error) = await CliRunner.RunAsync("mouse", "click", "right", "960", "540", "--serial", _server.Path, "--screen", "1920x1080");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.Zero, error);
            Assert.That(_target.PointerEvents, Is.EqualTo(new[]
            {
                "abs 0,0 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel 0",
                "abs 2048,2048 buttons 0 wheel 0", "abs 2048,2048 buttons 2 wheel 0", "abs 2048,2048 buttons 0 wheel 0",
                "abs 2048,2048 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel 0",
            }), "every connection starts with a release-all of both pointers and ends with one at the last position");
        });
    }

    [Test]
    public async Task Mouse_move_and_scroll_reach_the_target()
    {
        var move = await CliRunner.RunAsync("mouse", "move", "1280", "0", "--serial", _server.Path, "--screen", "1280x768");
        var scroll = await CliRunner.RunAsync("mouse", "scroll", "--serial", _server.Path, "--", "-2");

        Assert.Multiple(() =>
        {
            Assert.That((move.Exit, scroll.Exit), Is.EqualTo((0, 0)), move.Error + scroll.Error);
            Assert.That(_target.PointerEvents, Is.EqualTo(new[]
            {
                // hil mouse move: release-all on connect, the move, release-all at the last position on exit.
                "abs 0,0 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel 0", "abs 4096,0 buttons 0 wheel 0",
                "abs 4096,0 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel 0",
                // hil mouse scroll: a new process knows no position; its release on connect carries 0,0,
                // and as it never moved the pointer, its release on exit is relative only (no jump to 0,0).
                "abs 0,0 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel 0", "rel 0,0 buttons 0 wheel -2",
                "rel 0,0 buttons 0 wheel 0",
            }));
        });
    }

    [Test]
    public async Task Usb_switches_and_reports_status()
    {
        var target = await CliRunner.RunAsync("usb", "--serial", _server.Path, "target");
        var status = await CliRunner.RunAsync("usb", "--serial", _server.Path, "status");

        Assert.Multiple(() =>
        {
            Assert.That(target.Exit, Is.Zero, target.Error);
            Assert.That(status.Out.Trim(), Is.EqualTo("usb target"));
            Assert.That(_target.UsbSwitchToTarget, Is.True);
        });
    }

    [Test]
    public async Task Missing_port_fails_with_a_remedy_and_a_non_zero_exit()
    {
        var (exit, _, error) = await CliRunner.RunAsync("info", "--serial", "/dev/ttyUSB-none");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(1));
            Assert.That(error, Does.Contain("does not exist").And.Contain("auto"));
        });
    }
}
