package io.pixelplayer.jobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Decoding throughput on a 60 s 640x480 30 fps H.264 + AAC video, printed, not asserted. Off by default (it
 * writes a 60 s video first): {@code mvn -o -pl jobs -am test -Dtest=ClipReaderThroughputTest
 * -Dpixelplayer.benchmark=true}. Prints the reader's speed next to a bare decode of the same file (same
 * grabber settings, nothing kept), so that the cost of cutting, scaling and JPEG encoding shows.
 */
@EnabledIfSystemProperty(named = "pixelplayer.benchmark", matches = "true")
class ClipReaderThroughputTest {
  private static final ClipSpec PAPER = new ClipSpec(11_025, 65_535, 32_768, 8, 224, 224, 85, -60, 0.5, 600);
  private static final int ROUNDS = 3;

  @TempDir
  Path dir;

  @Test
  void measure() throws Exception {
    long writeStart = System.nanoTime();
    Path video = TestVideos.good(dir, "bench.mp4", 60, 640, 480, 30, 440);
    System.out.printf(Locale.ROOT, "wrote 60 s 640x480 30 fps %s + %s in %.1f s%n", TestVideos.videoEncoderName(),
        TestVideos.audioEncoderName(), (System.nanoTime() - writeStart) / 1e9);
    for (int round = 1; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      double seconds = bareDecode(video);
      double bare = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      int clips = 0;
      double decoded;
      int frames;
      try (ClipReader reader = new ClipReader(video.toString(), PAPER)) {
        while (reader.hasNext()) {
          reader.next();
          clips++;
        }
        decoded = reader.decodedSeconds();
        frames = reader.framesKept();
      }
      double wall = (System.nanoTime() - start) / 1e9;
      assertThat(decoded).isCloseTo(60, within(0.1));
      System.out.printf(Locale.ROOT,
          "round %d: ClipReader %.2f s = %.1fx real time, %.1f clips/s (%d clips, %d frames kept); bare decode %.2f s = %.1fx%n",
          round, wall, decoded / wall, clips / wall, clips, frames, bare, seconds / bare);
    }
  }

  /** Decodes every frame with the reader's grabber settings and does nothing with them; returns the audio seconds. */
  private static double bareDecode(Path video) throws IOException {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
      grabber.setImageMode(FrameGrabber.ImageMode.RAW);
      grabber.setSampleMode(FrameGrabber.SampleMode.FLOAT);
      grabber.setSampleRate(PAPER.sampleRate());
      grabber.start();
      long values = 0;
      Frame frame;
      while ((frame = grabber.grabFrame(true, true, true, false, false)) != null) {
        if (frame.samples != null) values += frame.samples[0].remaining() / frame.audioChannels;
      }
      return values / (double) PAPER.sampleRate();
    }
  }
}
