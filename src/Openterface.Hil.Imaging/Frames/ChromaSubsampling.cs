namespace Openterface.Hil.Imaging;

/// <summary>How a JPEG stores colour relative to brightness (the values are the usual J:a:b names).</summary>
public enum ChromaSubsampling
{
    /// <summary>Full colour resolution.</summary>
    Full444 = 444,

    /// <summary>Colour at half the horizontal resolution: what USB capture chips such as the MS2109 send.</summary>
    Half422 = 422,

    /// <summary>Colour at half the resolution both ways: OpenCV's (and most encoders') default.</summary>
    Quarter420 = 420,
}
