package io.pixelplayer.udf;

/**
 * 16-bit little-endian PCM, the compact form audio is stored in (clips, stems): half the size of
 * float, with 96 dB of dynamic range, far more than the model's magnitude spectrograms resolve.
 */
public final class Pcm16 {
  /** The same convention as {@link Wav}: code / 2^15, so +1.0 clips to the largest code, 32767. */
  private static final float SCALE = 32768f;

  private Pcm16() {}

  /** Samples in [-1, 1] (clipped beyond) to {@code 2 * samples.length} bytes. */
  public static byte[] encode(float[] samples) {
    byte[] bytes = new byte[samples.length * 2];
    for (int i = 0; i < samples.length; i++) {
      int v =
          (int)
              Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(samples[i] * SCALE)));
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    return bytes;
  }

  /** The inverse of {@link #encode}. */
  public static float[] decode(byte[] bytes) {
    if (bytes.length % 2 != 0) {
      throw new IllegalArgumentException(
          "16-bit PCM needs an even number of bytes, got " + bytes.length);
    }
    float[] samples = new float[bytes.length / 2];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / SCALE;
    }
    return samples;
  }
}
