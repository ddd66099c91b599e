using System.Drawing;
using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Fonts;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The console target's screen as a frame source: paced at the configured rate through the TimeProvider, each
/// frame a fresh copy (so every frame carries its own Sequence and Timestamp) of a cached rendering that is
/// redrawn only when the text grid changed.
/// </summary>
internal sealed class ConsoleDisplay : IFrameSource
{
    public const string SourceUri = "sim:console";

    private readonly Lock _gate = new();
    private readonly Action<TextGrid> _drawScreen;
    private readonly TextGridRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly long _period;
    private readonly Size? _outputSize;
    private readonly TextGrid _grid = new(80, 25);
    private TextCell[] _cells = new TextCell[80 * 25];
    private TextCell[] _renderedCells = new TextCell[80 * 25];
    private Frame? _rendered;
    private long _sequence;
    private long _nextDue;
    private bool _disposed;

    public ConsoleDisplay(Action<TextGrid> drawScreen, PsfFont font, TimeProvider time, double framesPerSecond, Size? outputSize)
    {
        _drawScreen = drawScreen;
        _renderer = new TextGridRenderer(font);
        _time = time;
        _period = Math.Max(1, (long)(time.TimestampFrequency / framesPerSecond));
        _outputSize = outputSize;
        _nextDue = long.MinValue;
    }

    public string Uri => SourceUri;

    /// <summary>How many times the grid was rendered to pixels (tests check that still screens are not redrawn).</summary>
    internal int RenderCount { get; private set; }

    public async ValueTask<Frame> ReadFrameAsync(CancellationToken cancellationToken = default)
    {
        long due;
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            ThrowIfDisposed();
            due = _nextDue == long.MinValue || _nextDue < now - _period ? now : _nextDue;
            _nextDue = due + _period;
        }

        if (due > now)
        {
            await Task.Delay(_time.GetElapsedTime(now, due), _time, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            var rendered = RenderIfChanged();
            var frame = Frame.FromPixels(rendered.Pixels, rendered.Width, rendered.Height, rendered.Format);
            frame.Stamp(++_sequence, _time.GetTimestamp(), _time.GetUtcNow(), SourceUri);
            return frame;
        }
    }

    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposed = true;
            _rendered?.Dispose();
            _rendered = null;
        }

        return ValueTask.CompletedTask;
    }

    private Frame RenderIfChanged()
    {
        _drawScreen(_grid);
        Snapshot(_grid, _cells);
        if (_rendered is not null && _cells.AsSpan().SequenceEqual(_renderedCells))
        {
            return _rendered;
        }

        var native = _renderer.Render(_grid);
        Frame output;
        if (_outputSize is { } size && (size.Width != native.Width || size.Height != native.Height))
        {
            using (native)
            {
                output = native.Resize(size.Width, size.Height);
            }
        }
        else
        {
            output = native;
        }

        _rendered?.Dispose();
        _rendered = output;
        (_renderedCells, _cells) = (_cells, _renderedCells);
        RenderCount++;
        return output;
    }

    private static void Snapshot(TextGrid grid, TextCell[] cells)
    {
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                cells[(row * grid.Columns) + column] = grid[column, row];
            }
        }
    }

    private void ThrowIfDisposed()
    {
        if (_disposed)
        {
            throw new VideoException(
                $"Display '{SourceUri}' is closed: its console target was disposed. Create a new target to keep capturing.",
                isRigFault: true);
        }
    }
}
