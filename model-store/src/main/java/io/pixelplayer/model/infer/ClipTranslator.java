package io.pixelplayer.model.infer;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import io.pixelplayer.model.net.ModelConfig;
import io.pixelplayer.model.net.PixelPlayerNet;
import io.pixelplayer.udf.LogFrequencyWarp;
import io.pixelplayer.udf.Stft;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link ClipInput} to the analyser's arrays and back, as training prepares its batches: the
 * paper's STFT of the mixture, magnitudes warped to the model's log-frequency grid, {@code log(|X|
 * + ε)}; frames resized and centred with the ImageNet normalisation. Batches stack (all inputs of a
 * batch must have the same number of videos). Thread-safe.
 */
public final class ClipTranslator implements Translator<ClipInput, ClipAnalysis> {
  private final ModelConfig config;
  private final Stft stft = Stft.paper();
  private final LogFrequencyWarp warp;
  private final FrameImages images;

  public ClipTranslator(ModelConfig config) {
    this.config = config;
    this.warp = new LogFrequencyWarp(stft.bins(), config.logBins(), config.specFrames());
    this.images = new FrameImages(config.frameSize());
  }

  /** The warp between the STFT's linear grid and the model's (for turning masks into audio). */
  public LogFrequencyWarp warp() {
    return warp;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, ClipInput input) {
    return arrays(ctx.getNDManager(), input);
  }

  /**
   * The analyser's input for one clip, unbatched: {@code [1, F, T]}, then {@code [T', 3, S, S]} per
   * video.
   */
  NDList arrays(NDManager manager, ClipInput input) {
    int crop = config.cropSamples();
    if (input.mixture().length > crop) {
      throw new IllegalArgumentException(
          "mixture of " + input.mixture().length + " samples; the model takes at most " + crop);
    }
    float[] mixture =
        input.mixture().length == crop ? input.mixture() : Arrays.copyOf(input.mixture(), crop);
    float[] magnitude = warp.warp(stft.forward(mixture).magnitude());
    for (int i = 0; i < magnitude.length; i++) {
      magnitude[i] = PixelPlayerNet.logMagnitude(magnitude[i]);
    }
    NDList arrays =
        new NDList(manager.create(magnitude, new Shape(1, config.logBins(), config.specFrames())));
    for (int n = 0; n < input.videos().size(); n++) {
      List<byte[]> frames = input.videos().get(n);
      if (frames.size() != config.framesPerClip()) {
        throw new IllegalArgumentException(
            "video "
                + n
                + " has "
                + frames.size()
                + " frames; the model takes "
                + config.framesPerClip());
      }
      float[] values = new float[frames.size() * images.values()];
      for (int k = 0; k < frames.size(); k++) {
        images.loadCentred(frames.get(k), values, k * images.values());
      }
      arrays.add(
          manager.create(
              values, new Shape(frames.size(), 3, config.frameSize(), config.frameSize())));
    }
    return arrays;
  }

  @Override
  public ClipAnalysis processOutput(TranslatorContext ctx, NDList list) {
    if (list.size() % ClipAnalyser.PER_VIDEO != 0) {
      throw new IllegalStateException(
          "the analyser gave "
              + list.size()
              + " arrays, not "
              + ClipAnalyser.PER_VIDEO
              + " per video");
    }
    Shape map = list.get(3).getShape();
    List<ClipAnalysis.Video> videos = new ArrayList<>();
    for (int at = 0; at < list.size(); at += ClipAnalyser.PER_VIDEO) {
      videos.add(
          new ClipAnalysis.Video(
              list.get(at).toFloatArray(),
              list.get(at + 1).toFloatArray(),
              list.get(at + 2).toFloatArray(),
              list.get(at + 3).toFloatArray(),
              list.get(at + 4).toFloatArray()));
    }
    return new ClipAnalysis(
        config.logBins(), config.specFrames(), (int) map.get(0), (int) map.get(1), videos);
  }
}
