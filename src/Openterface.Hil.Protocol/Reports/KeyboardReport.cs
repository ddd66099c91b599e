namespace Openterface.Hil.Protocol;

/// <summary>
/// The full keyboard state sent with command 02 (reference §2.5): modifier bits, a zero byte, up to six usages.
/// Reports are full state, so sending one twice is idempotent; the all-zero report releases everything.
/// </summary>
public readonly record struct KeyboardReport
{
    public const int Size = 8;
    public const int MaxKeys = 6;

    private readonly ulong _keys;

    public KeyboardReport(KeyModifiers modifiers, ReadOnlySpan<byte> usages)
    {
        if (usages.Length > MaxKeys)
        {
            throw new ArgumentOutOfRangeException(nameof(usages), usages.Length, $"A keyboard report holds at most {MaxKeys} keys at once.");
        }

        Modifiers = modifiers;
        ulong packed = 0;
        for (var i = 0; i < usages.Length; i++)
        {
            packed |= (ulong)usages[i] << (8 * i);
        }

        _keys = packed;
    }

    public static KeyboardReport Released => default;

    public KeyModifiers Modifiers { get; }

    /// <summary>The six key slots (00 = empty).</summary>
    public byte[] Keys
    {
        get
        {
            var keys = new byte[MaxKeys];
            for (var i = 0; i < MaxKeys; i++)
            {
                keys[i] = (byte)(_keys >> (8 * i));
            }

            return keys;
        }
    }

    public bool IsReleased => Modifiers == KeyModifiers.None && _keys == 0;

    public void WriteTo(Span<byte> data)
    {
        data[0] = (byte)Modifiers;
        data[1] = 0;
        for (var i = 0; i < MaxKeys; i++)
        {
            data[2 + i] = (byte)(_keys >> (8 * i));
        }
    }

    public static KeyboardReport Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != Size)
        {
            throw new ProtocolException(ProtocolError.BadLength, $"A keyboard report is {Size} bytes, got '{data.Length}'.");
        }

        return new KeyboardReport((KeyModifiers)data[0], data[2..]);
    }

    /// <summary>
    /// Folds modifier usages E0..E7 found in the key slots into the modifier bits (Openterface QT sends Alt/GUI
    /// that way, reference §4.4) and drops empty slots: the state a USB host would see.
    /// </summary>
    public (KeyModifiers Modifiers, byte[] Usages) Fold()
    {
        var modifiers = Modifiers;
        var usages = new List<byte>(MaxKeys);
        foreach (var key in Keys)
        {
            if (key is >= 0xE0 and <= 0xE7)
            {
                modifiers |= (KeyModifiers)(1 << (key - 0xE0));
            }
            else if (key != 0)
            {
                usages.Add(key);
            }
        }

        return (modifiers, usages.ToArray());
    }
}
