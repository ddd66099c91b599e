using System.Drawing;

namespace Openterface.Hil.Imaging.Ocr;

/// <summary>Builds an <see cref="OcrResult"/>: lines joined by '\n' (trailing blank lines dropped), words with their offsets.</summary>
internal sealed class OcrTextBuilder
{
    private readonly List<string> _lines = [];
    private readonly List<OcrWord> _words = [];
    private readonly List<int> _offsets = [];
    private int _lineStart;
    private int _length;

    /// <summary>Starts a new line; <paramref name="text"/> must already have its trailing spaces removed.</summary>
    internal void StartLine(string text)
    {
        if (_lines.Count > 0)
        {
            _length++;
        }

        _lineStart = _length;
        _lines.Add(text);
        _length += text.Length;
    }

    /// <summary>Adds a word that starts at <paramref name="column"/> of the current line.</summary>
    internal void AddWord(int column, string text, Rectangle bounds, double confidence)
    {
        _offsets.Add(_lineStart + column);
        _words.Add(new OcrWord(text, bounds, Math.Round(confidence, 4)));
    }

    internal OcrResult Build(OcrEngineKind engine, double confidence)
    {
        var text = string.Join('\n', _lines).TrimEnd('\n');
        return new OcrResult(text, _words.ToArray(), engine, Math.Round(confidence, 4)) { WordOffsets = _offsets.ToArray() };
    }
}
