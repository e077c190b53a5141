using System.Runtime.InteropServices;
using Perfolizer.Horology;

namespace ExNunc.Benchmarks;

/// <summary>
/// A clock that counts the CPU time this process uses (<c>CLOCK_PROCESS_CPUTIME_ID</c>, nanoseconds)
/// instead of elapsed time. On a machine shared with other work, elapsed time also measures how long
/// the benchmark waited for a core; CPU time does not. For work spread over all cores it is the sum
/// over the cores, so a parallel batch reads about N-cores times its elapsed time on an idle machine.
/// Used with <c>--cpu-clock</c>; Linux only.
/// </summary>
public sealed class CpuClock : IClock
{
    public static readonly CpuClock Instance = new();

    private const int ProcessCpuTimeId = 2;

    public string Title => "Process CPU time";

    public bool IsAvailable => OperatingSystem.IsLinux();

    public Frequency Frequency => Frequency.GHz;

    public long GetTimestamp()
    {
        if (ClockGetTime(ProcessCpuTimeId, out var t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed.");
        return t.Seconds * 1_000_000_000L + t.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    // DllImport rather than LibraryImport: the latter would need unsafe code enabled for the whole project.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
