package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.warehouse.FailureRecord;
import io.pixelplayer.jobs.warehouse.FailureStage;
import io.pixelplayer.jobs.warehouse.VideoRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoOutcomesTest {
  private static VideoRecord decoded(String uri) {
    return new VideoRecord(uri, uri, 100, "100-1", 6, 320, 240, 24, 44100, 2);
  }

  private static FailureRecord failure(String uri, FailureStage stage, String reason) {
    return FailureRecord.of(uri, stage, reason, "100-1");
  }

  @Test
  void aFileCutShortIsIndexedWithWhatWasDecodedAndOneRowSaysWhatWasLost() {
    VideoOutcomes.Settled settled =
        VideoOutcomes.settle(
            List.of(decoded("cut"), decoded("good")),
            List.of(failure("cut", FailureStage.DECODE, "decoded 3.0 s of 6.0 s")));
    assertThat(settled.videos()).extracting(VideoRecord::uri).containsExactly("cut", "good");
    assertThat(settled.failures())
        .singleElement()
        .isEqualTo(failure("cut", FailureStage.DECODE, "decoded 3.0 s of 6.0 s"));
    assertThat(settled.dropped()).isEmpty();
  }

  @Test
  void aFileThatFailedInSeveralWaysIsOneRowAtItsEarliestStageWithEveryReason() {
    VideoOutcomes.Settled settled =
        VideoOutcomes.settle(
            List.of(decoded("stub")),
            List.of(
                failure("stub", FailureStage.CLIP, "too short"),
                failure("stub", FailureStage.DECODE, "decoded 0.3 s of 6.0 s"),
                failure("stub", FailureStage.CLIP, "too short")));
    assertThat(settled.failures())
        .singleElement()
        .isEqualTo(failure("stub", FailureStage.DECODE, "decoded 0.3 s of 6.0 s; too short"));
    assertThat(settled.videos()).as("nothing of it can be indexed").isEmpty();
    assertThat(settled.dropped()).containsExactly("stub");
  }

  @Test
  void silentFilesAreFailuresOnly() {
    VideoOutcomes.Settled settled =
        VideoOutcomes.settle(
            List.of(decoded("quiet")), List.of(failure("quiet", FailureStage.AUDIO, "silent")));
    assertThat(settled.videos()).isEmpty();
    assertThat(settled.failures())
        .extracting(FailureRecord::stage)
        .containsExactly(FailureStage.AUDIO);
    assertThat(settled.dropped()).containsExactly("quiet");
  }

  @Test
  void aModelFailureDropsTheVideoAndKeepsNoFingerprintSoTheNextRunRetriesIt() {
    VideoOutcomes.Settled settled =
        VideoOutcomes.settle(
            List.of(decoded("v"), decoded("v")),
            List.of(
                failure("v", FailureStage.DECODE, "decoded 3.0 s of 6.0 s"),
                failure("v", FailureStage.MODEL, "OutOfMemoryError")));
    assertThat(settled.videos()).isEmpty();
    assertThat(settled.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.stage()).isEqualTo(FailureStage.DECODE);
              assertThat(f.reason()).isEqualTo("decoded 3.0 s of 6.0 s; OutOfMemoryError");
              assertThat(f.fingerprint()).isNull();
            });
    assertThat(FailureRecord.of("v", FailureStage.OPEN, "x", "1-2").fingerprint()).isEqualTo("1-2");
  }

  @Test
  void reasonsAreOneLineAndExceptionsNameTheirClass() {
    assertThat(FailureRecord.of("v", FailureStage.OPEN, "a\nb\r\n  c", "f").reason())
        .isEqualTo("a b c");
    assertThat(FailureRecord.of("v", FailureStage.OPEN, null, "f").reason())
        .isEqualTo("unknown error");
    assertThat(FailureRecord.describe(new IllegalStateException()))
        .isEqualTo("IllegalStateException");
    assertThat(FailureRecord.describe(new OutOfMemoryError("Java heap\nspace")))
        .isEqualTo("OutOfMemoryError: Java heap space");
  }
}
