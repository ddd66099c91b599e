using System.Drawing;
using System.Runtime.InteropServices;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>
/// One initialised Tesseract instance (Init costs 60-180 ms: create one per thread and reuse it). Not thread-safe.
/// Reads a grey image and returns its words, grouped in lines, with boxes and confidences.
/// </summary>
internal sealed class TesseractEngine : IDisposable
{
    private readonly TesseractHandle _handle;

    private TesseractEngine(TesseractHandle handle) => _handle = handle;

    /// <summary>
    /// Checks the tessdata folder and language files, then initialises an engine. <paramref name="initVariables"/>
    /// are Tesseract's init-only parameters (load_system_dawg, user_words_file, user_patterns_file, ...).
    /// </summary>
    internal static TesseractEngine Create(string tessdataPath, string language, IReadOnlyDictionary<string, string>? initVariables = null)
    {
        CheckTessdata(tessdataPath, language);
        TesseractNative.EnsureLoaded();
        var handle = TesseractNative.Create();
        if (handle.IsInvalid)
        {
            throw new OcrException("Tesseract could not create an engine (TessBaseAPICreate returned null): out of memory?");
        }

        _ = TesseractNative.SetVariable(handle, "debug_file", "/dev/null");
        var rc = InitWith(handle, tessdataPath, language, initVariables ?? new Dictionary<string, string>());
        if (rc != 0)
        {
            handle.Dispose();
            throw new OcrException(
                $"Tesseract could not load language '{language}' from '{tessdataPath}'. " +
                $"Check the .traineddata files or set {OcrOptions.TessdataEnvironmentVariable} to a valid tessdata folder.");
        }

        _ = TesseractNative.SetVariable(handle, "debug_file", "/dev/null");

        // The preprocessors always hand over dark text on white: skip Tesseract's second, inverted pass over lines.
        _ = TesseractNative.SetVariable(handle, "tessedit_do_invert", "0");
        TesseractNative.SetPageSegMode(handle, TesseractNative.PageSegModeSingleBlock);
        return new TesseractEngine(handle);
    }

    private static unsafe int InitWith(TesseractHandle handle, string tessdataPath, string language, IReadOnlyDictionary<string, string> variables)
    {
        var names = variables.Keys.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        var values = variables.Values.Select(Marshal.StringToCoTaskMemUTF8).ToArray();
        try
        {
            fixed (nint* namePointers = names)
            fixed (nint* valuePointers = values)
            {
                return TesseractNative.Init4(
                    handle, tessdataPath, language, TesseractNative.OcrEngineModeLstm, 0, 0,
                    (nint)namePointers, (nint)valuePointers, (nuint)names.Length, false);
            }
        }
        finally
        {
            foreach (var pointer in names.Concat(values))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    internal static void CheckTessdata(string tessdataPath, string language)
    {
        if (!Directory.Exists(tessdataPath))
        {
            throw new SetupException(
                $"Tessdata folder '{tessdataPath}' does not exist. {SetupRemedies.Install(SetupRemedies.Tesseract)} " +
                $"Or set {OcrOptions.TessdataEnvironmentVariable} to the folder holding '{language}.traineddata'.");
        }

        foreach (var part in language.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var file = Path.Combine(tessdataPath, part + ".traineddata");
            if (!File.Exists(file))
            {
                throw new SetupException(
                    $"Tesseract language '{part}' is missing: '{file}' does not exist. Install tesseract-ocr-{part} " +
                    $"or set {OcrOptions.TessdataEnvironmentVariable} to a tessdata folder holding it.");
            }
        }
    }

    /// <summary>Recognises packed 8-bit grey pixels; boxes are in the image's own pixel coordinates.</summary>
    internal List<List<(string Text, Rectangle Box, float Confidence)>> Recognize(ReadOnlySpan<byte> grey, int width, int height) =>
        Recognize(grey, width, height, TesseractNative.PageSegModeSingleBlock, null);

    /// <summary>Recognises with a page segmentation mode and an optional character whitelist (both reset afterwards).</summary>
    internal unsafe List<List<(string Text, Rectangle Box, float Confidence)>> Recognize(
        ReadOnlySpan<byte> grey, int width, int height, int pageSegMode, string? whitelist)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        TesseractNative.SetPageSegMode(_handle, pageSegMode);
        _ = TesseractNative.SetVariable(_handle, "tessedit_char_whitelist", whitelist ?? string.Empty);
        fixed (byte* data = grey)
        {
            TesseractNative.SetImage(_handle, data, width, height, 1, width);
        }

        TesseractNative.SetSourceResolution(_handle, 70);
        if (TesseractNative.Recognize(_handle, 0) != 0)
        {
            throw new OcrException($"Tesseract failed to recognise a {width}x{height} image.");
        }

        var lines = new List<List<(string, Rectangle, float)>>();
        using var iterator = TesseractNative.GetIterator(_handle);
        if (iterator.IsInvalid)
        {
            TesseractNative.Clear(_handle);
            return lines;
        }

        try
        {
            var page = TesseractNative.ResultIteratorGetPageIterator(iterator);
            do
            {
                var textPointer = TesseractNative.ResultIteratorGetUtf8Text(iterator, TesseractNative.LevelWord);
                if (textPointer == 0)
                {
                    continue;
                }

                var text = Marshal.PtrToStringUTF8(textPointer) ?? string.Empty;
                TesseractNative.DeleteText(textPointer);
                if (lines.Count == 0 || TesseractNative.PageIteratorIsAtBeginningOf(page, TesseractNative.LevelTextLine) != 0)
                {
                    lines.Add([]);
                }

                _ = TesseractNative.PageIteratorBoundingBox(page, TesseractNative.LevelWord, out var l, out var t, out var r, out var b);
                var confidence = TesseractNative.ResultIteratorConfidence(iterator, TesseractNative.LevelWord);
                if (text.Trim().Length > 0)
                {
                    lines[^1].Add((text.Trim(), Rectangle.FromLTRB(l, t, r, b), confidence));
                }
            }
            while (TesseractNative.ResultIteratorNext(iterator, TesseractNative.LevelWord) != 0);
        }
        finally
        {
            TesseractNative.Clear(_handle);
        }

        lines.RemoveAll(line => line.Count == 0);
        return lines;
    }

    public void Dispose() => _handle.Dispose();
}
