namespace Openterface.Hil.Protocol;

/// <summary>Status byte of a CH9329 reply (reference §2.3, WCH-P table 2).</summary>
public enum Ch9329Status : byte
{
    /// <summary>Command executed.</summary>
    Success = 0x00,

    /// <summary>E1: the chip timed out receiving a byte of the frame.</summary>
    Timeout = 0xE1,

    /// <summary>E2: header byte error.</summary>
    BadHeader = 0xE2,

    /// <summary>E3: unknown command code.</summary>
    UnknownCommand = 0xE3,

    /// <summary>E4: checksum mismatch.</summary>
    BadChecksum = 0xE4,

    /// <summary>E5: parameter error.</summary>
    BadParameter = 0xE5,

    /// <summary>E6: frame was fine, execution failed.</summary>
    OperationFailed = 0xE6,
}
