using System.Text;

namespace Openterface.Hil.Device;

/// <summary>
/// Turns console bytes into text for matching: UTF-8 (invalid bytes become U+FFFD), ANSI escape sequences (CSI,
/// OSC/DCS strings, two-character escapes, charset designations) removed, CR and other control characters dropped
/// except LF and tab. Stateful: a sequence or a UTF-8 character split across reads is handled.
/// </summary>
internal sealed class ConsoleTextCleaner
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetDecoder();
    private char[] _chars = new char[1024];
    private State _state;

    private enum State
    {
        Text,
        Escape,
        Csi,
        String,
        StringEscape,
        Charset,
    }

    /// <summary>Decodes <paramref name="bytes"/> and appends the visible text to <paramref name="output"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes, StringBuilder output)
    {
        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[Math.Max(needed, _chars.Length * 2)];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        foreach (var c in _chars.AsSpan(0, count))
        {
            Step(c, output);
        }
    }

    private void Step(char c, StringBuilder output)
    {
        switch (_state)
        {
            case State.Text:
                if (c == '\u001b')
                {
                    _state = State.Escape;
                }
                else if (c == '\u009b')
                {
                    _state = State.Csi;
                }
                else if (c is '\n' or '\t' || (c >= ' ' && c != '\u007f' && !(c >= '\u0080' && c < '\u00a0')))
                {
                    output.Append(c);
                }

                break;
            case State.Escape:
                _state = c switch
                {
                    '[' => State.Csi,
                    ']' or 'P' or 'X' or '^' or '_' => State.String,
                    '(' or ')' or '*' or '+' or '-' or '.' or '/' or '#' or '%' => State.Charset,
                    '\u001b' => State.Escape,
                    _ => State.Text,
                };
                break;
            case State.Csi:
                if (c >= '@' && c <= '~')
                {
                    _state = State.Text;
                }
                else if (c == '\u001b')
                {
                    _state = State.Escape;
                }

                break;
            case State.String:
                if (c == '\u0007' || c == '\u009c')
                {
                    _state = State.Text;
                }
                else if (c == '\u001b')
                {
                    _state = State.StringEscape;
                }

                break;
            case State.StringEscape:
                _state = c == '\\' ? State.Text : State.String;
                break;
            case State.Charset:
                _state = State.Text;
                break;
        }
    }
}
