package io.pixelplayer.model.train;

import io.pixelplayer.model.infer.FrameImages;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Stft;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small synthetic clips for the training-data tests. */
public final class TestClips {
  static final int RATE = Stft.PAPER_SAMPLE_RATE;
  static final double FPS = 8;

  private TestClips() {}

  /**
   * The colour of stored frame {@code k}: far enough from its neighbours to tell them apart after
   * JPEG.
   */
  static Color frameColour(int k) {
    return new Color(20 + 17 * k % 220, 230 - 13 * k % 200, 40 + 11 * k % 190);
  }

  /**
   * A clip of {@code samples} samples at 11025 Hz starting {@code startSeconds} into its video,
   * with frames at 8 fps over its whole span (frame k solid {@link #frameColour}), audio {@code
   * signal} up to {@code validSamples} and zero after.
   */
  static StoredClip clip(
      String video,
      List<String> instruments,
      float[] signal,
      int validSamples,
      double startSeconds) {
    List<Double> times = new ArrayList<>();
    for (int k = 0; (k + 0.5) / FPS < (double) signal.length / RATE; k++)
      times.add(startSeconds + (k + 0.5) / FPS);
    List<byte[]> jpegs = new ArrayList<>();
    for (int k = 0; k < times.size(); k++) jpegs.add(solidJpeg(24, 24, frameColour(k)));
    return new StoredClip(
        video,
        instruments,
        RATE,
        signal,
        validSamples,
        startSeconds,
        times.stream().mapToDouble(Double::doubleValue).toArray(),
        jpegs);
  }

  /** A fully valid clip of a sine at {@code hz} with amplitude 0.5. */
  static StoredClip sine(String video, List<String> instruments, double hz, int samples) {
    float[] signal = new float[samples];
    for (int i = 0; i < samples; i++)
      signal[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
    return clip(video, instruments, signal, samples, 0);
  }

  /** A fully valid clip of uniform noise in [-0.5, 0.5]. */
  static StoredClip noise(String video, List<String> instruments, int samples, long seed) {
    Random rng = new Random(seed);
    float[] signal = new float[samples];
    for (int i = 0; i < samples; i++) signal[i] = rng.nextFloat() - 0.5f;
    return clip(video, instruments, signal, samples, 10 * seed);
  }

  public static byte[] solidJpeg(int width, int height, Color colour) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) image.setRGB(x, y, colour.getRGB());
    }
    return encode(image, "jpg");
  }

  public static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out))
        throw new IllegalStateException("no " + format + " writer");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code (value / 255 - mean) / std} of channel {@code c}. */
  public static float normalised(int value, int c) {
    return (value / 255f - FrameImages.MEAN[c]) / FrameImages.STD[c];
  }
}
