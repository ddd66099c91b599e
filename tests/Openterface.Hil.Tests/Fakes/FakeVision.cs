using System.Drawing;

namespace Openterface.Hil.Tests.Fakes;

/// <summary>Gives each (needle, score) pair its own pixel shade, so the fake matcher can find patches by scanning.</summary>
internal sealed class NeedleShades
{
    private readonly List<(string Needle, double Score)> _shades = [];

    public byte For(string needle, double score)
    {
        var index = _shades.IndexOf((needle, score));
        if (index < 0)
        {
            _shades.Add((needle, score));
            index = _shades.Count - 1;
        }

        return (byte)(120 + index);
    }

    public (string Needle, double Score)? Of(byte shade) =>
        shade >= 120 && shade - 120 < _shades.Count ? _shades[shade - 120] : null;
}

/// <summary>
/// Fake vision over <see cref="FakeVideo"/> frames: needles by pixel scan (near = inside the recorded area),
/// OCR by the scene's words, diff by real pixel comparison.
/// </summary>
internal sealed class FakeVision : IVision
{
    private readonly FakeVideo _video;
    private readonly NeedleShades _shades;

    public FakeVision(FakeVideo video, NeedleShades shades)
    {
        _video = video;
        _shades = shades;
    }

    /// <summary>Known needles: recorded area and threshold.</summary>
    public Dictionary<string, (Rectangle Recorded, double Threshold)> Needles { get; } = [];

    public List<(long Sequence, SearchScope Search)> Matches { get; } = [];

    public int Reads { get; private set; }

    /// <summary>The elapsed share of the timeout passed with each match call.</summary>
    public List<double> Shares { get; } = [];

    public ValueTask<MatchResult> MatchAsync(Frame frame, Needle needleFile, SearchScope search, double elapsedShare, CancellationToken cancellationToken)
    {
        var needle = needleFile.Name;
        Shares.Add(elapsedShare);
        if (!Needles.TryGetValue(needle, out var known))
        {
            throw new ArgumentException($"Needle '{needle}' is not in the needle set. Known: {string.Join(", ", Needles.Keys)}.", nameof(needle));
        }

        Matches.Add((frame.Sequence, search));
        var area = search == SearchScope.NearRecordedPosition ? Rectangle.Inflate(known.Recorded, 16, 16) : frame.Bounds;
        area.Intersect(frame.Bounds);
        var best = (Score: 0.10, Bounds: new Rectangle(area.Location, known.Recorded.Size));
        var pixels = frame.Pixels;
        var seen = new Dictionary<byte, Rectangle>();
        for (var y = area.Top; y < area.Bottom; y++)
        {
            var row = pixels.Slice((y * frame.Stride) + area.Left, area.Width);
            var first = row.IndexOfAnyInRange((byte)120, (byte)255);
            if (first < 0)
            {
                continue;
            }

            for (var x = area.Left + first; x < area.Right; x++)
            {
                var shade = pixels[(y * frame.Stride) + x];
                if (_shades.Of(shade) is { } hit && hit.Needle == needle)
                {
                    var cell = new Rectangle(x, y, 1, 1);
                    seen[shade] = seen.TryGetValue(shade, out var r) ? Rectangle.Union(r, cell) : cell;
                }
            }
        }

        foreach (var shade in seen.Keys)
        {
            var score = _shades.Of(shade)!.Value.Score;
            if (score > best.Score)
            {
                // Seen in the search area; like a template, the match covers the whole patch.
                best = (score, PatchBounds(frame, shade));
            }
        }

        var click = new Point(best.Bounds.X + (best.Bounds.Width / 2), best.Bounds.Y + (best.Bounds.Height / 2));
        return ValueTask.FromResult(new MatchResult(needle, best.Score >= known.Threshold, best.Score, known.Threshold, best.Bounds, click, null));
    }

    private static Rectangle PatchBounds(Frame frame, byte shade)
    {
        var bounds = Rectangle.Empty;
        for (var y = 0; y < frame.Height; y++)
        {
            var row = frame.Pixels.Slice(y * frame.Stride, frame.Width);
            var first = row.IndexOf(shade);
            if (first >= 0)
            {
                var cells = new Rectangle(first, y, row.LastIndexOf(shade) - first + 1, 1);
                bounds = bounds.IsEmpty ? cells : Rectangle.Union(bounds, cells);
            }
        }

        return bounds;
    }

    public ValueTask<OcrResult> ReadAsync(Frame frame, Rectangle? region, CancellationToken cancellationToken)
    {
        Reads++;
        var scene = _video.SceneOf(frame);
        var words = scene.Words
            .Where(w => region is null || region.Value.IntersectsWith(w.Bounds))
            .Select(w => new OcrWord(w.Text, w.Bounds, 0.9))
            .ToList();
        return ValueTask.FromResult(new OcrResult(string.Join(' ', words.Select(w => w.Text)), words, OcrEngineKind.Auto, 0.9));
    }

    public ValueTask<FrameDifference> CompareAsync(Frame a, Frame b, CancellationToken cancellationToken) => ValueTask.FromResult(Compare(a, b));

    private static FrameDifference Compare(Frame a, Frame b)
    {
        var changed = 0;
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        var pa = a.Pixels;
        var pb = b.Pixels;
        if (pa.SequenceEqual(pb))
        {
            return new FrameDifference(0, 0, Rectangle.Empty);
        }

        for (var y = 0; y < a.Height; y++)
        {
            var ra = pa.Slice(y * a.Stride, a.Stride);
            var rb = pb.Slice(y * a.Stride, a.Stride);
            var first = ra.CommonPrefixLength(rb);
            if (first == ra.Length)
            {
                continue;
            }

            var last = first;
            for (var x = first; x < ra.Length; x++)
            {
                if (ra[x] != rb[x])
                {
                    changed++;
                    last = x;
                }
            }

            (minX, minY, maxX, maxY) = (Math.Min(minX, first), Math.Min(minY, y), Math.Max(maxX, last), Math.Max(maxY, y));
        }

        var bounds = changed == 0 ? Rectangle.Empty : Rectangle.FromLTRB(minX, minY, maxX + 1, maxY + 1);
        return new FrameDifference((double)changed / pa.Length, changed, bounds);
    }
}
