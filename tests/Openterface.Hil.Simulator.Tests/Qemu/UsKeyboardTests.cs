namespace Openterface.Hil.Simulator.Tests.Qemu;

public class UsKeyboardTests
{
    [TestCase('a', (byte)0, (byte)0x04)]
    [TestCase('Z', (byte)2, (byte)0x1D)]
    [TestCase('0', (byte)0, (byte)0x27)]
    [TestCase('\n', (byte)0, (byte)0x28)]
    [TestCase(' ', (byte)0, (byte)0x2C)]
    [TestCase('$', (byte)2, (byte)0x21)]
    [TestCase('(', (byte)2, (byte)0x26)]
    [TestCase('|', (byte)2, (byte)0x31)]
    [TestCase('/', (byte)0, (byte)0x38)]
    [TestCase('-', (byte)0, (byte)0x2D)]
    [TestCase('*', (byte)2, (byte)0x25)]
    [TestCase('>', (byte)2, (byte)0x37)]
    [TestCase(';', (byte)0, (byte)0x33)]
    [TestCase('~', (byte)2, (byte)0x35)]
    public void Each_character_becomes_a_press_then_a_release(char c, byte modifiers, byte usage)
    {
        var states = UsKeyboard.States(c.ToString()).ToList();

        Assert.That(states, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(states[0].Modifiers, Is.EqualTo(modifiers));
            Assert.That(states[0].Usages, Is.EqualTo(new[] { usage }));
            Assert.That(states[1].Usages, Is.Empty);
        });
    }
}
