namespace Openterface.Hil.Imaging;

/// <summary>What a needle area is for (openQA's area "type").</summary>
public enum NeedleAreaType
{
    /// <summary>Pixels that must be found on screen.</summary>
    Match,

    /// <summary>Text read by OCR; not used for matching.</summary>
    Ocr,

    /// <summary>Pixels ignored while matching (clocks, cursors, changing content).</summary>
    Exclude,
}
