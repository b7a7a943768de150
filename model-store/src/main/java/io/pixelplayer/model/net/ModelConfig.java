package io.pixelplayer.model.net;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.udf.Stft;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sizes of the PixelPlayer networks: everything needed to rebuild the same blocks, so that a
 * {@code .params} file plus this (in the model manifest, as {@link #toJson()}) reloads a model.
 *
 * <p>Settings are addressed by the keys below (the jobs read them as {@code
 * pixelplayer.model.<key>}). Every instance is valid: the constructor checks the sizes against each
 * other and names the bad value. Channel counts (K, the two widths) must be multiples of {@value
 * #CHANNEL_MULTIPLE} (see {@link #CHANNEL_MULTIPLE}).
 *
 * @param channels K, the number of visual and audio feature channels the synthesizer mixes (paper
 *     32)
 * @param frameSize side of the square video frames fed to the video net (paper 224)
 * @param videoWidth channels of the video net's first stage; stage i has {@code videoWidth * 2^i}
 *     (paper 64)
 * @param videoStages residual blocks per stage of the video net (ResNet-18: 2,2,2,2)
 * @param videoStride output stride of the video net; later stages dilate instead of striding (paper
 *     16: 224 → 14)
 * @param unetDepth down (and up) levels of the audio U-Net (paper 7)
 * @param unetChannels channels of the U-Net's outermost level, doubling per level up to 8× (paper
 *     ngf 64)
 * @param unetMaxChannels the most channels any U-Net level has (paper 512, i.e. no cap below 8×
 *     ngf): a wide outermost level without the innermost levels growing with it
 * @param logBins log-frequency bins of the input spectrogram (paper 256)
 * @param specFrames STFT frames of the input spectrogram (paper 256)
 * @param framesPerClip video frames per clip, max-pooled over time by the video net (paper 3)
 * @param classes instrument classes of the recognition head (MUSIC-21: 21)
 */
public record ModelConfig(
    int channels,
    int frameSize,
    int videoWidth,
    List<Integer> videoStages,
    int videoStride,
    int unetDepth,
    int unetChannels,
    int unetMaxChannels,
    int logBins,
    int specFrames,
    int framesPerClip,
    int classes) {

  public static final String CHANNELS = "channels";
  public static final String FRAME_SIZE = "frameSize";
  public static final String VIDEO_WIDTH = "videoWidth";

  /** Comma-separated, e.g. {@code 2,2,2,2}. */
  public static final String VIDEO_STAGES = "videoStages";

  public static final String VIDEO_STRIDE = "videoStride";
  public static final String UNET_DEPTH = "unetDepth";
  public static final String UNET_CHANNELS = "unetChannels";
  public static final String UNET_MAX_CHANNELS = "unetMaxChannels";
  public static final String LOG_BINS = "logBins";
  public static final String SPEC_FRAMES = "specFrames";
  public static final String FRAMES_PER_CLIP = "framesPerClip";
  public static final String CLASSES = "classes";

  /** Every key, in the order {@link #toMap()} writes them. */
  public static final List<String> KEYS =
      List.of(
          CHANNELS,
          FRAME_SIZE,
          VIDEO_WIDTH,
          VIDEO_STAGES,
          VIDEO_STRIDE,
          UNET_DEPTH,
          UNET_CHANNELS,
          UNET_MAX_CHANNELS,
          LOG_BINS,
          SPEC_FRAMES,
          FRAMES_PER_CLIP,
          CLASSES);

  /**
   * Feature channel counts must be multiples of this. oneDNN 3.7 (in PyTorch 2.7.1, DJL's CPU
   * engine) computes wrong, run-to-run varying, sometimes NaN input gradients for x86 convolutions
   * whose input channels it pads to its 16-wide blocks; with multiples of 16 the gradients match
   * float64 (see PixelPlayerNetTest).
   */
  public static final int CHANNEL_MULTIPLE = 16;

  /** The U-Net's levels double their channels up to this many times the outermost level's. */
  public static final int UNET_MAX_WIDENING = 8;

  // A sanity bound: depth d needs spectrogram sides that are multiples of 2^d.
  static final int MAX_UNET_DEPTH = 12;
  // The stem (stride-2 conv, stride-2 max-pool) alone gives stride 4.
  static final int STEM_STRIDE = 4;

  public ModelConfig {
    positive(CHANNELS, channels);
    positive(FRAME_SIZE, frameSize);
    positive(VIDEO_WIDTH, videoWidth);
    positive(UNET_CHANNELS, unetChannels);
    positive(LOG_BINS, logBins);
    positive(SPEC_FRAMES, specFrames);
    positive(FRAMES_PER_CLIP, framesPerClip);
    positive(CLASSES, classes);
    channelMultiple(CHANNELS, channels);
    channelMultiple(VIDEO_WIDTH, videoWidth);
    channelMultiple(UNET_CHANNELS, unetChannels);
    channelMultiple(UNET_MAX_CHANNELS, unetMaxChannels);
    if (unetMaxChannels < unetChannels) {
      throw new IllegalArgumentException(
          UNET_MAX_CHANNELS
              + " "
              + unetMaxChannels
              + " is below "
              + UNET_CHANNELS
              + " "
              + unetChannels);
    }
    if (videoStages == null || videoStages.isEmpty()) {
      throw new IllegalArgumentException(VIDEO_STAGES + " must list at least one stage");
    }
    videoStages = List.copyOf(videoStages);
    for (int blocks : videoStages) {
      if (blocks < 1) {
        throw new IllegalArgumentException(
            VIDEO_STAGES + " " + joined(videoStages) + ": every stage needs at least one block");
      }
    }
    int maxStride = STEM_STRIDE << (videoStages.size() - 1);
    if (Integer.bitCount(videoStride) != 1
        || videoStride < STEM_STRIDE
        || videoStride > maxStride) {
      throw new IllegalArgumentException(
          VIDEO_STRIDE
              + " "
              + videoStride
              + " must be a power of two from "
              + STEM_STRIDE
              + " to "
              + maxStride
              + " ("
              + videoStages.size()
              + " stages)");
    }
    if (frameSize % videoStride != 0) {
      throw new IllegalArgumentException(
          FRAME_SIZE
              + " "
              + frameSize
              + " is not divisible by "
              + VIDEO_STRIDE
              + " "
              + videoStride);
    }
    if (unetDepth < 2 || unetDepth > MAX_UNET_DEPTH) {
      throw new IllegalArgumentException(
          UNET_DEPTH + " " + unetDepth + " must be from 2 to " + MAX_UNET_DEPTH);
    }
    int reduction = 1 << unetDepth;
    if (logBins % reduction != 0) {
      throw new IllegalArgumentException(
          LOG_BINS + " " + logBins + " is not divisible by 2^" + UNET_DEPTH + " = " + reduction);
    }
    if (specFrames % reduction != 0) {
      throw new IllegalArgumentException(
          SPEC_FRAMES
              + " "
              + specFrames
              + " is not divisible by 2^"
              + UNET_DEPTH
              + " = "
              + reduction);
    }
  }

  /**
   * The paper's networks: ResNet-18 dilated on 224² frames, U-Net 7 with ngf 64 on 256×256, K = 32.
   */
  public static ModelConfig paper() {
    return new ModelConfig(
        32, 224, 64, List.of(2, 2, 2, 2), 16, 7, 64, 512, 256, 256, 3, Instruments.ALL.size());
  }

  /**
   * The paper's architecture at half scale for CPU training: 112² frames (7×7 feature map),
   * ResNet-18 at half width (32), U-Net 6 with ngf 32 on 128×128 (innermost 2×2, as the paper's
   * U-Net 7 on 256×256), K = 32; 8.2 M parameters. A training step of batch 8 × 2 videos (Adam)
   * took 1.0-1.3 s on 2 cores.
   */
  public static ModelConfig cpu() {
    return new ModelConfig(
        32, 112, 32, List.of(2, 2, 2, 2), 16, 6, 32, 256, 128, 128, 3, Instruments.ALL.size());
  }

  public static Builder builder() {
    return new Builder(paper());
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Whether {@code other}'s networks have exactly this one's parameters (names and shapes), so that
   * the weights of one load into the other: all settings alike but the video net's output stride,
   * which only turns strides into dilations (as SoP's dilated ResNet takes the strided one's
   * weights).
   */
  public boolean sameWeightsAs(ModelConfig other) {
    return other != null && toBuilder().videoStride(other.videoStride).build().equals(other);
  }

  /**
   * Audio samples (at 11025 Hz) of one input: the longest that gives {@code specFrames} STFT
   * frames.
   */
  public int cropSamples() {
    return specFrames * Stft.PAPER_HOP_LENGTH - 1;
  }

  /** Channels of U-Net level {@code level} (0 is the outermost). */
  public int unetWidth(int level) {
    return Math.min(unetChannels * Math.min(1 << level, UNET_MAX_WIDENING), unetMaxChannels);
  }

  /**
   * Whether this config's networks are {@code narrower}'s with a U-Net as wide or wider at every
   * level (all else alike but the video stride, as in {@link #sameWeightsAs}), so that its weights
   * can be widened into these networks ({@link PixelPlayerNet#widenFrom}).
   */
  public boolean widens(ModelConfig narrower) {
    if (narrower == null
        || !toBuilder()
            .unetChannels(narrower.unetChannels)
            .unetMaxChannels(narrower.unetMaxChannels)
            .build()
            .sameWeightsAs(narrower)) {
      return false;
    }
    for (int level = 0; level < unetDepth; level++) {
      if (unetWidth(level) < narrower.unetWidth(level)) {
        return false;
      }
    }
    return true;
  }

  /** Side of the video net's square feature map: {@code frameSize / videoStride}. */
  public int featureSize() {
    return frameSize / videoStride;
  }

  /** Every setting as text, keyed by {@link #KEYS}. */
  public Map<String, String> toMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(CHANNELS, Integer.toString(channels));
    map.put(FRAME_SIZE, Integer.toString(frameSize));
    map.put(VIDEO_WIDTH, Integer.toString(videoWidth));
    map.put(VIDEO_STAGES, joined(videoStages));
    map.put(VIDEO_STRIDE, Integer.toString(videoStride));
    map.put(UNET_DEPTH, Integer.toString(unetDepth));
    map.put(UNET_CHANNELS, Integer.toString(unetChannels));
    map.put(UNET_MAX_CHANNELS, Integer.toString(unetMaxChannels));
    map.put(LOG_BINS, Integer.toString(logBins));
    map.put(SPEC_FRAMES, Integer.toString(specFrames));
    map.put(FRAMES_PER_CLIP, Integer.toString(framesPerClip));
    map.put(CLASSES, Integer.toString(classes));
    return map;
  }

  /**
   * A config from a map holding every key of {@link #KEYS} and nothing else (as {@link #toMap()}
   * writes), except that {@link #UNET_MAX_CHANNELS} may be absent (configs written before it): it
   * is then {@value #UNET_MAX_WIDENING} × {@link #UNET_CHANNELS}, the widths those configs meant.
   */
  public static ModelConfig fromMap(Map<String, String> settings) {
    Set<String> missing = new TreeSet<>(KEYS);
    missing.removeAll(settings.keySet());
    missing.remove(UNET_MAX_CHANNELS);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("model config lacks " + String.join(", ", missing));
    }
    Builder builder = paper().toBuilder();
    settings.forEach(builder::set);
    if (!settings.containsKey(UNET_MAX_CHANNELS)) {
      builder.unetMaxChannels(UNET_MAX_WIDENING * builder.unetChannels);
    }
    return builder.build();
  }

  /**
   * This config with the given keys replaced; unknown keys are an error, absent keys keep their
   * value.
   */
  public ModelConfig withOverrides(Map<String, String> settings) {
    Builder builder = toBuilder();
    settings.forEach(builder::set);
    return builder.build();
  }

  /** One JSON object with a number per setting and an array for {@link #VIDEO_STAGES}. */
  public String toJson() {
    JsonObject json = new JsonObject();
    toMap()
        .forEach(
            (key, value) -> {
              if (key.equals(VIDEO_STAGES)) {
                JsonArray stages = new JsonArray();
                videoStages.forEach(stages::add);
                json.add(key, stages);
              } else {
                json.addProperty(key, Integer.parseInt(value));
              }
            });
    return json.toString();
  }

  /** The config {@link #toJson()} wrote; every key is required. */
  public static ModelConfig fromJson(String text) {
    JsonObject json;
    try {
      json = JsonParser.parseString(text).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      throw new IllegalArgumentException("model config is not a JSON object: " + text, e);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
      JsonElement value = entry.getValue();
      if (value.isJsonArray()) {
        List<String> items = new ArrayList<>();
        value.getAsJsonArray().forEach(item -> items.add(item.getAsString()));
        settings.put(entry.getKey(), String.join(",", items));
      } else {
        settings.put(entry.getKey(), value.getAsString());
      }
    }
    return fromMap(settings);
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(key + " " + value + " must be positive");
    }
  }

  private static void channelMultiple(String key, int value) {
    if (value % CHANNEL_MULTIPLE != 0) {
      throw new IllegalArgumentException(
          key
              + " "
              + value
              + " is not a multiple of "
              + CHANNEL_MULTIPLE
              + " (the CPU engine computes wrong convolution gradients for other channel counts)");
    }
  }

  private static String joined(List<Integer> values) {
    return String.join(",", values.stream().map(String::valueOf).toList());
  }

  /**
   * Starts from a valid config; {@link #build()} checks the result and leaves the builder
   * unchanged.
   */
  public static final class Builder {
    private int channels;
    private int frameSize;
    private int videoWidth;
    private List<Integer> videoStages;
    private int videoStride;
    private int unetDepth;
    private int unetChannels;
    private int unetMaxChannels;
    private int logBins;
    private int specFrames;
    private int framesPerClip;
    private int classes;

    private Builder(ModelConfig base) {
      channels = base.channels;
      frameSize = base.frameSize;
      videoWidth = base.videoWidth;
      videoStages = base.videoStages;
      videoStride = base.videoStride;
      unetDepth = base.unetDepth;
      unetChannels = base.unetChannels;
      unetMaxChannels = base.unetMaxChannels;
      logBins = base.logBins;
      specFrames = base.specFrames;
      framesPerClip = base.framesPerClip;
      classes = base.classes;
    }

    public Builder channels(int value) {
      channels = value;
      return this;
    }

    public Builder frameSize(int value) {
      frameSize = value;
      return this;
    }

    public Builder videoWidth(int value) {
      videoWidth = value;
      return this;
    }

    public Builder videoStages(List<Integer> value) {
      videoStages = value;
      return this;
    }

    public Builder videoStride(int value) {
      videoStride = value;
      return this;
    }

    public Builder unetDepth(int value) {
      unetDepth = value;
      return this;
    }

    public Builder unetChannels(int value) {
      unetChannels = value;
      return this;
    }

    public Builder unetMaxChannels(int value) {
      unetMaxChannels = value;
      return this;
    }

    /** Sets both sides of the (square) input spectrogram. */
    public Builder spectrogram(int bins, int frames) {
      logBins = bins;
      specFrames = frames;
      return this;
    }

    public Builder framesPerClip(int value) {
      framesPerClip = value;
      return this;
    }

    public Builder classes(int value) {
      classes = value;
      return this;
    }

    /** Sets one setting by its key (one of {@link #KEYS}) from text. */
    public Builder set(String key, String value) {
      switch (key) {
        case CHANNELS -> channels = parse(key, value);
        case FRAME_SIZE -> frameSize = parse(key, value);
        case VIDEO_WIDTH -> videoWidth = parse(key, value);
        case VIDEO_STAGES -> videoStages = parseList(key, value);
        case VIDEO_STRIDE -> videoStride = parse(key, value);
        case UNET_DEPTH -> unetDepth = parse(key, value);
        case UNET_CHANNELS -> unetChannels = parse(key, value);
        case UNET_MAX_CHANNELS -> unetMaxChannels = parse(key, value);
        case LOG_BINS -> logBins = parse(key, value);
        case SPEC_FRAMES -> specFrames = parse(key, value);
        case FRAMES_PER_CLIP -> framesPerClip = parse(key, value);
        case CLASSES -> classes = parse(key, value);
        default ->
            throw new IllegalArgumentException(
                "unknown model setting '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
      return this;
    }

    public ModelConfig build() {
      return new ModelConfig(
          channels,
          frameSize,
          videoWidth,
          videoStages,
          videoStride,
          unetDepth,
          unetChannels,
          unetMaxChannels,
          logBins,
          specFrames,
          framesPerClip,
          classes);
    }

    private static int parse(String key, String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " '" + value + "' is not an integer", e);
      }
    }

    private static List<Integer> parseList(String key, String value) {
      List<Integer> values = new ArrayList<>();
      for (String item : value.split(",", -1)) {
        values.add(parse(key, item));
      }
      return values;
    }
  }
}
