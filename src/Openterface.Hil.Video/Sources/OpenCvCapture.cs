using System.Text;
using Openterface.Hil.Video.Interop;

namespace Openterface.Hil.Video;

/// <summary>A V4L2 node opened through cv::VideoCapture(CAP_V4L2) in native/hilcv, asking for raw MJPEG buffers.</summary>
internal sealed unsafe class OpenCvCapture : IRawCapture
{
    /// <summary>
    /// V4L2 buffers. With CONVERT_RGB=0 OpenCV hands out the mmap'd buffer after re-queueing it; with one buffer the
    /// driver can overwrite it mid-copy (a torn JPEG). With four, the native read drains to the newest ready one.
    /// </summary>
    internal const int BufferCount = 4;

    private readonly CaptureHandle _handle;
    private readonly string _device;

    private OpenCvCapture(CaptureHandle handle, string device)
    {
        _handle = handle;
        _device = device;
    }

    internal static OpenCvCapture Open(string device, FrameSourceOptions options)
    {
        VideoNativeResolver.EnsureLoaded();
        if (VideoNative.VideoIoAvailable() == 0)
        {
            throw new VideoException(
                "libhilcv was built without OpenCV videoio, so V4L2 capture is unavailable. Run 'ci/setup' " +
                "(it installs libopencv-videoio-dev and rebuilds native/hilcv).");
        }

        var rc = VideoNative.CaptureOpen(device, options.Width, options.Height, options.FramesPerSecond, BufferCount, out var handle);
        if (rc < 0)
        {
            handle.Dispose();
            throw new VideoException(
                $"Cannot open video device '{device}': {VideoNative.LastError()}. Check that no other program " +
                "(the Openterface app, a browser) holds it and that you are in the 'video' group.",
                isRigFault: true);
        }

        return new OpenCvCapture(handle, device);
    }

    public string Describe()
    {
        if (VideoNative.CaptureInfo(_handle, out var width, out var height, out var fps, out var fourcc, out var raw) < 0)
        {
            return VideoNative.LastError();
        }

        var code = Encoding.ASCII.GetString(BitConverter.GetBytes(fourcc)).TrimEnd('\0');
        return $"{_device} V4L2 {code} {width}x{height}@{fps:0.#}{(raw == 1 ? " raw" : " decoded by OpenCV")}";
    }

    public bool TryRead(out RawCaptureFrame frame)
    {
        var rc = VideoNative.CaptureRead(_handle, out var data, out var length, out var width, out var height, out var stride, out var isJpeg);
        if (rc == VideoNative.EndOfStream)
        {
            frame = default;
            return false;
        }

        if (rc < 0)
        {
            throw new VideoException($"Reading video device '{_device}' failed: {VideoNative.LastError()}.", isRigFault: true);
        }

        frame = new RawCaptureFrame(new ReadOnlySpan<byte>(data, length), isJpeg == 1, width, height, stride);
        return true;
    }

    public void Dispose() => _handle.Dispose();
}
