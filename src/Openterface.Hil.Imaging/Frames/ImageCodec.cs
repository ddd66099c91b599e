using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>PNG and JPEG decode/encode through OpenCV's codecs (native/hilcv).</summary>
public static class ImageCodec
{
    /// <summary>Decodes PNG, JPEG, BMP or PPM bytes into a new frame.</summary>
    public static unsafe Frame Decode(ReadOnlySpan<byte> encoded, PixelFormat format = PixelFormat.Bgr24, string source = "")
    {
        if (encoded.IsEmpty)
        {
            throw new ImagingException($"Cannot decode '{Describe(source)}': it is empty. Pass a PNG or JPEG image.");
        }

        NativeLibraries.EnsureHilCv();
        HilCvImageHandle image;
        fixed (byte* bytes = encoded)
        {
            var rc = HilCvNative.Decode(bytes, encoded.Length, format == PixelFormat.Gray8 ? 1 : 0, out image);
            if (rc < 0)
            {
                image.Dispose();
                throw new ImagingException(
                    $"Cannot decode '{Describe(source)}' ({encoded.Length} bytes): not a valid PNG or JPEG image.");
            }
        }

        try
        {
            HilCvNative.Check(HilCvNative.ImageView(image, out var view), "Reading decoded image");
            var frame = Frame.Allocate(view.Width, view.Height, format);
            var rowBytes = view.Width * view.Channels;
            var target = frame.WritablePixels;
            for (var y = 0; y < view.Height; y++)
            {
                new ReadOnlySpan<byte>(view.Data + ((long)y * view.Stride), rowBytes).CopyTo(target.Slice(y * rowBytes, rowBytes));
            }

            frame.Source = source;
            return frame;
        }
        finally
        {
            image.Dispose();
        }
    }

    /// <summary>Loads an image file into a new frame.</summary>
    public static Frame Load(string path, PixelFormat format = PixelFormat.Bgr24)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new ImagingException($"Image file '{path}' does not exist. Check the path.");
        }

        return Decode(File.ReadAllBytes(path), format, path);
    }

    /// <summary>PNG bytes (lossless; compression 0..9, 3 is fast).</summary>
    public static byte[] EncodePng(this Frame frame, int compression = 3) => Encode(frame, ".png", compression);

    /// <summary>JPEG bytes (quality 0..100).</summary>
    public static byte[] EncodeJpeg(this Frame frame, int quality = 85) => Encode(frame, ".jpg", quality);

    /// <summary>Writes the frame as PNG or JPEG, chosen by the file extension.</summary>
    public static void Save(this Frame frame, string path, int jpegQuality = 90)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var bytes = extension switch
        {
            ".png" => frame.EncodePng(),
            ".jpg" or ".jpeg" => frame.EncodeJpeg(jpegQuality),
            _ => throw new ArgumentException($"Cannot save '{path}': use a .png or .jpg file name.", nameof(path)),
        };
        File.WriteAllBytes(path, bytes);
    }

    private static unsafe byte[] Encode(Frame frame, string extension, int param)
    {
        ArgumentNullException.ThrowIfNull(frame);
        NativeLibraries.EnsureHilCv();
        var rc = HilCvNative.Encode(frame.View(), extension, param, out var buffer);
        using (buffer)
        {
            HilCvNative.Check(rc, $"Encoding {extension}");
            HilCvNative.Check(HilCvNative.BufferData(buffer, out var data, out var length), "Reading encoded bytes");
            return new ReadOnlySpan<byte>(data, length).ToArray();
        }
    }

    private static string Describe(string source) => string.IsNullOrEmpty(source) ? "<bytes>" : source;
}
