package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.jobs.ingest.DecodedClip.EncodedFrame;
import io.pixelplayer.udf.Loudness;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The clip windows behind {@link ClipReader}, fed by hand: stream skew and end-of-stream cases real
 * files rarely show.
 */
class ClipReaderWindowsTest {
  /** 1000 Hz so that samples read as milliseconds: 1.024 s windows every 0.512 s. */
  private static final ClipSpec SPEC = new ClipSpec(1000, 1024, 512, 8, 8, 8, 80, -60, 0.5, 600);

  @Test
  void fullWindowWaitsForTheVideoToPassItsEnd() {
    ClipWindows windows = new ClipWindows(SPEC);
    windows.addAudio(constant(1100, 0.5f), 0, 1100);
    windows.videoAt(0.9);
    assertThat(windows.poll()).isNull();

    assertThat(windows.wantsFrameAt(1.0)).isTrue();
    EncodedFrame late = new EncodedFrame(1.0, new byte[] {1});
    windows.addFrame(late);
    windows.videoAt(1.05);
    DecodedClip clip = windows.poll();
    assertThat(clip).isNotNull();
    assertThat(clip.frames()).containsExactly(late);
    assertThat(clip.validSamples()).isEqualTo(1024);
    // A constant 0.5 has an RMS of 0.5: -6.02 dBFS.
    assertThat((double) clip.loudnessDb()).isCloseTo(20 * Math.log10(0.5), within(1e-4));
    assertThat(clip.silent()).isFalse();
  }

  @Test
  void stalledVideoHoldsAWindowOnlyUpToTheSkewLimit() {
    ClipWindows windows = new ClipWindows(SPEC);
    windows.videoAt(0.5);
    windows.addAudio(constant(3000, 0.1f), 0, 3000);
    // The stream is 1.976 s past the end of window 0: still within the limit.
    assertThat(windows.poll()).isNull();
    windows.addAudio(constant(100, 0.1f), 0, 100);
    assertThat(windows.poll()).extracting(DecodedClip::index).isEqualTo(0);
  }

  @Test
  void framesAheadOfTheAudioOpenTheirWindows() {
    ClipWindows windows = new ClipWindows(SPEC);
    windows.addAudio(constant(100, 0.1f), 0, 100);
    // 1.2 s is in windows 1 (0.512-1.536) and 2 (1.024-2.048), which the audio has not reached yet.
    assertThat(windows.wantsFrameAt(1.2)).isTrue();
    EncodedFrame early = new EncodedFrame(1.2, new byte[] {2});
    windows.addFrame(early);
    // Too far ahead of the audio: no window is opened for it.
    assertThat(windows.wantsFrameAt(100.0)).isFalse();
    windows.addAudio(constant(2100, 0.1f), 0, 2100);
    windows.videoAt(2.1);
    assertThat(windows.poll().frames()).isEmpty();
    assertThat(windows.poll().frames()).containsExactly(early);
    assertThat(windows.poll().frames()).containsExactly(early);
    assertThat(windows.poll()).isNull();
  }

  @Test
  void endOfStreamKeepsPartialWindowsWithEnoughAudioZeroPadded() {
    ClipWindows windows = new ClipWindows(SPEC);
    windows.addAudio(constant(1700, 0.25f), 0, 1700);
    windows.endAudio();
    windows.endVideo();
    // Windows at 0 (full), 512 (1188 = full), 1024 (676 of 1024 = 66%); the one at 1536 (16%) is
    // dropped.
    DecodedClip first = windows.poll();
    DecodedClip second = windows.poll();
    DecodedClip last = windows.poll();
    assertThat(windows.poll()).isNull();
    assertThat(windows.isDone()).isTrue();
    assertThat(first.validSamples()).isEqualTo(1024);
    assertThat(second.validSamples()).isEqualTo(1024);
    assertThat(last.startSample()).isEqualTo(1024);
    assertThat(last.validSamples()).isEqualTo(676);
    assertThat(Arrays.copyOfRange(last.audio(), 676, 1024)).containsOnly(0f);
    // Loudness counts the decoded part only.
    assertThat((double) last.loudnessDb()).isCloseTo(20 * Math.log10(0.25), within(1e-4));
    assertThat(windows.emitted()).isEqualTo(3);
  }

  @Test
  void silenceIsFlaggedAndFloored() {
    ClipWindows windows = new ClipWindows(SPEC);
    windows.addAudio(new float[1024], 0, 1024);
    windows.endAudio();
    windows.endVideo();
    DecodedClip clip = windows.poll();
    assertThat(clip.silent()).isTrue();
    assertThat(clip.loudnessDb()).isEqualTo((float) Loudness.SILENCE_FLOOR_DB);
    assertThat(windows.silent()).isEqualTo(1);
  }

  private static float[] constant(int count, float value) {
    float[] samples = new float[count];
    Arrays.fill(samples, value);
    return samples;
  }
}
