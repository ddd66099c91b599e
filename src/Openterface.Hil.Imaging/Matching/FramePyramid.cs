using Openterface.Hil.Imaging.Interop;

namespace Openterface.Hil.Imaging;

/// <summary>
/// Grey, smoothed copy and pyramid levels of the frame being matched, kept in scratch frames that are reused while the frame
/// size stays the same, so matching a stream of frames allocates no pixels. Matching several needles against one
/// frame converts it once.
/// </summary>
internal sealed class FramePyramid : IDisposable
{
    private const int ColorBgr2Gray = 6;
    private readonly List<Frame> _scratch = [];
    private readonly List<Frame> _levels = [];
    private Frame? _source;
    private long _sourceSequence;

    internal Frame Level(int level)
    {
        while (_levels.Count <= level)
        {
            var previous = _levels[^1];
            var index = _levels.Count;
            var target = ScratchFor(index, (previous.Width + 1) / 2, (previous.Height + 1) / 2);
            HilCvNative.Check(HilCvNative.PyrDown(previous.View(), target.View()), "Building a frame pyramid level");
            _levels.Add(target);
        }

        return _levels[level];
    }

    /// <summary>Makes <paramref name="frame"/> current; returns false when it already was (nothing recomputed).</summary>
    internal bool Prepare(Frame frame)
    {
        if (ReferenceEquals(frame, _source) && frame.Sequence == _sourceSequence)
        {
            return false;
        }

        _levels.Clear();
        _source = frame;
        _sourceSequence = frame.Sequence;
        var grey = ScratchFor(0, frame.Width, frame.Height);
        if (frame.Format == PixelFormat.Gray8)
        {
            HilCvNative.Check(HilCvNative.GaussianBlur(frame.View(), grey.View(), Smoothing.Kernel), "Smoothing the frame");
        }
        else
        {
            HilCvNative.Check(HilCvNative.CvtColor(frame.View(), grey.View(), ColorBgr2Gray), "Converting the frame to grey");
            HilCvNative.Check(HilCvNative.GaussianBlur(grey.View(), grey.View(), Smoothing.Kernel), "Smoothing the frame");
        }

        _levels.Add(grey);

        return true;
    }

    /// <summary>Forgets the current frame (it may be disposed after this).</summary>
    internal void Release() => Forget();

    public void Dispose()
    {
        Forget();
        foreach (var frame in _scratch)
        {
            frame.Dispose();
        }

        _scratch.Clear();
    }

    private void Forget()
    {
        _source = null;
        _levels.Clear();
    }

    private Frame ScratchFor(int index, int width, int height)
    {
        while (_scratch.Count <= index)
        {
            _scratch.Add(Frame.Allocate(width, height, PixelFormat.Gray8));
        }

        if (_scratch[index].Width != width || _scratch[index].Height != height)
        {
            _scratch[index].Dispose();
            _scratch[index] = Frame.Allocate(width, height, PixelFormat.Gray8);
        }

        return _scratch[index];
    }
}
