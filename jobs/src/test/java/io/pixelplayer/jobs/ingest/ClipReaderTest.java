package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_OPUS;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;

import io.pixelplayer.jobs.ingest.DecodedClip.EncodedFrame;
import io.pixelplayer.udf.Loudness;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipReaderTest {
  private static final int RATE = 11_025;
  private static final double TONE_HZ = 440;

  /** The paper's cutting: 65535 samples at 11025 Hz (5.94 s) every 32768, 8 fps, 224x224. */
  private static final ClipSpec PAPER = spec(65_535, 32_768, 600);

  /** One-second clips, for the short test videos. */
  private static final ClipSpec SHORT = spec(11_025, 11_025, 600);

  @TempDir static Path dir;
  private static Path good;

  @BeforeAll
  static void writeGoodVideo() throws IOException {
    good = TestVideos.good(dir, "good.mp4", 7, 320, 240, 30, TONE_HZ);
  }

  private static ClipSpec spec(int clipSamples, int hopSamples, double maxSeconds) {
    return new ClipSpec(RATE, clipSamples, hopSamples, 8, 224, 224, 85, -60, 0.5, maxSeconds);
  }

  @Test
  void goodVideoReportsWhatItsContainerSays() throws IngestFailure {
    try (ClipReader reader = new ClipReader(good.toString(), PAPER)) {
      VideoInfo info = reader.info();
      assertThat(info.width()).isEqualTo(320);
      assertThat(info.height()).isEqualTo(240);
      assertThat(info.fps()).isCloseTo(30, within(0.01));
      assertThat(info.audioRate()).isEqualTo(TestVideos.AUDIO_RATE);
      assertThat(info.audioChannels()).isEqualTo(TestVideos.AUDIO_CHANNELS);
      assertThat(info.videoCodec())
          .isEqualTo(TestVideos.VIDEO_CODEC == avcodec.AV_CODEC_ID_H264 ? "h264" : "mpeg4");
      assertThat(info.audioCodec()).isEqualTo("aac");
      assertThat(info.headerSeconds()).isCloseTo(7, within(0.05));
    }
  }

  @Test
  void goodVideoIsCutIntoPaperSizedClips() throws Exception {
    List<DecodedClip> clips = new ArrayList<>();
    try (ClipReader reader = new ClipReader(good.toString(), PAPER)) {
      reader.forEachRemaining(clips::add);
      // 7 s at 11025 Hz = 77175 samples: a full window at 0 and one at 32768 with 44407 samples
      // (68% >= 50%);
      // the window at 65536 would hold 18% and is dropped. The AAC padding past 7 s is trimmed.
      assertThat(reader.decodedSeconds()).isCloseTo(7, within(0.01));
      assertThat(reader.clipsEmitted()).isEqualTo(2);
      assertThat(reader.silentClips()).isZero();
      assertThat(reader.truncation()).isNull();
      // Ticks 0 .. 6.875 s at 8 fps: 56 frames, all in some clip.
      assertThat(reader.framesKept()).isEqualTo(56);
    }
    assertThat(clips).extracting(DecodedClip::index).containsExactly(0, 1);
    assertThat(clips).extracting(DecodedClip::startSample).containsExactly(0L, 32_768L);
    assertThat(clips.get(1).startSeconds()).isCloseTo(32_768.0 / RATE, within(1e-9));
    assertThat(clips.get(1).endSeconds()).isCloseTo((32_768.0 + 65_535) / RATE, within(1e-9));
    for (DecodedClip clip : clips) {
      assertThat(clip.audio()).hasSize(65_535);
      assertThat(clip.silent()).isFalse();
    }
    assertThat(clips.get(0).validSamples()).isEqualTo(65_535);
    DecodedClip last = clips.get(1);
    assertThat(last.validSamples()).isCloseTo(77_175 - 32_768, within(2));
    for (int i = last.validSamples(); i < last.audio().length; i++) {
      assertThat(last.audio()[i]).as("padding at %d", i).isZero();
    }
  }

  @Test
  void framesAreKeptAtTheSpecRateInsideEachWindow() throws Exception {
    List<DecodedClip> clips = readAll(good, PAPER);
    DecodedClip first = clips.get(0);
    // A 5.94 s window at 8 fps holds 47 or 48 ticks.
    assertThat(first.frames()).hasSizeBetween(47, 48);
    assertFramesInside(first, first.endSeconds());
    assertThat(first.frames().get(0).seconds()).isCloseTo(0, within(1e-6));
    // Each kept frame is the first 30 fps frame at or after its 1/8 s tick: never more than 1/30 s
    // late.
    for (EncodedFrame frame : first.frames()) {
      double tick = Math.floor(frame.seconds() * 8 + 1e-3) / 8;
      assertThat(frame.seconds() - tick).isBetween(-1e-3, 1 / 30.0);
    }
    DecodedClip second = clips.get(1);
    // From the tick at 3.0 s to the last at 6.875 s: the video ends at 7 s, inside the padded
    // window.
    assertThat(second.frames()).hasSize(32);
    assertFramesInside(second, 7.0);
    // Frames shared by overlapping windows are encoded once.
    assertThat(second.frames().get(0)).isSameAs(first.frames().get(24));

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.frames().get(10).jpeg()));
    assertThat(image.getWidth()).isEqualTo(224);
    assertThat(image.getHeight()).isEqualTo(224);
  }

  @Test
  void toneKeepsItsPitchAndLevelAfterResamplingAndMixing() throws Exception {
    DecodedClip clip = readAll(good, PAPER).get(0);
    // A sine of f Hz crosses zero 2f times a second.
    int crossings = 0;
    float[] audio = clip.audio();
    for (int i = 1; i < clip.validSamples(); i++) {
      if ((audio[i - 1] < 0) != (audio[i] < 0)) crossings++;
    }
    double seconds = clip.validSamples() / (double) RATE;
    assertThat(crossings / seconds / 2).isCloseTo(TONE_HZ, within(TONE_HZ * 0.01));
    // Same tone on both channels, averaged: the RMS of a sine of peak A is A / sqrt(2).
    double expectedDb = 20 * Math.log10(TestVideos.TONE_AMPLITUDE / Math.sqrt(2));
    assertThat((double) clip.loudnessDb()).isCloseTo(expectedDb, within(0.5));
  }

  @Test
  void overlappingWindowsHoldTheSameAudioAndFrames() throws Exception {
    int hop = 16_384;
    List<DecodedClip> clips = readAll(good, spec(65_535, hop, 600));
    // Windows at 0, 16384 and 32768 hold at least half a clip; the one at 49152 holds 28023 (43%).
    assertThat(clips).extracting(DecodedClip::startSample).containsExactly(0L, 16_384L, 32_768L);
    for (int k = 0; k + 1 < clips.size(); k++) {
      DecodedClip earlier = clips.get(k);
      DecodedClip later = clips.get(k + 1);
      int overlap = Math.min(earlier.validSamples() - hop, later.validSamples());
      for (int i = 0; i < overlap; i++) {
        assertThat(later.audio()[i])
            .as("clip %d sample %d", k + 1, i)
            .isEqualTo(earlier.audio()[i + hop]);
      }
      List<EncodedFrame> shared =
          later.frames().stream().filter(f -> f.seconds() < earlier.endSeconds()).toList();
      assertThat(earlier.frames()).containsSubsequence(shared);
    }
  }

  @Test
  void hopLongerThanTheClipSkipsTheGaps() throws Exception {
    List<DecodedClip> clips;
    try (ClipReader reader = new ClipReader(good.toString(), spec(11_025, 22_050, 600))) {
      clips = new ArrayList<>();
      reader.forEachRemaining(clips::add);
      // Only the frames inside the 1 s windows are converted.
      assertThat(reader.framesKept()).isEqualTo(32);
    }
    assertThat(clips).extracting(DecodedClip::startSeconds).containsExactly(0.0, 2.0, 4.0, 6.0);
    for (DecodedClip clip : clips) {
      assertThat(clip.frames()).hasSize(8);
      assertFramesInside(clip, clip.endSeconds());
    }
  }

  @Test
  void decodingStopsAfterMaxSeconds() throws Exception {
    try (ClipReader reader = new ClipReader(good.toString(), spec(65_535, 32_768, 3))) {
      List<DecodedClip> clips = new ArrayList<>();
      reader.forEachRemaining(clips::add);
      assertThat(reader.decodedSeconds()).isCloseTo(3, within(1e-9));
      assertThat(reader.truncation()).isNull();
      // 33075 of 65535 samples: just over half a window.
      assertThat(clips)
          .singleElement()
          .satisfies(
              clip -> {
                assertThat(clip.validSamples()).isEqualTo(33_075);
                assertFramesInside(clip, 3.0);
                assertThat(clip.frames()).hasSize(24);
              });
    }
  }

  @Test
  void silentTrackGivesSilentClips() throws Exception {
    Path silent = TestVideos.silentAudio(dir, 3);
    try (ClipReader reader = new ClipReader(silent.toString(), SHORT)) {
      List<DecodedClip> clips = new ArrayList<>();
      reader.forEachRemaining(clips::add);
      assertThat(clips)
          .hasSize(3)
          .allSatisfy(
              clip -> {
                assertThat(clip.silent()).isTrue();
                assertThat(clip.loudnessDb()).isEqualTo((float) Loudness.SILENCE_FLOOR_DB);
              });
      assertThat(reader.silentClips()).isEqualTo(reader.clipsEmitted()).isEqualTo(3);
    }
  }

  @Test
  void faststartFileCutShortEndsEarlyAndSaysSo() throws Exception {
    Path cut = TestVideos.faststartCutShort(dir, 6, 0.5);
    try (ClipReader reader = new ClipReader(cut.toString(), SHORT)) {
      // The index survived: the header still claims 6 s.
      assertThat(reader.info().headerSeconds()).isCloseTo(6, within(0.05));
      List<DecodedClip> clips = new ArrayList<>();
      reader.forEachRemaining(clips::add);
      assertThat(reader.decodedSeconds()).isBetween(1.0, 5.0);
      assertThat(reader.truncation())
          .matches("decoded \\d+\\.\\d s of 6\\.0 s the header claims \\(truncated file\\?\\)");
      assertThat(clips).isNotEmpty();
      assertThat(reader.clipsEmitted()).isEqualTo(clips.size());
    }
  }

  @Test
  void aWebmWhoseOnlyLengthIsTheContainersIsWholeAndOneCutInHalfSaysSo() throws Exception {
    Path webm =
        TestVideos.Recording.of(7, 160, 120, 25)
            .container("webm", AV_CODEC_ID_VP9, AV_CODEC_ID_OPUS)
            .audio(48_000, 2)
            .writeTo(dir, "whole.webm");
    try (ClipReader reader = new ClipReader(webm.toString(), SHORT)) {
      reader.forEachRemaining(clip -> {});
      assertThat(reader.decodedSeconds()).isCloseTo(7, within(0.1));
      assertThat(reader.truncation()).isNull();
    }
    byte[] bytes = Files.readAllBytes(webm);
    Path cut = Files.write(dir.resolve("cut.webm"), Arrays.copyOf(bytes, bytes.length / 2));
    try (ClipReader reader = new ClipReader(cut.toString(), SHORT)) {
      reader.forEachRemaining(clip -> {});
      assertThat(reader.truncation()).startsWith("decoded ").endsWith("(truncated file?)");
    }
  }

  @Test
  void videoWithoutAudioFailsAtProbe() throws IOException {
    assertFailure(TestVideos.noAudio(dir, 2), "probe", "no audio stream");
  }

  @Test
  void audioOnlyFileFailsAtProbe() throws IOException {
    assertFailure(TestVideos.audioOnly(dir, 2), "probe", "no video stream \\(audio only\\)");
  }

  @Test
  void mp4WithoutItsIndexFailsAtOpen() throws IOException {
    assertFailure(
        TestVideos.truncatedWithoutMoov(dir),
        "open",
        "truncated or incomplete MP4: moov atom not found");
  }

  @Test
  void filesThatAreNoVideoFailAtOpen() throws IOException {
    assertFailure(
        TestVideos.randomBytes(dir), "open", "not a video: FFmpeg could not detect the format");
    assertFailure(
        TestVideos.textFile(dir), "open", "not a video: FFmpeg could not detect the format");
    assertFailure(TestVideos.empty(dir), "open", "empty file \\(0 bytes\\)");
    assertFailure(dir.resolve("missing.mp4"), "open", "file not found");
  }

  @Test
  void closeIsIdempotentAndEndsIteration() throws Exception {
    ClipReader reader = new ClipReader(good.toString(), PAPER);
    assertThat(reader.hasNext()).isTrue();
    reader.next();
    reader.close();
    reader.close();
    assertThat(reader.hasNext()).isFalse();
    assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
  }

  private static List<DecodedClip> readAll(Path video, ClipSpec spec) throws IngestFailure {
    List<DecodedClip> clips = new ArrayList<>();
    try (ClipReader reader = new ClipReader(video.toString(), spec)) {
      reader.forEachRemaining(clips::add);
    }
    return clips;
  }

  /** Frames strictly increasing, all in [clip start, end). */
  private static void assertFramesInside(DecodedClip clip, double end) {
    double previous = Double.NEGATIVE_INFINITY;
    for (EncodedFrame frame : clip.frames()) {
      assertThat(frame.seconds())
          .isGreaterThan(previous)
          .isGreaterThanOrEqualTo(clip.startSeconds())
          .isLessThan(end);
      previous = frame.seconds();
    }
  }

  private static void assertFailure(Path file, String stage, String reasonPattern) {
    assertThatThrownBy(() -> new ClipReader(file.toString(), PAPER).close())
        .isInstanceOfSatisfying(
            IngestFailure.class,
            failure -> {
              assertThat(failure.stage().column()).isEqualTo(stage);
              assertThat(failure.reason()).matches(reasonPattern);
            });
  }
}
