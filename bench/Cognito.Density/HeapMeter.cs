namespace Cognito.Density;

/// <summary>Managed heap after a full, compacting, blocking collection: what the process really keeps.</summary>
public static class HeapMeter
{
    public static long Measure()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public static string Kb(double bytes) => $"{bytes / 1024:0.00} KiB";
}
