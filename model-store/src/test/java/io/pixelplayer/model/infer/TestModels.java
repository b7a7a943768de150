package io.pixelplayer.model.infer;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Untrained models saved as training saves them, and frames to show them. */
public final class TestModels {
  /**
   * Every part present, at the narrowest widths allowed and tiny inputs: a 4 x 4 feature map, 3
   * classes.
   */
  public static final ModelConfig TINY =
      ModelConfig.builder()
          .channels(16)
          .frameSize(32)
          .videoWidth(16)
          .videoStages(List.of(1, 1, 1, 1))
          .videoStride(8)
          .unetDepth(3)
          .unetChannels(16)
          .spectrogram(16, 16)
          .framesPerClip(2)
          .classes(3)
          .build();

  private TestModels() {}

  /**
   * A randomly initialised {@code config} network in {@code dir}, as {@code train} would leave it.
   */
  public static void saveRandom(ModelConfig config, Path dir) throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(PixelPlayerModel.CONFIG), config.toJson());
    PixelPlayerNet net = PixelPlayerNet.of(config);
    try (Model model = Model.newInstance(PixelPlayerModel.NAME)) {
      model.setBlock(net);
      net.initialize(model.getNDManager(), DataType.FLOAT32, net.inputShapes(1, 2));
      model.setProperty("Epoch", "0");
      model.save(dir, PixelPlayerModel.NAME);
    }
  }

  /** A 40x30 JPEG of {@code colour} with a white square near the top left. */
  public static byte[] jpeg(Color colour) throws Exception {
    return encode(picture(colour, false, false), "jpg");
  }

  /**
   * A 40x30 picture of {@code colour} with a white square near the top left, or its mirror image
   * (near the top right), or either upside down (near the bottom).
   */
  public static BufferedImage picture(Color colour, boolean mirrored, boolean upsideDown) {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = image.createGraphics();
    g.setColor(colour);
    g.fillRect(0, 0, 40, 30);
    g.setColor(Color.WHITE);
    g.fillRect(mirrored ? 25 : 5, upsideDown ? 15 : 5, 10, 10);
    g.dispose();
    return image;
  }

  public static byte[] encode(BufferedImage image, String format) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
