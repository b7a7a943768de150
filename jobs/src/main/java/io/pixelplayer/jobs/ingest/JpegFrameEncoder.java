package io.pixelplayer.jobs.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.Buffer;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Turns a decoded picture into a JPEG of a fixed size: swscale resizes the whole picture (no crop)
 * into one reused BGR buffer, {@link Java2DFrameConverter} copies it into one reused image, ImageIO
 * encodes it at an explicit quality. Only kept frames come here; the grabber hands out the others
 * unconverted.
 */
final class JpegFrameEncoder implements AutoCloseable {
  private final int width;
  private final int height;
  private final BytePointer pixels;
  private final PointerPointer<?> planes;
  private final IntPointer strides;
  private final Frame bgr = new Frame();
  private final Java2DFrameConverter converter = new Java2DFrameConverter();
  private final ImageWriter writer;
  private final ImageWriteParam quality;
  private final ByteArrayOutputStream jpeg = new ByteArrayOutputStream(32 * 1024);
  private SwsContext scaler;
  private boolean closed;

  JpegFrameEncoder(int width, int height, int jpegQuality) {
    if (width < 1 || height < 1)
      throw new IllegalArgumentException("frame size " + width + "x" + height + " is empty");
    if (jpegQuality < 1 || jpegQuality > 100)
      throw new IllegalArgumentException("JPEG quality " + jpegQuality + " not in 1..100");
    this.width = width;
    this.height = height;
    // Rows aligned to 64 bytes, as swscale's SIMD paths want.
    int stride = (width * 3 + 63) & ~63;
    long size = (long) stride * height;
    pixels = new BytePointer(av_malloc(size)).capacity(size);
    // swscale reads a full AVFrame-sized set of plane pointers and strides even for packed BGR.
    planes = new PointerPointer<>(AVFrame.AV_NUM_DATA_POINTERS);
    strides = new IntPointer(AVFrame.AV_NUM_DATA_POINTERS);
    for (int i = 0; i < AVFrame.AV_NUM_DATA_POINTERS; i++) {
      planes.put(i, i == 0 ? pixels : null);
      strides.put(i, i == 0 ? stride : 0);
    }
    bgr.imageWidth = width;
    bgr.imageHeight = height;
    bgr.imageDepth = Frame.DEPTH_UBYTE;
    bgr.imageChannels = 3;
    bgr.imageStride = stride;
    bgr.image = new Buffer[] {pixels.asByteBuffer()};
    writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    quality = writer.getDefaultWriteParam();
    quality.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    quality.setCompressionQuality(jpegQuality / 100f);
  }

  /** The picture resized and encoded, or null if swscale cannot read its pixel format. */
  byte[] encode(AVFrame picture) {
    if (closed) throw new IllegalStateException("encoder is closed");
    scaler =
        sws_getCachedContext(
            scaler,
            picture.width(),
            picture.height(),
            picture.format(),
            width,
            height,
            AV_PIX_FMT_BGR24,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    if (scaler == null) return null;
    sws_scale(scaler, picture.data(), picture.linesize(), 0, picture.height(), planes, strides);
    BufferedImage image = converter.convert(bgr);
    jpeg.reset();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(jpeg)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), quality);
    } catch (IOException e) {
      throw new UncheckedIOException("JPEG encoding into memory failed", e);
    }
    return jpeg.toByteArray();
  }

  @Override
  public void close() {
    if (closed) return;
    closed = true;
    writer.dispose();
    converter.close();
    if (scaler != null) sws_freeContext(scaler);
    planes.close();
    strides.close();
    av_free(pixels);
  }
}
