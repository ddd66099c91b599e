using System.Drawing;
using Openterface.Hil.Device;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>
/// The fake Mini-KVM: records every input, lets tests script the target's reaction (a scene after a delay), and
/// emulates a text field that echoes typing (optionally losing characters) so closed-loop typing is exercised.
/// </summary>
internal sealed class FakeInput : IKeyboardPort, IMousePort, IHidLink, IUsbSwitchPort, IPowerSwitch
{
    private readonly FakeVideo _video;
    private readonly Dictionary<string, (TimeSpan Delay, Scene Scene)> _reactions = new(StringComparer.OrdinalIgnoreCase);

    public FakeInput(FakeVideo video)
    {
        _video = video;
    }

    public List<string> Actions { get; } = [];

    public bool TargetEnumerated { get; set; } = true;

    public byte Leds { get; set; }

    /// <summary>Whether the fake target echoes Caps Lock presses on its LEDs.</summary>
    public bool EchoCapsLock { get; set; } = true;

    /// <summary>Thrown by the next input call (then cleared): a link fault.</summary>
    public Exception? FailNext { get; set; }

    /// <summary>Called when an input call starts; lets a test cancel mid-action.</summary>
    public Action<string>? OnInput { get; set; }

    public UsbSwitchPosition Position { get; private set; } = UsbSwitchPosition.Host;

    /// <summary>An echoing text field: typed characters appear as one word in these bounds after <see cref="EchoDelay"/>.</summary>
    public Rectangle? Field { get; set; }

    public string FieldText { get; private set; } = string.Empty;

    public TimeSpan EchoDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Characters the target loses the first time they are typed (a flaky link).</summary>
    public HashSet<char> DropOnce { get; } = [];

    /// <summary>Characters the OCR always misreads as another one.</summary>
    public Dictionary<char, char> Misread { get; } = [];

    /// <summary>A password field: it shows one '*' per typed character.</summary>
    public bool MaskEcho { get; set; }

    public IReadOnlyList<string> Transcript => ["57 AB 00 01 00 03", "57 AB 00 81 08 30 01 00 ..."];

    /// <summary>After pressing <paramref name="chord"/> the target shows <paramref name="scene"/> after <paramref name="delay"/>.</summary>
    public void React(string chord, TimeSpan delay, Scene scene) => _reactions[chord] = (delay, scene);

    public Task KeyAsync(string chord, KeyAction action, CancellationToken cancellationToken) => action switch
    {
        KeyAction.Down => Record($"down {chord}", cancellationToken),
        KeyAction.Up => Record($"up {chord}", cancellationToken),
        _ => PressAsync(chord, cancellationToken),
    };

    private Task PressAsync(string chord, CancellationToken cancellationToken) => Record($"press {chord}", cancellationToken, () =>
    {
        if (chord.Equals("capslock", StringComparison.OrdinalIgnoreCase) && EchoCapsLock)
        {
            Leds ^= 0x02;
        }

        if (chord.Equals("backspace", StringComparison.OrdinalIgnoreCase) && Field is not null && FieldText.Length > 0)
        {
            Echo(FieldText[..^1]);
        }

        if (_reactions.TryGetValue(chord, out var reaction))
        {
            _video.ShowAfter(reaction.Delay, reaction.Scene);
        }
    });

    public Task TypeAsync(string text, KeyboardLayout? layout, bool secret, CancellationToken cancellationToken) =>
        Record($"type {text}{(layout is null ? string.Empty : $" ({layout})")}{(secret ? " [secret]" : string.Empty)}", cancellationToken, () =>
        {
            if (Field is null)
            {
                return;
            }

            var landed = new string([.. text.Where(c => !DropOnce.Remove(c))]);
            Echo(FieldText + landed);
        });

    public Task MediaAsync(MediaKeys keys, CancellationToken cancellationToken) => Record($"media {keys}", cancellationToken);

    public Task AcpiAsync(AcpiKeys keys, CancellationToken cancellationToken) => Record($"acpi {keys}", cancellationToken);

    public Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        Actions.Add("release all");
        return Task.CompletedTask;
    }

    public Task MoveToAsync(int x, int y, CancellationToken cancellationToken) => Record($"move {x},{y}", cancellationToken);

    public Task ButtonAsync(MouseButton button, KeyAction action, CancellationToken cancellationToken) => action switch
    {
        KeyAction.Down => Record($"mouse down {button}", cancellationToken),
        KeyAction.Up => Record($"mouse up {button}", cancellationToken),
        _ => Record($"click {button}", cancellationToken),
    };

    public Task MoveByAsync(int dx, int dy, CancellationToken cancellationToken) => Record($"move by {dx},{dy}", cancellationToken);

    public Task ScrollAsync(int ticks, CancellationToken cancellationToken) => Record($"scroll {ticks}", cancellationToken);

    public Task<ChipInfo> GetInfoAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ChipInfo(0x34, TargetEnumerated, (LockLeds)Leds));

    public Task WaitUntilReadyAsync(TimeSpan timeout, bool verifyCapsLockRoundTrip, CancellationToken cancellationToken)
    {
        Actions.Add($"hid ready? ({(verifyCapsLockRoundTrip ? "caps" : "plain")})");
        if (!TargetEnumerated)
        {
            throw new TimeoutException($"Target did not enumerate the HID device within {timeout.TotalSeconds}s.");
        }

        if (verifyCapsLockRoundTrip && !EchoCapsLock)
        {
            throw new TimeoutException("Caps Lock LED did not toggle.");
        }

        return Task.CompletedTask;
    }

    public Task SwitchAsync(UsbSwitchPosition position, CancellationToken cancellationToken) =>
        Record(position == UsbSwitchPosition.Target ? "usb target" : "usb host", cancellationToken, () => Position = position);

    public Task<UsbSwitchPosition> GetPositionAsync(CancellationToken cancellationToken) => Task.FromResult(Position);

    public Task PowerOnAsync(CancellationToken cancellationToken = default) => Record("power on", cancellationToken);

    public Task PowerOffAsync(CancellationToken cancellationToken = default) => Record("power off", cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken = default) => Record("power reset", cancellationToken);

    private void Echo(string text)
    {
        FieldText = text;
        var shown = MaskEcho ? new string('*', text.Length) : new string([.. text.Select(c => Misread.TryGetValue(c, out var m) ? m : c)]);
        var scene = new Scene($"field '{text}'");
        if (shown.Length > 0)
        {
            scene.Words.Add((shown, Field!.Value with { Width = Math.Max(9, shown.Length * 9) }));
        }

        _video.ShowAfter(EchoDelay, scene);
    }

    private Task Record(string action, CancellationToken cancellationToken, Action? effect = null)
    {
        OnInput?.Invoke(action);
        cancellationToken.ThrowIfCancellationRequested();
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        Actions.Add(action);
        effect?.Invoke();
        return Task.CompletedTask;
    }
}
