package io.pixelplayer.jobs.synth;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.DataBufferByte;
import java.awt.image.Kernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The camera that films one video, drawn from {@link CameraSettings}: where it points (zoom, tilt
 * and hand-held shake, so boxes move with it: {@link #view}), how it renders colour (hue,
 * saturation or black and white, exposure drifting with the light), and how sharp and clean its
 * pictures are (blur, JPEG blocking). Applied to whole frames after the scene is drawn.
 */
final class Camera {
  private final int width;
  private final int height;
  private final double zoom;
  private final double rotation;
  private final double shakePixels;
  private final double[] shakeHz = new double[4];
  private final double[] shakePhase = new double[4];
  private final float[] colour; // 3x3, RGB in, RGB out
  private final double exposureDb;
  private final double driftDb;
  private final double driftHz;
  private final ConvolveOp blur;
  private final float jpegQuality; // 0: no JPEG
  private final BufferedImage filmed;

  Camera(CameraSettings settings, int width, int height, Random random) {
    this.width = width;
    this.height = height;
    double drawnRotation =
        Math.toRadians(settings.rotationDegrees()) * (2 * random.nextDouble() - 1);
    shakePixels = settings.shakePixels() * random.nextDouble();
    for (int i = 0; i < shakeHz.length; i++) {
      shakeHz[i] = 0.5 + 3 * random.nextDouble();
      shakePhase[i] = 2 * Math.PI * random.nextDouble();
    }
    // Zoom in at least far enough that the tilted, shaken picture still covers the whole frame.
    double cover =
        Math.cos(Math.abs(drawnRotation))
            + Math.sin(Math.abs(drawnRotation)) * Math.max(width, height) / Math.min(width, height)
            + 2 * shakePixels / Math.min(width, height);
    zoom = Math.max(cover, 1 + (settings.zoom() - 1) * random.nextDouble());
    rotation = drawnRotation;
    boolean grey = random.nextDouble() < settings.greyShare();
    double saturation = grey ? 0 : 0.6 + 0.7 * random.nextDouble();
    colour =
        colourMatrix(
            Math.toRadians(settings.hueDegrees()) * (2 * random.nextDouble() - 1), saturation);
    exposureDb = settings.lightingDb() * (2 * random.nextDouble() - 1);
    driftDb = settings.lightingDb() / 2 * random.nextDouble();
    driftHz = 0.05 + 0.3 * random.nextDouble();
    double sigma = settings.blurPixels() * random.nextDouble();
    blur = sigma < 0.3 ? null : gaussian(sigma);
    jpegQuality =
        random.nextDouble() < settings.jpegShare()
            ? (float) (0.25 + 0.45 * random.nextDouble())
            : 0f;
    filmed = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
  }

  /** Scene pixels to frame pixels at time t: zoom and tilt about the centre, plus shake. */
  AffineTransform view(double t) {
    double dx = 0;
    double dy = 0;
    for (int i = 0; i < 2; i++) {
      dx += shakePixels / 2 * Math.sin(2 * Math.PI * shakeHz[i] * t + shakePhase[i]);
      dy += shakePixels / 2 * Math.sin(2 * Math.PI * shakeHz[i + 2] * t + shakePhase[i + 2]);
    }
    AffineTransform view =
        AffineTransform.getTranslateInstance(width / 2.0 + dx, height / 2.0 + dy);
    view.rotate(rotation);
    view.scale(zoom, zoom);
    view.translate(-width / 2.0, -height / 2.0);
    return view;
  }

  /**
   * A box (x0, y0, x1, y1 in 0..1 of the scene) as the camera frames it at time t, clamped to the
   * frame.
   */
  double[] frame(double[] box, double t) {
    AffineTransform view = view(t);
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (double[] corner :
        new double[][] {{box[0], box[1]}, {box[2], box[1]}, {box[0], box[3]}, {box[2], box[3]}}) {
      Point2D p = view.transform(new Point2D.Double(corner[0] * width, corner[1] * height), null);
      x0 = Math.min(x0, p.getX());
      y0 = Math.min(y0, p.getY());
      x1 = Math.max(x1, p.getX());
      y1 = Math.max(y1, p.getY());
    }
    return new double[] {
      clamp(x0 / width), clamp(y0 / height), clamp(x1 / width), clamp(y1 / height)
    };
  }

  /**
   * The scene as this camera films it at time t (the returned image is reused by the next call).
   */
  BufferedImage film(BufferedImage scene, double t) {
    Graphics2D g = filmed.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(scene, view(t), null);
    g.dispose();
    BufferedImage picture = blur == null ? filmed : blur.filter(filmed, null);
    grade(
        ((DataBufferByte) picture.getRaster().getDataBuffer()).getData(),
        (float) Math.pow(10, (exposureDb + driftDb * Math.sin(2 * Math.PI * driftHz * t)) / 20));
    return jpegQuality > 0 ? jpeg(picture) : picture;
  }

  /** Colour matrix and exposure on BGR bytes. */
  private void grade(byte[] bgr, float gain) {
    for (int i = 0; i < bgr.length; i += 3) {
      float b = bgr[i] & 0xff;
      float g = bgr[i + 1] & 0xff;
      float r = bgr[i + 2] & 0xff;
      bgr[i + 2] = clampByte(gain * (colour[0] * r + colour[1] * g + colour[2] * b));
      bgr[i + 1] = clampByte(gain * (colour[3] * r + colour[4] * g + colour[5] * b));
      bgr[i] = clampByte(gain * (colour[6] * r + colour[7] * g + colour[8] * b));
    }
  }

  /**
   * Hue rotation by {@code angle} about the grey axis, then saturation scaled by {@code saturation}
   * towards the luma (0: black and white).
   */
  private static float[] colourMatrix(double angle, double saturation) {
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    double third = 1 / 3.0;
    double root = Math.sqrt(third);
    double[] hue = new double[9];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        // rotation about (1,1,1)/sqrt(3): Rodrigues' formula
        double cross = row == col ? 0 : ((col - row + 3) % 3 == 1 ? -root : root);
        hue[3 * row + col] = (row == col ? cos : 0) + third * (1 - cos) + cross * sin;
      }
    }
    double[] luma = {0.299, 0.587, 0.114};
    float[] matrix = new float[9];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        double value = 0;
        for (int k = 0; k < 3; k++) {
          double s = (row == k ? saturation : 0) + (1 - saturation) * luma[k];
          value += s * hue[3 * k + col];
        }
        matrix[3 * row + col] = (float) value;
      }
    }
    return matrix;
  }

  private static ConvolveOp gaussian(double sigma) {
    int radius = (int) Math.ceil(2 * sigma);
    int size = 2 * radius + 1;
    float[] weights = new float[size * size];
    double sum = 0;
    for (int y = -radius; y <= radius; y++) {
      for (int x = -radius; x <= radius; x++) {
        double w = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
        weights[(y + radius) * size + x + radius] = (float) w;
        sum += w;
      }
    }
    for (int i = 0; i < weights.length; i++) weights[i] /= (float) sum;
    return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null);
  }

  private BufferedImage jpeg(BufferedImage picture) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(jpegQuality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(picture, null, null), param);
      out.flush();
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes.toByteArray()));
      Graphics2D g = filmed.createGraphics();
      g.drawImage(decoded, 0, 0, null);
      g.dispose();
      return filmed;
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG round trip failed: " + e.getMessage(), e);
    } finally {
      writer.dispose();
    }
  }

  private static byte clampByte(float v) {
    return (byte) (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
