using System.Runtime.InteropServices;

namespace Openterface.Hil.Device;

/// <summary>A /dev/hidrawN node: feature reports through HIDIOCSFEATURE / HIDIOCGFEATURE ioctls.</summary>
internal sealed unsafe class HidrawDevice : IHidFeatureDevice
{
    private int _fd;

    private HidrawDevice(string path, int fd)
    {
        Path = path;
        _fd = fd;
    }

    public string Path { get; }

    public static HidrawDevice Open(string path)
    {
        var fd = LinuxNative.Open(path, LinuxNative.ORdWr | LinuxNative.OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new DeviceException(
                $"Cannot open the MS2109 HID device '{path}': {LinuxNative.Describe(errno)}. Install the Openterface udev rule (534d:2109 hidraw, TAG+=\"uaccess\") or run with access to hidraw.",
                isTransient: false);
        }

        return new HidrawDevice(path, fd);
    }

    public void SetFeature(ReadOnlySpan<byte> report)
    {
        fixed (byte* pointer = report)
        {
            if (LinuxNative.Ioctl(_fd, Request(0x06, report.Length), pointer) < 0)
            {
                throw Failure("HIDIOCSFEATURE");
            }
        }
    }

    public void GetFeature(Span<byte> report)
    {
        fixed (byte* pointer = report)
        {
            if (LinuxNative.Ioctl(_fd, Request(0x07, report.Length), pointer) < 0)
            {
                throw Failure("HIDIOCGFEATURE");
            }
        }
    }

    public void Dispose()
    {
        if (_fd >= 0)
        {
            LinuxNative.Close(_fd);
            _fd = -1;
        }
    }

    /// <summary>_IOC(_IOC_READ | _IOC_WRITE, 'H', number, length).</summary>
    private static ulong Request(uint number, int length) => (3UL << 30) | ((ulong)(uint)length << 16) | (0x48UL << 8) | number;

    private DeviceException Failure(string call) =>
        new($"{call} on '{Path}' failed: {LinuxNative.Describe(Marshal.GetLastPInvokeError())}.", isTransient: true);
}
