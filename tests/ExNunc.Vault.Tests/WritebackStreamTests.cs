using System.Security.Cryptography;
using ExNunc.Vault.Files;

namespace ExNunc.Vault.Tests;

/// <summary>Early writeback is only a hint to the kernel: what reaches the file is exactly what was written.</summary>
public sealed class WritebackStreamTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData((8 << 20) - 1)]
    [InlineData(8 << 20)]
    [InlineData((20 << 20) + 12345)]
    public void Writes_ReachTheFileUnchanged_InPieces_AcrossWritebackWindows(int length)
    {
        var data = RandomNumberGenerator.GetBytes(length);
        var path = Path.Combine(Path.GetTempPath(), $"exnunc-writeback-{Guid.NewGuid():N}");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
            {
                var sink = new WritebackStream(file);
                // Odd piece sizes, so that writes straddle the 8 MiB windows.
                for (var at = 0; at < length;)
                {
                    var piece = Math.Min(length - at, 1_000_003);
                    sink.Write(data, at, piece);
                    at += piece;
                }
                Assert.Equal(length, sink.Position);
                file.Flush(flushToDisk: true);
            }
            Assert.Equal(data, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadingOrSeeking_IsNotSupported()
    {
        var path = Path.Combine(Path.GetTempPath(), $"exnunc-writeback-{Guid.NewGuid():N}");
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            var sink = new WritebackStream(file);
            Assert.False(sink.CanRead);
            Assert.False(sink.CanSeek);
            Assert.Throws<NotSupportedException>(() => sink.Read(new byte[1], 0, 1));
            Assert.Throws<NotSupportedException>(() => sink.Seek(0, SeekOrigin.Begin));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
