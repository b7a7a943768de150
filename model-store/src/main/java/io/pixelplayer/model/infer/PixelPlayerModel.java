package io.pixelplayer.model.infer;

import ai.djl.Device;
import ai.djl.ModelException;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import io.pixelplayer.model.net.ModelConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A trained PixelPlayer loaded for inference through DJL's {@link Criteria} and {@link ZooModel}:
 * the folder training writes ({@value #CONFIG} + {@code pixelplayer-0000.params}) becomes a {@link
 * ClipAnalyser} with a {@link ClipTranslator}. Thread-safe: share one per JVM and give each thread
 * its own {@link #newPredictor()} (closed after use); close the model last.
 */
public final class PixelPlayerModel implements AutoCloseable {
  /** File name prefix of the weights: {@code pixelplayer-0000.params}. */
  /** The model folder: the networks' shape, and the weights named after the model. */
  public static final String CONFIG = "model-config.json";

  public static final String NAME = "pixelplayer";

  /** The weights file training writes. */
  public static final String PARAMS = NAME + "-0000.params";

  private final ZooModel<ClipInput, ClipAnalysis> model;
  private final ModelConfig config;
  private final ClipTranslator translator;
  private final String version;
  private final Path dir;

  private PixelPlayerModel(
      ZooModel<ClipInput, ClipAnalysis> model,
      ModelConfig config,
      ClipTranslator translator,
      String version,
      Path dir) {
    this.model = model;
    this.config = config;
    this.translator = translator;
    this.version = version;
    this.dir = dir;
  }

  /**
   * Loads the model in {@code dir} onto {@code device}.
   *
   * @throws IllegalArgumentException with a one-line reason when the folder holds no model
   */
  public static PixelPlayerModel load(Path dir, Device device) throws IOException {
    Path configFile = dir.resolve(CONFIG);
    Path params = dir.resolve(PARAMS);
    if (!Files.isRegularFile(configFile) || !Files.isRegularFile(params)) {
      throw new IllegalArgumentException(
          "no trained model in " + dir + " (needs " + CONFIG + " and " + PARAMS + ")");
    }
    ModelConfig config = ModelConfig.fromJson(Files.readString(configFile));
    ClipTranslator translator = new ClipTranslator(config);
    Criteria<ClipInput, ClipAnalysis> criteria =
        Criteria.builder()
            .setTypes(ClipInput.class, ClipAnalysis.class)
            .optModelPath(dir)
            .optModelName(NAME)
            .optEngine("PyTorch")
            .optDevice(device)
            .optBlock(ClipAnalyser.of(config))
            .optTranslator(translator)
            .build();
    try {
      return new PixelPlayerModel(criteria.loadModel(), config, translator, version(params), dir);
    } catch (ModelException e) {
      throw new IllegalArgumentException(
          "cannot load the model in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code pixelplayer-} and the first 12 hex digits of the weights' SHA-256: changes whenever the
   * weights do.
   */
  public static String version(Path params) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(params), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return NAME + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }

  /** A predictor for one thread; close it when done. */
  public Predictor<ClipInput, ClipAnalysis> newPredictor() {
    return model.newPredictor();
  }

  public ModelConfig config() {
    return config;
  }

  public ClipTranslator translator() {
    return translator;
  }

  public String version() {
    return version;
  }

  public Path dir() {
    return dir;
  }

  public Device device() {
    return model.getNDManager().getDevice();
  }

  @Override
  public void close() {
    model.close();
  }
}
