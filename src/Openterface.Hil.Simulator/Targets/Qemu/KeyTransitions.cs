namespace Openterface.Hil.Simulator;

/// <summary>
/// Turns two full keyboard states (CH9329 modifier bits + pressed usages) into the key transitions between them,
/// in the order a person would make them: keys released, then modifiers released, then modifiers pressed, then
/// keys pressed. Usages QEMU has no name for are left out.
/// </summary>
internal static class KeyTransitions
{
    public static List<(string Key, bool Down, byte Usage)> Between(
        byte previousModifiers, ReadOnlySpan<byte> previousUsages, byte modifiers, ReadOnlySpan<byte> usages)
    {
        var transitions = new List<(string, bool, byte)>();
        foreach (var usage in previousUsages)
        {
            if (usage != 0 && !usages.Contains(usage) && QemuKeyCodes.Usage(usage) is { } name)
            {
                transitions.Add((name, false, usage));
            }
        }

        for (var bit = 0; bit < 8; bit++)
        {
            var mask = 1 << bit;
            if ((previousModifiers & mask) != 0 && (modifiers & mask) == 0)
            {
                transitions.Add((QemuKeyCodes.Modifier(bit), false, (byte)(0xE0 + bit)));
            }
        }

        for (var bit = 0; bit < 8; bit++)
        {
            var mask = 1 << bit;
            if ((previousModifiers & mask) == 0 && (modifiers & mask) != 0)
            {
                transitions.Add((QemuKeyCodes.Modifier(bit), true, (byte)(0xE0 + bit)));
            }
        }

        foreach (var usage in usages)
        {
            if (usage != 0 && !previousUsages.Contains(usage) && QemuKeyCodes.Usage(usage) is { } name)
            {
                transitions.Add((name, true, usage));
            }
        }

        return transitions;
    }
}
