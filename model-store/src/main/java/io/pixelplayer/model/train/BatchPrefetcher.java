package io.pixelplayer.model.train;

import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Builds batches on one background thread while the trainer computes, a few batches ahead.
 *
 * <p>Batch k is {@code builder.next(batchSize, batchRandom(seed, k))}: the same whatever the
 * timing, and reproducible without a prefetcher (so a resumed run can start at its next batch with
 * {@code firstBatch}). If building a batch fails, {@link #next} throws for it (and for every later
 * call), with the builder's exception as the cause; the thread stops.
 *
 * <p>{@link #next} is for one consumer thread; {@link #close} may be called from any thread: it
 * stops the builder thread, waits for it (at most the rest of the batch being built) and wakes a
 * waiting {@link #next}.
 */
public final class BatchPrefetcher implements AutoCloseable {
  private final BlockingQueue<Object> ready;
  private final Thread worker;
  private final long firstBatch;
  private long nextBatch;
  private IllegalStateException failure;
  private volatile boolean closed;

  /** What the worker queues instead of a batch when building it failed. */
  private record Failure(long batch, Throwable cause) {}

  /** What close() queues to wake a consumer waiting in next(). */
  private static final Object CLOSED = new Object();

  /**
   * Starts building at once.
   *
   * @param queued batches built ahead, 1 to 16 (2 to 4 hides the build time behind a training step
   *     without holding much memory: a paper-size batch of 8 is about 60 MB)
   */
  public BatchPrefetcher(
      MixAndSeparate builder, int batchSize, long seed, long firstBatch, int queued) {
    if (builder == null) throw new IllegalArgumentException("batch builder is null");
    if (batchSize < 1)
      throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
    if (firstBatch < 0)
      throw new IllegalArgumentException("first batch " + firstBatch + " must not be negative");
    if (queued < 1 || queued > 16)
      throw new IllegalArgumentException("queued batches " + queued + " not in 1..16");
    this.ready = new ArrayBlockingQueue<>(queued);
    this.firstBatch = firstBatch;
    this.nextBatch = firstBatch;
    this.worker = new Thread(() -> build(builder, batchSize, seed), "batch-prefetch");
    worker.setDaemon(true);
    worker.start();
  }

  /**
   * The random source of batch {@code k} for {@code seed}: SplitMix64 of the pair, so that
   * neighbouring seeds and batch numbers give unrelated streams.
   */
  public static Random batchRandom(long seed, long k) {
    long z = seed * 0x9E3779B97F4A7C15L + k;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  /** The number of the batch {@link #next} returns next. */
  public long nextBatchNumber() {
    return nextBatch;
  }

  /**
   * The next batch, waiting while it is being built.
   *
   * @throws IllegalStateException if it could not be built (the cause says why), or after {@link
   *     #close}
   * @throws InterruptedException if the calling thread is interrupted while waiting
   */
  public TrainingBatch next() throws InterruptedException {
    if (failure != null) throw failure;
    if (closed) throw new IllegalStateException("batch prefetcher is closed");
    Object item = ready.take();
    if (item == CLOSED) throw new IllegalStateException("batch prefetcher is closed");
    if (item instanceof Failure f) {
      failure =
          new IllegalStateException(
              "building training batch " + f.batch() + " failed: " + f.cause(), f.cause());
      throw failure;
    }
    nextBatch++;
    return (TrainingBatch) item;
  }

  /**
   * Stops the builder thread (a batch half built is dropped) and waits for it to end. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    boolean interrupted = false;
    while (worker.isAlive()) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    ready.clear();
    ready.offer(CLOSED);
    if (interrupted) Thread.currentThread().interrupt();
  }

  private void build(MixAndSeparate builder, int batchSize, long seed) {
    try {
      for (long k = firstBatch; !closed; k++) {
        Object item;
        try {
          item = builder.next(batchSize, batchRandom(seed, k));
        } catch (RuntimeException | Error e) {
          item = new Failure(k, e);
        }
        ready.put(item);
        if (item instanceof Failure) return;
      }
    } catch (InterruptedException e) {
      // close(): nothing to hand over any more.
    }
  }
}
