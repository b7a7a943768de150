package io.pixelplayer.jobs.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The most heap this JVM has used: the sum of the heap pools' peaks (an upper bound, the pools peak
 * at different times).
 */
final class HeapPeak {
  private HeapPeak() {}

  static long usedBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null)
        peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }
}
