using System;
using System.Threading;

namespace NetSecAnalyzers.Benchmarks;

/// <summary>
/// Samples the managed heap every few milliseconds on a timer, because GC.GetTotalMemory only returns the
/// size at the moment it is called and the peak falls somewhere inside the lint call.
/// </summary>
internal sealed class HeapSampler : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public HeapSampler()
    {
        peak = GC.GetTotalMemory(forceFullCollection: false);
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    public long Stop()
    {
        timer.Change(Timeout.Infinite, Timeout.Infinite);
        Sample();
        return Interlocked.Read(ref peak);
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        var current = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        do
        {
            seen = Interlocked.Read(ref peak);
        }
        while (current > seen && Interlocked.CompareExchange(ref peak, current, seen) != seen);
    }
}
