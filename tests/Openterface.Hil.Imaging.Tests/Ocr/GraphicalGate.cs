namespace Openterface.Hil.Imaging.Tests.Ocr;

/// <summary>The graphical corpus CER the regression gate allows: the measured figure plus a documented margin.</summary>
internal static class GraphicalGate
{
    internal const double Cer = 0.05;
}
