package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.StoredClip;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPrefetcherTest {
  private static final MixAndSeparate.Settings TINY =
      new MixAndSeparate.Settings(2, 1023, 4, 2, 4, 3, true, true, 0, 0, 0);

  private static MixAndSeparate builder() {
    List<StoredClip> pool =
        List.of(
            TestClips.noise("a", List.of(), 4096, 1),
            TestClips.noise("b", List.of(), 4096, 2),
            TestClips.noise("c", List.of(), 4096, 3));
    return new MixAndSeparate(TINY, pool, Instruments::index);
  }

  @Test
  void yieldsTheBuildersBatchesInOrderFromTheFirstAskedFor() throws InterruptedException {
    MixAndSeparate builder = builder();
    try (BatchPrefetcher prefetcher = new BatchPrefetcher(builder, 2, 99, 3, 2)) {
      for (long k = 3; k < 8; k++) {
        assertThat(prefetcher.nextBatchNumber()).isEqualTo(k);
        TrainingBatch expected = builder.next(2, BatchPrefetcher.batchRandom(99, k));
        assertThat(prefetcher.next()).usingRecursiveComparison().isEqualTo(expected);
      }
    }
  }

  @Test
  void batchStreamsDifferBetweenBatchesAndSeeds() {
    MixAndSeparate builder = builder();
    float[] batch0 = builder.next(1, BatchPrefetcher.batchRandom(1, 0)).audioInput();
    assertThat(builder.next(1, BatchPrefetcher.batchRandom(1, 1)).audioInput())
        .isNotEqualTo(batch0);
    assertThat(builder.next(1, BatchPrefetcher.batchRandom(2, 0)).audioInput())
        .isNotEqualTo(batch0);
  }

  @Test
  void aFailedBuildIsRethrownWithItsCause() throws InterruptedException {
    byte[] broken = {1, 2, 3};
    StoredClip good = TestClips.noise("a", List.of(), 4096, 1);
    List<StoredClip> pool =
        List.of(
            good,
            new StoredClip(
                "b",
                List.of(),
                TestClips.RATE,
                good.audio(),
                4096,
                0,
                good.frameTimes(),
                good.framesJpeg().stream().map(f -> broken).toList()));
    try (BatchPrefetcher prefetcher =
        new BatchPrefetcher(new MixAndSeparate(TINY, pool, Instruments::index), 1, 5, 0, 2)) {
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(prefetcher::next)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageStartingWith("building training batch 0 failed")
            .hasCauseInstanceOf(IllegalArgumentException.class)
            .cause()
            .hasMessageStartingWith("stored frame ")
            .hasMessageEndingWith(
                " of the clip of video b starting at 0.0 s: frame of 3 bytes is not a readable image");
      }
    }
  }

  @Test
  void closingStopsItAndLaterCallsSaySo() throws InterruptedException {
    BatchPrefetcher prefetcher = new BatchPrefetcher(builder(), 1, 5, 0, 1);
    prefetcher.next();
    prefetcher.close();
    prefetcher.close();

    assertThatThrownBy(prefetcher::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batch prefetcher is closed");
    assertThatThrownBy(() -> new BatchPrefetcher(builder(), 1, 5, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queued batches 0 not in 1..16");
  }
}
