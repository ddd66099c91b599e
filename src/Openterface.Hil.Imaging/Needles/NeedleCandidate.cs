using System.Drawing;
using System.Globalization;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Needle authoring from a failure: a missed needle's candidate is the frame it was last best on plus the needle's
/// JSON with every area moved to where the best candidate place was found. Each candidate lives in its own folder
/// (<c>STAMP-NAME/NAME.png</c> and <c>NAME.json</c>); <see cref="Accept"/> promotes one into a needle folder.
/// </summary>
public static class NeedleCandidate
{
    /// <summary>
    /// The needle's areas moved to the best place of <paramref name="match"/> on a frame of <paramref name="frameSize"/>:
    /// each match area to the place its search found, every other area (exclude, ocr) by the first match area's offset.
    /// Sizes, types, levels, margins and click points are kept; an area pushed past the frame's edge is moved back inside.
    /// </summary>
    public static IReadOnlyList<NeedleArea> MovedAreas(Needle needle, MatchResult match, Size frameSize)
    {
        ArgumentNullException.ThrowIfNull(needle);
        ArgumentNullException.ThrowIfNull(match);
        var firstMatch = needle.Areas.FirstOrDefault(a => a.Type == NeedleAreaType.Match)
            ?? throw new ArgumentException($"Needle '{needle.Name}' has no match area to move.", nameof(needle));
        var offset = match.Areas.Count > 0
            ? new Size(match.Areas[0].Bounds.X - firstMatch.Bounds.X, match.Areas[0].Bounds.Y - firstMatch.Bounds.Y)
            : new Size(match.Bounds.X - firstMatch.Bounds.X, match.Bounds.Y - firstMatch.Bounds.Y);
        var moved = new List<NeedleArea>(needle.Areas.Count);
        var matchIndex = 0;
        foreach (var area in needle.Areas)
        {
            var place = area.Type == NeedleAreaType.Match && matchIndex < match.Areas.Count
                ? match.Areas[matchIndex].Bounds.Location
                : area.Bounds.Location + offset;
            if (area.Type == NeedleAreaType.Match)
            {
                matchIndex++;
            }

            moved.Add(area with { Bounds = Inside(new Rectangle(place, area.Bounds.Size), frameSize) });
        }

        return moved;
    }

    /// <summary>
    /// Saves the candidate for <paramref name="needle"/> missed on <paramref name="frame"/> under
    /// <paramref name="folder"/> (created when missing): <c>STAMP-NAME/NAME.png</c> (the frame) and <c>NAME.json</c>
    /// (tags, properties, margin and consecutive kept; areas moved, see <see cref="MovedAreas"/>). Returns the JSON path.
    /// </summary>
    public static string Save(Frame frame, Needle needle, MatchResult match, string folder, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(needle);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var areas = MovedAreas(needle, match, frame.Size);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        var directory = Path.Combine(folder, $"{stamp}-{needle.Name}");
        for (var n = 2; Directory.Exists(directory); n++)
        {
            directory = Path.Combine(folder, $"{stamp}-{n}-{needle.Name}");
        }

        var tags = needle.Kind == NeedleKind.Template ? [needle.Name] : needle.Tags;
        var extras = new NeedleExtras(needle.Properties, needle.Margin, needle.Consecutive);
        return NeedleWriter.Write(frame, areas, tags, needle.Name, directory, extras).Json;
    }

    /// <summary>
    /// Promotes a candidate (its JSON, its PNG, or its folder) into <paramref name="into"/> as <c>NAME.png</c> and
    /// <c>NAME.json</c>, NAME being the needle's name. The candidate is loaded first, so a broken one is refused;
    /// an existing needle of that name is replaced only with <paramref name="force"/>. Returns the new JSON path.
    /// </summary>
    public static string Accept(string candidate, string into, bool force)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidate);
        ArgumentException.ThrowIfNullOrWhiteSpace(into);
        var json = CandidateJson(candidate);
        var name = Path.GetFileNameWithoutExtension(json);
        var png = Path.ChangeExtension(json, ".png");
        _ = Needle.Load(json);
        var targetJson = Path.Combine(into, name + ".json");
        var targetPng = Path.Combine(into, name + ".png");
        if (!force && (File.Exists(targetJson) || File.Exists(targetPng)))
        {
            throw new IOException(
                $"Needle '{name}' already exists in '{into}'. Pass --force to replace it, or rename the candidate first.");
        }

        Directory.CreateDirectory(into);
        File.Copy(png, targetPng, overwrite: true);
        File.Copy(json, targetJson, overwrite: true);
        return targetJson;
    }

    private static string CandidateJson(string candidate)
    {
        if (Directory.Exists(candidate))
        {
            var files = Directory.GetFiles(candidate, "*.json");
            return files.Length == 1
                ? files[0]
                : throw new ImagingException(
                    $"Candidate folder '{candidate}' holds {files.Length} needle JSON files; one is expected. Name the JSON file instead.");
        }

        var json = Path.ChangeExtension(candidate, ".json");
        if (!File.Exists(json) || !File.Exists(Path.ChangeExtension(candidate, ".png")))
        {
            throw new ImagingException(
                $"Candidate '{candidate}' is not a candidate needle: NAME.json and NAME.png are expected side by side " +
                "(a failed needle wait writes them under needles-candidates next to the test results).");
        }

        return json;
    }

    private static Rectangle Inside(Rectangle area, Size frame)
    {
        var width = Math.Min(area.Width, frame.Width);
        var height = Math.Min(area.Height, frame.Height);
        var x = Math.Clamp(area.X, 0, frame.Width - width);
        var y = Math.Clamp(area.Y, 0, frame.Height - height);
        return new Rectangle(x, y, width, height);
    }
}
