package io.pixelplayer.jobs.train;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.train.MixAndSeparate;
import io.pixelplayer.model.train.MixAndSeparateTraining;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The model's shape and the training recipe, from the {@code pixelplayer.model.*} and {@code
 * pixelplayer.train.*} settings.
 */
public record TrainingSetup(
    ModelConfig model,
    MixAndSeparate.Settings batches,
    int duetsPerStep,
    int mosaicsPerStep,
    double nonMusicShare,
    MixAndSeparateTraining.Settings training) {
  public static final String MODEL = "pixelplayer.model.";
  public static final String TRAIN = "pixelplayer.train.";

  /** cpu or paper: the networks' sizes, which the pixelplayer.model.* keys override one by one. */
  public static final String SCALE = MODEL + "scale";

  /**
   * @param steps overrides {@code pixelplayer.train.steps} when not null
   * @param batch overrides {@code pixelplayer.train.batch} when not null
   * @param mix overrides {@code pixelplayer.train.sourcesPerMix} when not null
   */
  public static TrainingSetup from(
      PixelPlayerConf conf, Integer steps, Integer batch, Integer mix) {
    String scale = conf.getString(SCALE);
    ModelConfig base =
        switch (scale) {
          case "cpu" -> ModelConfig.cpu();
          case "paper" -> ModelConfig.paper();
          default ->
              throw new IllegalArgumentException(
                  "setting " + SCALE + "=" + scale + " is neither cpu nor paper");
        };
    // The model keys a user may set are those conf/pixelplayer.properties documents, which are the
    // only ones settings hold (the class count comes from the instrument vocabulary, the video
    // net's stages from the scale).
    Set<String> settable = conf.under(MODEL).keySet();
    Map<String, String> overrides = new HashMap<>();
    for (String key : ModelConfig.KEYS) {
      if (!settable.contains(MODEL + key)) continue;
      String value = conf.getString(MODEL + key);
      if (!value.isEmpty()) {
        overrides.put(key, value);
      }
    }
    ModelConfig model = base.withOverrides(overrides);
    // The batches must have the shape the networks take: the crop gives specFrames STFT frames.
    MixAndSeparate.Settings batches =
        new MixAndSeparate.Settings(
            mix != null ? mix : conf.getInt(TRAIN + "sourcesPerMix"),
            model.cropSamples(),
            model.logBins(),
            model.framesPerClip(),
            model.frameSize(),
            conf.getDouble(TRAIN + "gainDb"),
            false,
            true,
            conf.getDouble(TRAIN + "colourDb"),
            conf.getDouble(TRAIN + "frameHueDegrees"),
            conf.getDouble(TRAIN + "frameTurnDegrees"));
    MixAndSeparateTraining.Settings training =
        new MixAndSeparateTraining.Settings(
            steps != null ? steps : conf.getInt(TRAIN + "steps"),
            batch != null ? batch : conf.getInt(TRAIN + "batch"),
            (float) conf.getDouble(TRAIN + "learningRate"),
            conf.getInt(TRAIN + "warmupSteps"),
            (float) conf.getDouble(TRAIN + "maxGradNorm"),
            (float) conf.getDouble(TRAIN + "classLossWeight"),
            (float) conf.getDouble(TRAIN + "mosaicMaskWeight"),
            conf.getLong(TRAIN + "seed"),
            conf.getDouble(TRAIN + "checkpointMinutes") * 60);
    return new TrainingSetup(
        model,
        batches,
        conf.getInt(TRAIN + "duetsPerStep"),
        conf.getInt(TRAIN + "mosaicsPerStep"),
        conf.getDouble(TRAIN + "nonMusicShare"),
        training);
  }
}
