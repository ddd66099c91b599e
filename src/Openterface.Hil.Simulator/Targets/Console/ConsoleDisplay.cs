using System.Drawing;
using Openterface.Hil.Imaging;
using Openterface.Hil.Imaging.Fonts;
using Openterface.Hil.Video;

namespace Openterface.Hil.Simulator;

/// <summary>
/// The console target's screen as a frame source: paced at the configured rate through the TimeProvider, each
/// frame a fresh copy (so every frame carries its own Sequence and Timestamp) of a cached rendering that is
/// redrawn only when the text grid changed, and then only in the cells that changed.
/// </summary>
internal sealed class ConsoleDisplay : IFrameSource
{
    public const string SourceUri = "sim:console";

    /// <summary>Above 1/N of the cells changed, redraw the whole grid instead of cell by cell.</summary>
    private const int PartialRenderLimit = 4;

    private readonly Lock _gate = new();
    private readonly Action<TextGrid> _drawScreen;
    private readonly TextGridRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly long _period;
    private readonly Size? _outputSize;
    private readonly TextGrid _grid = new(80, 25);
    private TextCell[] _cells = new TextCell[80 * 25];
    private TextCell[] _renderedCells = new TextCell[80 * 25];
    private readonly TextGrid _cellGrid = new(1, 1);
    private Frame? _native;
    private Frame? _output;
    private Frame? _cellFrame;
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

    /// <summary>How many times the frame was redrawn, fully or cell by cell (tests check that still screens are not).</summary>
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

        return Capture();
    }

    /// <summary>The current screen as a new stamped frame, now (no pacing).</summary>
    internal Frame Capture()
    {
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
            if (!ReferenceEquals(_output, _native))
            {
                _output?.Dispose();
            }

            _native?.Dispose();
            _cellFrame?.Dispose();
            (_output, _native, _cellFrame) = (null, null, null);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Brings the cached frame up to date: nothing when the grid is unchanged, only the changed cells when few
    /// changed (a blinking cursor, a typed character), the whole grid otherwise; then scales if asked to.
    /// </summary>
    private Frame RenderIfChanged()
    {
        _drawScreen(_grid);
        Snapshot(_grid, _cells);
        if (_output is not null && _cells.AsSpan().SequenceEqual(_renderedCells))
        {
            return _output;
        }

        var changed = 0;
        for (var i = 0; i < _cells.Length; i++)
        {
            changed += _cells[i] == _renderedCells[i] ? 0 : 1;
        }

        if (_native is null || changed > _cells.Length / PartialRenderLimit)
        {
            _native ??= Frame.Allocate(_grid.Columns * _renderer.CellWidth, _grid.Rows * _renderer.CellHeight, PixelFormat.Bgr24);
            _renderer.RenderInto(_grid, _native);
        }
        else
        {
            RenderChangedCells(_native);
        }

        if (_outputSize is { } size && (size.Width != _native.Width || size.Height != _native.Height))
        {
            _output?.Dispose();
            _output = _native.Resize(size.Width, size.Height);
        }
        else
        {
            _output = _native;
        }

        (_renderedCells, _cells) = (_cells, _renderedCells);
        RenderCount++;
        return _output;
    }

    private void RenderChangedCells(Frame native)
    {
        var cellWidth = _renderer.CellWidth;
        var cellHeight = _renderer.CellHeight;
        var rowBytes = cellWidth * 3;
        _cellFrame ??= Frame.Allocate(cellWidth, cellHeight, PixelFormat.Bgr24);
        var target = native.WritablePixels;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (_cells[i] == _renderedCells[i])
            {
                continue;
            }

            _cellGrid[0, 0] = _cells[i];
            _renderer.RenderInto(_cellGrid, _cellFrame);
            var x = i % _grid.Columns * cellWidth;
            var y = i / _grid.Columns * cellHeight;
            for (var line = 0; line < cellHeight; line++)
            {
                _cellFrame.Pixels.Slice(line * rowBytes, rowBytes).CopyTo(target[(((y + line) * native.Stride) + (x * 3))..]);
            }
        }
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
