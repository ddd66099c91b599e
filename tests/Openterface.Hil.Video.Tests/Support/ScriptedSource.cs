using System.Threading.Channels;
using Openterface.Hil.Imaging;

namespace Openterface.Hil.Video.Tests;

/// <summary>A frame source the test feeds: frames (stamped with the fake clock when pushed) or errors.</summary>
internal sealed class ScriptedSource(TimeProvider time) : IFrameSource
{
    private readonly Channel<object> _items = Channel.CreateUnbounded<object>();
    private readonly FrameStamper _stamper = new(time, "scripted://test");

    public string Uri => "scripted://test";

    public bool Disposed { get; private set; }

    public long Pushed { get; private set; }

    /// <summary>Queues a frame stamped now; the source takes ownership.</summary>
    public long Push(Frame frame)
    {
        Pushed++;
        var stamped = _stamper.Stamp(frame, _stamper.Now());
        var timestamp = stamped.Timestamp;
        _items.Writer.TryWrite(stamped);
        return timestamp;
    }

    public void Fail(Exception error) => _items.Writer.TryWrite(error);

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        var item = await _items.Reader.ReadAsync(cancellationToken);
        return item is Exception error ? throw error : (Frame)item;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        while (_items.Reader.TryRead(out var item))
        {
            (item as Frame)?.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
