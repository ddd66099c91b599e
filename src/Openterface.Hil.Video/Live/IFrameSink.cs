namespace Openterface.Hil.Video;

/// <summary>Receives every frame's JPEG bytes on the pump thread (the recorder); must copy and return quickly.</summary>
internal interface IFrameSink
{
    void OnFrame(ReadOnlySpan<byte> jpeg, long timestamp);
}
