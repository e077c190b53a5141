using Microsoft.Win32.SafeHandles;

namespace ExNunc.Vault.Files;

/// <summary>
/// Writes through to a file and, on Linux, asks the kernel to start writing each few MiB to disk as soon
/// as they are written (<c>sync_file_range</c>), so that the disk works while the next part is hashed and
/// encrypted and the final fsync has little left to wait for. Durability still comes from that fsync.
/// </summary>
internal sealed class WritebackStream(FileStream file) : Stream
{
    private const long Window = 8L << 20;
    private long _written;
    private long _started;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        file.Write(buffer);
        _written += buffer.Length;
        if (_written - _started >= Window)
        {
            Native.StartWriteback(file.SafeFileHandle, _started, _written - _started);
            _started = _written;
        }
    }

    public override void Flush() => file.Flush();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
