using System.Diagnostics;

namespace Openterface.Hil.Protocol.Tests;

[TestFixture]
public sealed class DecoderTests
{
    private static readonly byte[] Ack = Hex.Parse("57 AB 00 82 01 00 85");

    [Test]
    public void Garbage_before_a_frame_is_skipped_and_counted()
    {
        var decoder = new Ch9329FrameDecoder();
        decoder.Append(Hex.Parse("00 FF 57 13 AB"));
        decoder.Append(Ack);

        Assert.Multiple(() =>
        {
            Assert.That(decoder.TryRead(out var frame), Is.True);
            Assert.That(frame.Code, Is.EqualTo(0x82));
            Assert.That(decoder.DiscardedBytes, Is.EqualTo(5));
            Assert.That(decoder.TryRead(out _), Is.False);
        });
    }

    [Test]
    public void A_frame_split_across_reads_is_reassembled()
    {
        var decoder = new Ch9329FrameDecoder();
        foreach (var b in Ack[..^1])
        {
            decoder.Append([b]);
            Assert.That(decoder.TryRead(out _), Is.False);
        }

        decoder.Append(Ack[^1..]);
        Assert.That(decoder.TryRead(out var frame), Is.True);
        Assert.That(frame.ToBytes(), Is.EqualTo(Ack));
    }

    [Test]
    public void Truncated_frame_followed_by_a_good_one_raises_once_then_yields_the_good_frame()
    {
        var decoder = new Ch9329FrameDecoder();
        decoder.Append(Hex.Parse("57 AB 00 02 08 00 00"));
        decoder.Append(Ack);

        var errors = new List<ProtocolError>();
        var frames = new List<Ch9329Frame>();
        for (var i = 0; i < 10; i++)
        {
            try
            {
                if (decoder.TryRead(out var frame))
                {
                    frames.Add(frame);
                }
            }
            catch (ProtocolException e)
            {
                errors.Add(e.Error);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.EqualTo(new[] { ProtocolError.BadChecksum }));
            Assert.That(frames.Select(f => f.Code).ToArray(), Is.EqualTo(new byte[] { 0x82 }), "the ACK inside the truncated frame's declared length is found again after resync");
        });
    }

    [Test]
    public void Wrong_checksum_raises_a_typed_error_naming_both_sums_and_keeps_going()
    {
        var decoder = new Ch9329FrameDecoder();
        decoder.Append(Hex.Parse("57 AB 00 82 01 00 86"));
        decoder.Append(Ack);

        var error = Assert.Throws<ProtocolException>(() => decoder.TryRead(out _))!;
        Assert.Multiple(() =>
        {
            Assert.That(error.Error, Is.EqualTo(ProtocolError.BadChecksum));
            Assert.That(error.Message, Does.Contain("'86'").And.Contain("'85'"));
            Assert.That(error.FrameCode, Is.EqualTo(0x82));
            Assert.That(error, Is.InstanceOf<HilException>());
            Assert.That(decoder.TryRead(out var frame), Is.True);
            Assert.That(frame.ToBytes(), Is.EqualTo(Ack));
        });
    }

    [Test]
    public void Length_above_64_is_rejected()
    {
        var decoder = new Ch9329FrameDecoder();
        decoder.Append(Hex.Parse("57 AB 00 82 41 00"));
        var error = Assert.Throws<ProtocolException>(() => decoder.TryRead(out _))!;
        Assert.That(error.Error, Is.EqualTo(ProtocolError.BadLength));
    }

    [Test]
    public void Trailing_extra_byte_from_the_double_checksum_quirk_is_tolerated()
    {
        var decoder = new Ch9329FrameDecoder();
        var doubled = Hex.Parse("57 AB 00 04 07 02 01 64 00 C8 00 00 3C 3C");
        decoder.Append(doubled);
        decoder.Append(doubled);

        Assert.Multiple(() =>
        {
            Assert.That(decoder.TryRead(out var first), Is.True);
            Assert.That(first.Command, Is.EqualTo(Ch9329Command.SendMouseAbsolute));
            Assert.That(decoder.TryRead(out var second), Is.True);
            Assert.That(second.Command, Is.EqualTo(Ch9329Command.SendMouseAbsolute));
            Assert.That(decoder.TryRead(out _), Is.False);
        });
    }

    [Test]
    public void Error_reply_is_recognised_and_EnsureSuccess_names_the_status()
    {
        var reply = Ch9329Frame.Parse(Hex.Parse("57 AB 00 C1 01 E4 A8"));
        var error = Assert.Throws<ProtocolException>(() => Ch9329Replies.EnsureSuccess(reply))!;
        Assert.Multiple(() =>
        {
            Assert.That(reply.IsErrorReply, Is.True);
            Assert.That(reply.Command, Is.EqualTo(Ch9329Command.GetInfo));
            Assert.That(error.Status, Is.EqualTo(Ch9329Status.BadChecksum));
            Assert.That(error.Message, Does.Contain("'E4'"));
        });
    }

    [Test]
    public void One_million_random_and_mutated_frames_raise_only_ProtocolException_and_never_hang()
    {
        var random = new Random(20261122);
        var decoder = new Ch9329FrameDecoder();
        var valid = new[]
        {
            Ch9329Requests.GetInfo().ToBytes(),
            Ch9329Requests.Keyboard(new KeyboardReport(KeyModifiers.LeftShift, [0x04])).ToBytes(),
            Ch9329Requests.MouseAbsolute(2048, 100, MouseButton.Left).ToBytes(),
            Ch9329Requests.SetParameters(ParameterBlock.Openterface(115200)).ToBytes(),
            Ch9329Replies.Info(new ChipInfo(0x38, true, LockLeds.CapsLock)).ToBytes(),
        };
        var buffer = new byte[80];
        long frames = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1_000_000; i++)
        {
            int length;
            if (i % 2 == 0)
            {
                var source = valid[random.Next(valid.Length)];
                source.CopyTo(buffer, 0);
                length = source.Length;
                var mutations = random.Next(4);
                for (var m = 0; m < mutations; m++)
                {
                    switch (random.Next(3))
                    {
                        case 0:
                            buffer[random.Next(length)] = (byte)random.Next(256);
                            break;
                        case 1:
                            length = Math.Max(1, length - random.Next(1, 4));
                            break;
                        default:
                            buffer[length % buffer.Length] = (byte)random.Next(256);
                            length = Math.Min(buffer.Length, length + 1);
                            break;
                    }
                }
            }
            else
            {
                length = random.Next(1, buffer.Length);
                random.NextBytes(buffer.AsSpan(0, length));
                if (random.Next(4) == 0)
                {
                    buffer[0] = 0x57;
                    buffer[Math.Min(1, length - 1)] = 0xAB;
                }
            }

            decoder.Append(buffer.AsSpan(0, length));
            for (var guard = 0; guard < 200; guard++)
            {
                try
                {
                    if (!decoder.TryRead(out _))
                    {
                        break;
                    }

                    frames++;
                }
                catch (ProtocolException)
                {
                    errors++;
                }
            }

            if (decoder.Buffered >= 200)
            {
                Assert.Fail($"The decoder accumulated {decoder.Buffered} bytes; it must not hold more than one partial frame.");
            }
        }

        TestContext.Out.WriteLine($"1,000,000 inputs in {clock.Elapsed.TotalSeconds:0.0}s: {frames} frames, {errors} protocol errors, {decoder.DiscardedBytes} bytes discarded");
        Assert.That(frames, Is.GreaterThan(100_000));
    }
}
