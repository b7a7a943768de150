package io.pixelplayer.model.infer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Video frames as SoP's frame network sees them ({@code dataset/base.py}, {@code
 * _init_vtransform}): the shorter side resized to the frame size (bicubic), a centred square cut
 * out, channels scaled to [0, 1] and normalised with the ImageNet mean and standard deviation. With
 * augmentation, as SoP trains: the shorter side resized to {@code int(1.1 * size)}, a random square
 * cut out and a random horizontal flip, the same for all frames of a clip (SoP transforms a clip's
 * frames together).
 *
 * <p>Resizing is PIL's: a separable bicubic (a = -0.5) convolution whose support widens with the
 * downscale factor, so shrinking averages instead of aliasing (Java2D's bicubic would not).
 *
 * <p>Thread-safe: no state beyond the frame size.
 */
public final class FrameImages {
  /** ImageNet statistics of RGB in [0, 1], as SoP normalises (torchvision's ResNet convention). */
  public static final float[] MEAN = {0.485f, 0.456f, 0.406f};

  public static final float[] STD = {0.229f, 0.224f, 0.225f};

  /** SoP's training resize: {@code Resize(int(imgSize * 1.1))} before the random crop. */
  private static final double AUGMENT_SCALE = 1.1;

  private final int size;

  public FrameImages(int size) {
    if (size < 1) throw new IllegalArgumentException("frame size " + size + " must be positive");
    this.size = size;
  }

  /**
   * Where to cut the square out of the resized frame and whether to mirror it.
   *
   * @param cropX 0 = left-most square, 1 = right-most (ignored when the side is exactly the frame
   *     size)
   * @param cropY 0 = top, 1 = bottom
   */
  public record Placement(boolean augmented, double cropX, double cropY, boolean flip) {
    public static final Placement CENTRED = new Placement(false, 0.5, 0.5, false);

    /** SoP's random crop and flip. */
    public static Placement random(Random rng) {
      return new Placement(true, rng.nextDouble(), rng.nextDouble(), rng.nextBoolean());
    }
  }

  /**
   * As the network sees a frame outside training: resized, centred, not flipped ({@link #load}).
   */
  public void loadCentred(byte[] jpeg, float[] out, int offset) {
    load(jpeg, Placement.CENTRED, out, offset);
  }

  /** The side of the square frames, in pixels. */
  public int size() {
    return size;
  }

  /** Values per frame: {@code 3 x size x size}. */
  public int values() {
    return 3 * size * size;
  }

  /**
   * Decodes {@code jpeg} and writes its {@code 3 x size x size} normalised planes (CHW) to {@code
   * out[offset..]}.
   */
  public void load(byte[] jpeg, Placement placement, float[] out, int offset) {
    BufferedImage image = decode(jpeg);
    int width = image.getWidth();
    int height = image.getHeight();
    // torchvision's Resize(int): the shorter side to the target, the other in proportion
    // (truncated).
    int shortSide = placement.augmented() ? (int) (size * AUGMENT_SCALE) : size;
    int resizedWidth = width <= height ? shortSide : (int) ((long) shortSide * width / height);
    int resizedHeight = width <= height ? (int) ((long) shortSide * height / width) : shortSide;
    int left = cropStart(placement.cropX(), resizedWidth);
    int top = cropStart(placement.cropY(), resizedHeight);

    float[][] planes = rgbPlanes(image);
    Kernel columns = new Kernel(width, resizedWidth, left, size);
    Kernel rows = new Kernel(height, resizedHeight, top, size);
    for (int c = 0; c < 3; c++) {
      // Columns first (every source row, only the kept output columns), then the kept rows.
      float[] narrowed = new float[height * size];
      for (int y = 0; y < height; y++)
        columns.apply(planes[c], y * width, 1, narrowed, y * size, 1);
      float[] square = new float[size * size];
      for (int x = 0; x < size; x++) rows.apply(narrowed, x, size, square, x, size);
      float scale = 1f / (255f * STD[c]);
      float shift = -MEAN[c] / STD[c];
      int plane = offset + c * size * size;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int column = placement.flip() ? size - 1 - x : x;
          out[plane + y * size + x] = square[y * size + column] * scale + shift;
        }
      }
    }
  }

  private int cropStart(double fraction, int resized) {
    if (resized < size)
      throw new IllegalStateException("resized side " + resized + " < frame size " + size);
    return Math.min(resized - size, (int) Math.floor(fraction * (resized - size + 1)));
  }

  private static BufferedImage decode(byte[] jpeg) {
    if (jpeg == null) throw new IllegalArgumentException("frame bytes are null");
    // A memory-cached stream: ImageIO.read(InputStream) would spill to a temporary file per image.
    // No
    // try-with-resources: ImageIO.read closes the stream itself, and an in-memory stream holds
    // nothing else.
    try {
      BufferedImage image =
          ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg)));
      if (image == null)
        throw new IllegalArgumentException(
            "frame of " + jpeg.length + " bytes is not a readable image");
      return image;
    } catch (IOException e) {
      throw new UncheckedIOException("frame of " + jpeg.length + " bytes could not be decoded", e);
    }
  }

  /** R, G, B planes with values 0..255, row-major. */
  private static float[][] rgbPlanes(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    int pixels = width * height;
    float[][] planes = new float[3][pixels];
    // ImageIO's JPEG reader gives 3-byte BGR for colour and 1-byte grey; reading those rasters
    // directly is
    // several times faster than getRGB's per-pixel colour-model conversion.
    if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < pixels; i++) {
        planes[0][i] = bgr[3 * i + 2] & 0xff;
        planes[1][i] = bgr[3 * i + 1] & 0xff;
        planes[2][i] = bgr[3 * i] & 0xff;
      }
    } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] grey = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < pixels; i++) {
        planes[0][i] = planes[1][i] = planes[2][i] = grey[i] & 0xff;
      }
    } else {
      int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
      for (int i = 0; i < pixels; i++) {
        planes[0][i] = (argb[i] >> 16) & 0xff;
        planes[1][i] = (argb[i] >> 8) & 0xff;
        planes[2][i] = argb[i] & 0xff;
      }
    }
    return planes;
  }

  /**
   * PIL's resampling weights ({@code precompute_coeffs}) for {@code count} outputs starting at
   * {@code first} of a resize from {@code inSize} to {@code outSize} samples.
   */
  private static final class Kernel {
    private static final double SUPPORT = 2;
    private final int[] start;
    private final float[][] weights;

    Kernel(int inSize, int outSize, int first, int count) {
      double scale = (double) inSize / outSize;
      double filterScale = Math.max(scale, 1);
      double support = SUPPORT * filterScale;
      start = new int[count];
      weights = new float[count][];
      for (int i = 0; i < count; i++) {
        double center = (first + i + 0.5) * scale;
        int from = Math.max(0, (int) (center - support + 0.5));
        int to = Math.min(inSize, (int) (center + support + 0.5));
        double[] w = new double[to - from];
        double total = 0;
        for (int j = 0; j < w.length; j++) {
          w[j] = cubic((from + j - center + 0.5) / filterScale);
          total += w[j];
        }
        start[i] = from;
        weights[i] = new float[w.length];
        for (int j = 0; j < w.length; j++) weights[i][j] = (float) (total == 0 ? 0 : w[j] / total);
      }
    }

    /**
     * out[outOffset + i * outStride] = sum_j in[inOffset + (start_i + j) * inStride] * w_ij,
     * clamped to 0..255 as PIL's 8-bit passes clamp the cubic's overshoot at edges.
     */
    void apply(float[] in, int inOffset, int inStride, float[] out, int outOffset, int outStride) {
      for (int i = 0; i < start.length; i++) {
        float[] w = weights[i];
        int at = inOffset + start[i] * inStride;
        float sum = 0;
        for (int j = 0; j < w.length; j++, at += inStride) sum += in[at] * w[j];
        out[outOffset + i * outStride] = Math.max(0f, Math.min(255f, sum));
      }
    }

    /** Keys' cubic convolution kernel with a = -0.5 (PIL's BICUBIC). */
    private static double cubic(double x) {
      double a = -0.5;
      x = Math.abs(x);
      if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
      if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
      return 0;
    }
  }
}
