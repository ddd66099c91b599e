using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Reads a bare PNG template with its alpha channel: the colour pixels, and a mask where only fully opaque pixels
/// (alpha 255) count; partly transparent pixels are ignored as stb-tester does. No alpha, or alpha 255 everywhere,
/// gives no mask.
/// </summary>
internal static class TemplateImage
{
    internal static unsafe (Frame Colour, Frame? Mask) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0)
        {
            throw new ImagingException($"Template '{path}' is empty. Save the cut-out as PNG.");
        }

        NativeLibraries.EnsureHilCv();
        HilCvImageHandle image;
        fixed (byte* data = bytes)
        {
            if (HilCvNative.Decode(data, bytes.Length, 2, out image) < 0)
            {
                image.Dispose();
                throw new ImagingException($"Template '{path}' ({bytes.Length} bytes) is not a valid PNG or JPEG image. Save the cut-out as PNG.");
            }
        }

        try
        {
            HilCvNative.Check(HilCvNative.ImageView(image, out var view), "Reading a template");
            if (view.Channels is not (1 or 3 or 4))
            {
                throw new ImagingException($"Template '{path}' has {view.Channels} channels; grey, BGR or BGRA (PNG with alpha) is expected.");
            }

            var colour = Frame.Allocate(view.Width, view.Height, view.Channels == 1 ? PixelFormat.Gray8 : PixelFormat.Bgr24);
            colour.Source = path;
            var mask = view.Channels == 4 ? Frame.Allocate(view.Width, view.Height, PixelFormat.Gray8) : null;
            Split(view, colour, mask);
            if (mask is not null && !mask.Pixels.ContainsAnyExcept((byte)255))
            {
                mask.Dispose();
                mask = null;
            }

            return (colour, mask);
        }
        finally
        {
            image.Dispose();
        }
    }

    private static unsafe void Split(HilCvView view, Frame colour, Frame? mask)
    {
        var target = colour.WritablePixels;
        var alpha = mask is null ? default : mask.WritablePixels;
        var channels = colour.Channels;
        for (var y = 0; y < view.Height; y++)
        {
            var row = new ReadOnlySpan<byte>(view.Data + ((long)y * view.Stride), view.Width * view.Channels);
            for (var x = 0; x < view.Width; x++)
            {
                var source = row.Slice(x * view.Channels, view.Channels);
                source[..channels].CopyTo(target.Slice(((y * view.Width) + x) * channels, channels));
                if (mask is not null)
                {
                    alpha[(y * view.Width) + x] = source[3] == 255 ? (byte)255 : (byte)0;
                }
            }
        }
    }
}
