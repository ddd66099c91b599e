using System.Globalization;

namespace Openterface.Hil;

/// <summary>
/// The input, power and USB feature's one path to the rig: every action runs as a step, waits for the HID gate
/// (keyboard and mouse), sends, stamps the screen's barrier, releases every key when typing fails, and turns a link
/// failure into a rig fault with the serial transcript as evidence. <see cref="Keyboard"/>, <see cref="Mouse"/>,
/// <see cref="UsbControl"/> and <see cref="PowerControl"/> each take this and the one port they drive.
/// </summary>
internal sealed class RigActions
{
    private readonly IKeyboardPort _keyboard;

    public RigActions(SessionContext session, ScreenService screen, IKeyboardPort keyboard, IHidLink link)
    {
        Session = session;
        Screen = screen;
        _keyboard = keyboard;
        Link = link;
        Hid = new HidReadinessGate(this);
    }

    public SessionContext Session { get; }

    public ScreenService Screen { get; }

    public IHidLink Link { get; }

    public HidReadinessGate Hid { get; }

    /// <summary>
    /// Sends one input action inside a step named <paramref name="step"/>. <paramref name="action"/> is the description
    /// safe for logs, used for the log and the barrier ("Press 'enter'", "Type 5 characters"). A
    /// <paramref name="secret"/> action opens the secret window; any other action closes it once sent.
    /// </summary>
    public Task ActAsync(
        string step,
        IReadOnlyDictionary<string, string> parameters,
        string action,
        InputKind kind,
        Func<CancellationToken, Task> send,
        CancellationToken cancellationToken,
        bool secret = false) =>
        Session.Steps.RunAsync(step, StepKind.Action, parameters, async context =>
        {
            if (secret)
            {
                Session.SecretWindow.Open();
            }

            if (kind is InputKind.Keyboard or InputKind.Mouse)
            {
                await Hid.EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            }

            var before = Screen.Video.TryGetLatest();
            try
            {
                OperatorLog.ActionSent(Session.Logger, Session.Redact(action));
                await DeviceCallAsync(action, send, cancellationToken).ConfigureAwait(false);
                Screen.Video.NoteInputSent();
                if (!secret)
                {
                    Session.SecretWindow.Close();
                }

                // Keyboard and mouse input must visibly change the screen before a wait trusts it (change gate).
                // Power and USB-switch actions arm only the time barrier: after a power cycle the same screen may
                // legitimately come back (the GRUB menu before and after a reboot is identical).
                Screen.Frames.StampBarrier(Session.Redact(action), kind == InputKind.Other ? null : before);
                if (kind != InputKind.Other)
                {
                    before = null;
                }
            }
            catch when (kind == InputKind.Keyboard)
            {
                await ReleaseAllQuietlyAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                before?.Dispose();
            }
        });

    /// <summary>Runs a device call; anything but argument misuse and cancellation is a rig fault.</summary>
    public async Task DeviceCallAsync(string action, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsLinkFault(e))
        {
            throw LinkFault(action, e);
        }
    }

    public async Task<T> DeviceCallAsync<T>(string action, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsLinkFault(e))
        {
            throw LinkFault(action, e);
        }
    }

    public static bool IsLinkFault(Exception e) =>
        e is not (OperationCanceledException or ArgumentException or InvalidOperationException or HilTimeoutException
            or ExpectationFailedException or RigFaultException);

    public RigFaultException LinkFault(string action, Exception e)
    {
        var message = Session.Redact(
            $"The Mini-KVM failed during {action}: {e.Message} Check the USB cable and the serial port; " +
            "'hil info' shows the link state.");
        OperatorLog.RigFault(Session.Logger, message);
        var evidence = new Dictionary<string, string>
        {
            ["action"] = Session.Redact(action),
            ["error"] = Session.Redact($"{e.GetType().Name}: {e.Message}"),
            ["serial transcript"] = TranscriptTail(),
        };
        return new RigFaultException(message, evidence, e);
    }

    public string TranscriptTail()
    {
        var transcript = Link.Transcript;
        return Session.Redact(string.Join('\n', transcript.Skip(Math.Max(0, transcript.Count - 20))));
    }

    /// <summary>Releases every key, ignoring failures (used on error paths and at dispose).</summary>
    public async Task ReleaseAllQuietlyAsync()
    {
        try
        {
            await _keyboard.ReleaseAllAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort on an error path: the original failure is what the user needs.
        catch (Exception e)
#pragma warning restore CA1031
        {
            OperatorLog.ReleaseFailed(Session.Logger, e);
        }
    }

    public static string Leds(byte leds) => string.Create(
        CultureInfo.InvariantCulture,
        $"0x{leds:X2} (Num {OnOff(leds & 1)}, Caps {OnOff(leds & 2)}, Scroll {OnOff(leds & 4)})");

    private static string OnOff(int bit) => bit != 0 ? "on" : "off";
}

internal enum InputKind
{
    Keyboard,
    Mouse,
    Other,
}
