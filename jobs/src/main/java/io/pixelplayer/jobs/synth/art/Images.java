package io.pixelplayer.jobs.synth.art;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pixel helpers for instrument pictures: ARGB conversion, tight cropping, high-quality downscaling.
 */
final class Images {
  private Images() {}

  /** An ARGB copy of the image (the pixel layout every consumer of the art can rely on). */
  static BufferedImage toArgb(BufferedImage image) {
    BufferedImage argb =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = argb.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return argb;
  }

  /**
   * The ARGB image cropped to the bounding box of its non-transparent pixels, so that boxes
   * computed from it are tight; fails for an image without any.
   */
  static BufferedImage cropToOpaque(BufferedImage argb) {
    int w = argb.getWidth();
    int h = argb.getHeight();
    int[] pixels = argb.getRGB(0, 0, w, h, null, 0, w);
    int minX = w;
    int minY = h;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (pixels[y * w + x] >>> 24 != 0) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
          maxY = Math.max(maxY, y);
        }
      }
    }
    if (maxX < 0) {
      throw new IllegalArgumentException("picture is fully transparent");
    }
    // copied: a sub-image would keep its parent's whole raster alive
    return toArgb(argb.getSubimage(minX, minY, maxX - minX + 1, maxY - minY + 1));
  }

  /**
   * The image scaled so that its longer side is {@code maxSide}, halving step by step while the
   * scale is below one half so that thin strings and outlines stay smooth instead of breaking up.
   */
  static BufferedImage fit(BufferedImage image, int maxSide) {
    if (maxSide < 1) {
      throw new IllegalArgumentException("picture size must be positive, was " + maxSide);
    }
    double scale = (double) maxSide / Math.max(image.getWidth(), image.getHeight());
    BufferedImage current = image;
    while (scale < 0.5) {
      current =
          resize(
              current, Math.max(1, current.getWidth() / 2), Math.max(1, current.getHeight() / 2));
      scale *= 2;
    }
    return resize(
        current,
        Math.max(1, (int) Math.round(current.getWidth() * scale)),
        Math.max(1, (int) Math.round(current.getHeight() * scale)));
  }

  private static BufferedImage resize(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }
}
