using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video;

/// <summary>
/// Decodes binary PPM (P6, maxval 255), what QEMU's screendump writes by default, straight into a pooled BGR
/// frame: a header parse and an RGB to BGR copy, no codec.
/// </summary>
internal static class PpmDecoder
{
    public static Frame Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < 2 || data[0] != (byte)'P' || data[1] != (byte)'6')
        {
            throw new VideoException("Not a binary PPM image (expected 'P6'). QEMU's screendump writes PPM unless told otherwise.");
        }

        var position = 2;
        var width = ReadNumber(data, ref position);
        var height = ReadNumber(data, ref position);
        var maxValue = ReadNumber(data, ref position);
        if (maxValue != 255)
        {
            throw new VideoException($"PPM maxval '{maxValue}' is not supported (expected '255').");
        }

        position++; // The single whitespace byte after maxval.
        if (width <= 0 || height <= 0 || width > Frame.MaxDimension || height > Frame.MaxDimension)
        {
            throw new VideoException(
                $"PPM image size '{width}x{height}' is outside 1x1..{Frame.MaxDimension}x{Frame.MaxDimension}. " +
                "The screendump is corrupt; check the QEMU display.");
        }

        var length = width * height * 3;
        if (data.Length - position < length)
        {
            throw new VideoException($"PPM image '{width}x{height}' is truncated ({data.Length - position} of {length} pixel bytes).");
        }

        var frame = Frame.Allocate(width, height, PixelFormat.Bgr24);
        var source = data.Slice(position, length);
        var target = frame.WritablePixels;
        for (var i = 0; i < length; i += 3)
        {
            target[i] = source[i + 2];
            target[i + 1] = source[i + 1];
            target[i + 2] = source[i];
        }

        return frame;
    }

    private static int ReadNumber(ReadOnlySpan<byte> data, ref int position)
    {
        while (position < data.Length)
        {
            var b = data[position];
            if (b == (byte)'#')
            {
                while (position < data.Length && data[position] != (byte)'\n')
                {
                    position++;
                }
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                position++;
            }
            else
            {
                break;
            }
        }

        var value = 0;
        var digits = 0;
        while (position < data.Length && data[position] is >= (byte)'0' and <= (byte)'9' && digits < 9)
        {
            value = (value * 10) + (data[position] - '0');
            position++;
            digits++;
        }

        if (digits == 0)
        {
            throw new VideoException($"PPM header is malformed at byte {position}: a number was expected.");
        }

        return value;
    }
}
