using Openterface.Hil.Imaging.Fonts;

namespace Openterface.Hil.Simulator;

/// <summary>
/// One screen of the console target (POST, setup, boot menu, login...). Screens react to key-down transitions,
/// advance with time (read from <see cref="ConsoleMachine.SinceShown"/>) and draw themselves onto a fresh grid.
/// They change screen through the <see cref="ConsoleMachine"/> they were created with.
/// </summary>
internal interface IConsoleScreen
{
    /// <summary>A short id for tests and logs: "off", "post", "setup", "boot-menu", "login", "shell", "flash", "pxe".</summary>
    string Name { get; }

    void HandleKey(KeyPress key);

    /// <summary>Lets a timed screen move on (POST boots after its delay, the flasher reboots).</summary>
    void Tick();

    void Draw(TextGrid grid);
}
