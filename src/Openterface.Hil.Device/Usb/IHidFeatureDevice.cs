namespace Openterface.Hil.Device;

/// <summary>HID feature reports on one device (Linux hidraw); byte 0 is the report id.</summary>
internal interface IHidFeatureDevice : IDisposable
{
    string Path { get; }

    void SetFeature(ReadOnlySpan<byte> report);

    /// <summary>Fills <paramref name="report"/> (byte 0 = report id on input).</summary>
    void GetFeature(Span<byte> report);
}
