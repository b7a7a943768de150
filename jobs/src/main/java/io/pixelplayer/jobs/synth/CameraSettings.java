package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.conf.PixelPlayerConf;

/**
 * The ranges each video's {@link Camera} is drawn from ({@code pixelplayer.synth.camera.*} in
 * conf/pixelplayer.properties, where each is explained); 0 turns a range off.
 *
 * @param enabled false: frames as drawn (as corpora were before)
 * @param hueDegrees colours turned round the hue circle by up to ± this
 * @param greyShare share of videos in black and white
 * @param blurPixels Gaussian blur of up to this radius (sigma, pixels)
 * @param jpegShare share of videos with JPEG-like blocking (quality 25-70)
 * @param zoom zoomed in by up to this factor (at least 1)
 * @param rotationDegrees tilted by up to ± this
 * @param shakePixels hand-held shake of up to this many pixels
 * @param lightingDb exposure off by up to ± this, and drifting by up to half of it during the video
 */
public record CameraSettings(
    boolean enabled,
    double hueDegrees,
    double greyShare,
    double blurPixels,
    double jpegShare,
    double zoom,
    double rotationDegrees,
    double shakePixels,
    double lightingDb) {
  /**
   * Whether the effect is on; its parameters are the keys below this one, documented in
   * conf/pixelplayer.properties.
   */
  public static final String ENABLED = "pixelplayer.synth.camera";

  /** Frames as drawn. */
  public static final CameraSettings OFF = new CameraSettings(false, 0, 0, 0, 0, 1, 0, 0, 0);

  public CameraSettings {
    if (hueDegrees < 0
        || blurPixels < 0
        || rotationDegrees < 0
        || shakePixels < 0
        || lightingDb < 0) {
      throw new IllegalArgumentException("camera ranges must not be negative");
    }
    if (greyShare < 0 || greyShare > 1 || jpegShare < 0 || jpegShare > 1) {
      throw new IllegalArgumentException(
          "camera shares " + greyShare + ", " + jpegShare + " not in 0..1");
    }
    if (!(zoom >= 1 && zoom <= 2))
      throw new IllegalArgumentException("camera zoom " + zoom + " not in 1..2");
    if (rotationDegrees > 15)
      throw new IllegalArgumentException(
          "camera rotation " + rotationDegrees + " beyond 15 degrees");
  }

  public static CameraSettings from(PixelPlayerConf conf) {
    String p = ENABLED + ".";
    return new CameraSettings(
        conf.getBoolean(ENABLED),
        conf.getDouble(p + "hueDegrees"),
        conf.getDouble(p + "greyShare"),
        conf.getDouble(p + "blurPixels"),
        conf.getDouble(p + "jpegShare"),
        conf.getDouble(p + "zoom"),
        conf.getDouble(p + "rotationDegrees"),
        conf.getDouble(p + "shakePixels"),
        conf.getDouble(p + "lightingDb"));
  }
}
