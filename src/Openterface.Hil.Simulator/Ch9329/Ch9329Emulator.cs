using System.Collections.Concurrent;
using Openterface.Hil.Protocol;

namespace Openterface.Hil.Simulator;

/// <summary>
/// A CH9329 (reference §2.14) on the production codec: ACK and error replies, GET_INFO from the virtual target,
/// the 50-byte parameter block and baud changes that take effect after RESET, USB strings, factory reset, the
/// 0x17 switch, unsolicited GET_INFO after an LED change. Keyboard reports are folded (modifiers sent as E0..E7 in
/// the key array become bits) and forwarded to <see cref="IVirtualTarget.KeyboardStateAsync"/>. A transport (pty,
/// TCP) feeds <see cref="ReceiveAsync"/> and sends what <see cref="Output"/> is given.
/// </summary>
public sealed partial class Ch9329Emulator
{
    private static readonly string[] DefaultStrings = ["WCH", "WCH UART TO KB-MS_V1.8", "0123456789"];
    private readonly IVirtualTarget _target;
    private readonly Ch9329FrameDecoder _decoder = new();
    private readonly string[] _strings = (string[])DefaultStrings.Clone();
    private ParameterBlock _pending;

    public Ch9329Emulator(IVirtualTarget target, Ch9329EmulatorOptions? options = null)
    {
        _target = target;
        Options = options ?? Ch9329EmulatorOptions.Gen1;
        Parameters = ParameterBlock.FactoryDefault with { BaudRate = Options.BaudRate };
        _pending = Parameters;
        _target.LedsChanged += OnLedsChanged;
    }

    public Ch9329EmulatorOptions Options { get; }

    public Ch9329Faults Faults { get; } = new();

    /// <summary>The parameter block in force (SET_PARA_CFG only takes effect after RESET).</summary>
    public ParameterBlock Parameters { get; private set; }

    public int BaudRate => Parameters.BaudRate;

    /// <summary>The host side's line speed when the transport can see it (pty: the slave's termios), else null.</summary>
    public int? HostBaudRate { get; set; }

    /// <summary>Every well-formed request received, in order.</summary>
    public ConcurrentQueue<Ch9329Frame> Requests { get; } = new();

    /// <summary>Media / ACPI / custom-HID reports (the virtual target has no sink for them).</summary>
    public ConcurrentQueue<Ch9329Frame> OtherReports { get; } = new();

    public int Resets { get; private set; }

    /// <summary>Where reply bytes go (set by the transport). Must be safe to call from several tasks.</summary>
    public Func<ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Output { get; set; }

    /// <summary>Pushes an unsolicited 0x87 frame: data the target sent to the custom-HID interface.</summary>
    public ValueTask SendCustomHidToHostAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        SendAsync(Ch9329Replies.CustomHidReceived(data.Span).ToBytes(), cancellationToken);

    /// <summary>Bytes from the host.</summary>
    public async ValueTask ReceiveAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        if (!Options.IgnoresHostBaud && HostBaudRate is { } host && host != BaudRate)
        {
            // A UART at the wrong speed sees framing errors: the chip gets noise, the host gets noise back.
            _decoder.Reset();
            await SendAsync(new byte[] { 0x00, 0xF8, 0x80 }, cancellationToken).ConfigureAwait(false);
            return;
        }

        _decoder.Append(bytes.Span);
        while (true)
        {
            Ch9329Frame frame;
            try
            {
                if (!_decoder.TryRead(out frame))
                {
                    return;
                }
            }
            catch (ProtocolException e) when (e.Error == ProtocolError.BadChecksum && e.FrameCode is { } code && !Faults.Zombie)
            {
                await ReplyAsync(Ch9329Replies.Error((Ch9329Command)(code & 0x3F), Ch9329Status.BadChecksum), cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (ProtocolException)
            {
                continue;
            }

            await HandleAsync(frame, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask HandleAsync(Ch9329Frame frame, CancellationToken cancellationToken)
    {
        if (Faults.TakeIgnore())
        {
            return;
        }

        if (Faults.Zombie && frame.Command != Ch9329Command.SetDefaultConfig)
        {
            return;
        }

        var address = Parameters.Address;
        if (frame.IsReply || frame.IsErrorReply || (address != 0 && frame.Address != address && frame.Address != 0xFF))
        {
            return;
        }

        Requests.Enqueue(frame);
        if (Faults.TakeErrorReply(out var status))
        {
            await ReplyAsync(Ch9329Replies.Error(frame.Command, status), cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = await ExecuteAsync(frame, cancellationToken).ConfigureAwait(false);
        if (frame.Address == 0xFF && address != 0)
        {
            return;
        }

        await ReplyAsync(reply, cancellationToken).ConfigureAwait(false);
        if (frame.Command == Ch9329Command.Reset)
        {
            // The reset takes effect after the ACK went out at the old speed.
            Parameters = _pending;
            Resets++;
        }
    }

    private async ValueTask ReplyAsync(Ch9329Frame reply, CancellationToken cancellationToken)
    {
        var scheduled = Faults.TakeScheduled();
        if (Faults.TakeDrop() || scheduled == ReplyFault.Drop)
        {
            return;
        }

        var bytes = reply.ToBytes();
        if (Faults.TakeCorrupt() || scheduled == ReplyFault.Corrupt)
        {
            bytes[^1] ^= 0x5A;
        }

        if (Faults.TakeGarbage())
        {
            bytes = [0x13, 0x57, 0x00, 0xAB, 0xFF, .. bytes];
        }

        var delay = scheduled == ReplyFault.Late ? Faults.Schedule?.LateBy ?? TimeSpan.Zero : Faults.TakeReplyDelay();
        if (delay > TimeSpan.Zero)
        {
            _ = Task.Run(
                async () =>
                {
                    await Task.Delay(delay, CancellationToken.None).ConfigureAwait(false);
                    await SendAsync(bytes, CancellationToken.None).ConfigureAwait(false);
                },
                CancellationToken.None);
            return;
        }

        await SendAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        Output is { } output ? output(bytes, cancellationToken) : ValueTask.CompletedTask;

    private void OnLedsChanged(object? sender, byte leds)
    {
        if (Options.UnsolicitedInfoOnLedChange && !Faults.Zombie)
        {
            _ = Task.Run(async () => await SendAsync(Ch9329Replies.Info(CurrentInfo()).ToBytes(), CancellationToken.None).ConfigureAwait(false), CancellationToken.None);
        }
    }

    private ChipInfo CurrentInfo() => new(Options.Version, _target.UsbEnumerated, (LockLeds)(_target.Leds & 0x07));
}
