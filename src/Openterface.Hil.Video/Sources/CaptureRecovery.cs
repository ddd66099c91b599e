namespace Openterface.Hil.Video;

/// <summary>
/// How a V4L2 source finds its device again after a replug: node numbers change (video0 → video4), the physical USB
/// port does not. <see cref="Resolve"/> returns the capture node at <see cref="UsbPort"/> now (null while absent);
/// <see cref="Open"/> opens it.
/// </summary>
internal sealed record CaptureRecovery(string UsbPort, Func<string?> Resolve, Func<string, IRawCapture> Open);
