using Openterface.Hil.Imaging;

namespace Openterface.Hil;

/// <summary>What a step shows instead of a screenshot while a secret may be on screen: a flat grey frame.</summary>
internal static class SecretPlaceholder
{
    public const string AttachmentName = "screenshot withheld";

    public const string Reason =
        "A secret was typed and no other input has been sent since, so the screen may show it: the screenshot is withheld.";

    /// <summary>The grey value of every placeholder pixel.</summary>
    public const byte Grey = 0x80;

    /// <summary>A grey frame the size of <paramref name="frame"/> (owned by the caller).</summary>
    public static Frame For(Frame frame)
    {
        var pixels = new byte[frame.Width * frame.Height];
        Array.Fill(pixels, Grey);
        return Frame.FromPixels(pixels, frame.Width, frame.Height, PixelFormat.Gray8);
    }
}
