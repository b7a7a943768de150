package io.pixelplayer.jobs.synth;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Random;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Patch;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;

/**
 * The three things the JDK's software synthesizer (Gervill, {@code com.sun.media.sound}) can do
 * beyond {@code javax.sound.midi}: render into a stream with no sound card ({@code
 * AudioSynthesizer.openStream}), tell a drum kit from a melodic preset of the same program ({@code
 * ModelPatch.isPercussion}), and build its own General MIDI soundbank by code ({@code
 * EmergencySoundbank}, what Gervill plays when it finds no SoundFont).
 *
 * <p>Reached by reflection, because javac refuses {@code --add-exports} for a system module under
 * {@code --release}, which the build uses. At run time the package must still be exported to the
 * caller: {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}, as in {@code
 * conf/jvm.options}.
 */
final class Gervill {

  private static final String PACKAGE = "com.sun.media.sound";
  private static final Class<?> AUDIO_SYNTHESIZER = type("AudioSynthesizer");
  private static final Method OPEN_STREAM =
      method(AUDIO_SYNTHESIZER, "openStream", AudioFormat.class, Map.class);
  private static final Class<?> MODEL_PATCH = type("ModelPatch");
  private static final Method IS_PERCUSSION = method(MODEL_PATCH, "isPercussion");
  private static final Method CREATE_BUILT_IN_SOUNDBANK =
      method(type("EmergencySoundbank"), "createSoundbank");
  private static final long BUILT_IN_BANK_SEED = 1;

  private Gervill() {}

  /**
   * Opens {@code synthesizer} onto a stream of {@code format} that renders as fast as it is read.
   *
   * @param settings Gervill's properties by name (see {@code AudioSynthesizer.getPropertyInfo})
   */
  static AudioInputStream openStream(
      Synthesizer synthesizer, AudioFormat format, Map<String, Object> settings)
      throws MidiUnavailableException {
    if (!AUDIO_SYNTHESIZER.isInstance(synthesizer)) {
      throw new IllegalStateException(
          "the MIDI synthesizer "
              + synthesizer.getClass().getName()
              + " is not the JDK's own ("
              + PACKAGE
              + ".SoftSynthesizer) and cannot render offline");
    }
    try {
      return (AudioInputStream) OPEN_STREAM.invoke(synthesizer, format, settings);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof MidiUnavailableException unavailable) throw unavailable;
      throw new IllegalStateException(
          "the JDK synthesizer failed to open: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw notExported(e);
    }
  }

  /** Whether a SoundFont preset's patch is a drum kit (SoundFont bank 128). */
  static boolean isPercussion(Patch patch) {
    if (!MODEL_PATCH.isInstance(patch)) return false;
    try {
      return (Boolean) IS_PERCUSSION.invoke(patch);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "ModelPatch.isPercussion failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw notExported(e);
    }
  }

  /**
   * The JDK's own General MIDI soundbank, synthesised by code (no file; about 0.3-0.5 s). Asked for
   * directly: {@code Synthesizer.getDefaultSoundbank()} would prefer a SoundFont it finds on the
   * machine (on Debian the {@code default-GM.sf2} alternative), so what it returns depends on what
   * is installed.
   *
   * <p>The bank gives its partials random phases from {@link Math#random()}, so two banks sound
   * measurably different (renders of one score differed by -0.4 to 3.5 dB). To make it the same
   * bank in every run, the generator behind {@code Math.random()} is seeded first (reached with
   * {@code --add-opens java.base/java.lang}, as in {@code conf/jvm.options}); call this before
   * other threads render.
   */
  static synchronized Soundbank builtInSoundbank() {
    mathRandom().setSeed(BUILT_IN_BANK_SEED);
    try {
      return (Soundbank) CREATE_BUILT_IN_SOUNDBANK.invoke(null);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "the JDK's built-in soundbank failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw notExported(e);
    }
  }

  private static Random mathRandom() {
    try {
      Field generator =
          Class.forName("java.lang.Math$RandomNumberGeneratorHolder")
              .getDeclaredField("randomNumberGenerator");
      generator.setAccessible(true);
      return (Random) generator.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot seed Math.random() for the JDK's built-in soundbank: run java with "
              + "--add-opens java.base/java.lang=ALL-UNNAMED (see conf/jvm.options)",
          e);
    }
  }

  private static IllegalStateException notExported(IllegalAccessException e) {
    return new IllegalStateException(
        "the JDK synthesizer is not reachable: run java with --add-exports "
            + "java.desktop/"
            + PACKAGE
            + "=ALL-UNNAMED (see conf/jvm.options)",
        e);
  }

  private static Class<?> type(String name) {
    try {
      return Class.forName(PACKAGE + "." + name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("this JDK has no " + PACKAGE + "." + name + " (Gervill)", e);
    }
  }

  private static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      return type.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "this JDK's " + type.getName() + " has no " + name + " method", e);
    }
  }
}
