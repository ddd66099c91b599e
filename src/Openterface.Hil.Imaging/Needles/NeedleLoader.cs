namespace Openterface.Hil.Imaging;

/// <summary>Reads a needle's JSON and PNG, collecting every problem with the file name, the value and the remedy.</summary>
internal static class NeedleLoader
{
    internal static Needle? TryLoad(string jsonOrPngPath, List<string> problems)
    {
        ArgumentException.ThrowIfNullOrEmpty(jsonOrPngPath);
        var before = problems.Count;
        var jsonPath = Path.ChangeExtension(jsonOrPngPath, ".json");
        var pngPath = Path.ChangeExtension(jsonOrPngPath, ".png");
        var name = Path.GetFileNameWithoutExtension(jsonOrPngPath);
        if (!File.Exists(jsonPath) && string.Equals(Path.GetExtension(jsonOrPngPath), ".png", StringComparison.OrdinalIgnoreCase) && File.Exists(pngPath))
        {
            return LoadTemplate(pngPath, name, problems);
        }

        if (!File.Exists(jsonPath))
        {
            problems.Add($"Needle '{name}' has no JSON file: '{jsonPath}' does not exist. Create it with 'hil needle create' or copy it next to the PNG.");
            return null;
        }

        var definition = NeedleJson.Parse(jsonPath, File.ReadAllText(jsonPath), problems);
        if (!File.Exists(pngPath))
        {
            problems.Add($"Needle '{Path.GetFileName(jsonPath)}' has no image: '{pngPath}' does not exist. Save the screenshot next to the JSON with the same name.");
            return null;
        }

        Frame screenshot;
        try
        {
            screenshot = ImageCodec.Load(pngPath);
        }
        catch (ImagingException e)
        {
            problems.Add($"Needle '{Path.GetFileName(jsonPath)}': {e.Message} Re-save the needle image as PNG.");
            return null;
        }

        using (screenshot)
        {
            if (definition is null)
            {
                return null;
            }

            for (var i = 0; i < definition.Areas.Count; i++)
            {
                var area = definition.Areas[i];
                var index = i < definition.AreaNumbers.Count ? definition.AreaNumbers[i] : i + 1;
                var b = area.Bounds;
                if (b.X < 0 || b.Y < 0 || b.Right > screenshot.Width || b.Bottom > screenshot.Height)
                {
                    problems.Add(
                        $"Needle '{Path.GetFileName(jsonPath)}' area {index} ({area.Type.ToString().ToLowerInvariant()}) '{b.X},{b.Y},{b.Width},{b.Height}' " +
                        $"reaches outside the {screenshot.Width}x{screenshot.Height} image '{Path.GetFileName(pngPath)}'. Fix xpos/ypos/width/height.");
                }
            }

            return problems.Count > before ? null : Needle.Create(name, definition, screenshot, jsonPath);
        }
    }

    private static Needle? LoadTemplate(string pngPath, string name, List<string> problems)
    {
        try
        {
            var (colour, mask) = TemplateImage.Load(pngPath);
            using (colour)
            using (mask)
            {
                return Needle.FromTemplate(colour, name, mask);
            }
        }
        catch (ImagingException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }
}
