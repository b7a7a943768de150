package io.pixelplayer.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.model.Instruments;
import io.pixelplayer.udf.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFinderTest {
  private static final int C = Instruments.ALL.size();
  private static final int CELLS = 4; // a 2 x 2 map
  private static final int SPEC = 2; // 1 bin x 2 frames

  /**
   * Cello on the left column, flute on the right; the clip is 60 % cello, 35 % flute, 5 % spread
   * over the rest.
   */
  private static ClipAnalysis duet() {
    int cello = Instruments.index("cello");
    int flute = Instruments.index("flute");
    float[] classes = new float[C];
    for (int c = 0; c < C; c++) classes[c] = 0.05f / (C - 2);
    classes[cello] = 0.6f;
    classes[flute] = 0.35f;
    float[] pixelClasses = new float[C * CELLS];
    for (int p = 0; p < CELLS; p++) {
      boolean left = p % 2 == 0;
      pixelClasses[cello * CELLS + p] = left ? 1f : 0f;
      pixelClasses[flute * CELLS + p] = left ? 0f : 1f;
    }
    float[] energy = {3f, 1f, 3f, 1f}; // the left column is louder
    float[] classMasks = new float[C * SPEC];
    classMasks[cello * SPEC] = 0.9f;
    classMasks[flute * SPEC + 1] = 0.8f;
    return new ClipAnalysis(
        1,
        2,
        2,
        2,
        List.of(
            new ClipAnalysis.Video(new float[SPEC], classes, pixelClasses, energy, classMasks)));
  }

  @Test
  void findsTheConfidentInstrumentsWithWhereTheirSoundIs() {
    List<SourceFinder.Source> sources =
        new SourceFinder(new SourceFinder.Settings(0.2, 3, 0.5)).find(duet(), 0);

    assertThat(sources)
        .extracting(SourceFinder.Source::instrument)
        .containsExactly("cello", "flute");
    assertThat(sources).extracting(SourceFinder.Source::index).containsExactly(0, 1);
    SourceFinder.Source cello = sources.get(0);
    assertThat(cello.confidence()).isCloseTo(0.6, within(1e-6));
    assertThat(cello.energyShare()).isCloseTo(0.75, within(1e-6));
    assertThat(cello.centroid().x()).isCloseTo(0.25, within(1e-6));
    assertThat(cello.centroid().y()).isCloseTo(0.5, within(1e-6));
    assertThat(cello.box()).isEqualTo(new Box(0, 0, 0.5, 1));
    assertThat(cello.mask()).containsExactly(0.9f, 0f);
    SourceFinder.Source flute = sources.get(1);
    assertThat(flute.energyShare()).isCloseTo(0.25, within(1e-6));
    assertThat(flute.box()).isEqualTo(new Box(0.5, 0, 1, 1));
    assertThat(flute.mask()).containsExactly(0f, 0.8f);
    assertThat(SourceFinder.soundMap(duet(), 0).total()).isCloseTo(8, within(1e-6));
  }

  @Test
  void keepsOnlyTheMostConfidentAboveTheThreshold() {
    assertThat(new SourceFinder(new SourceFinder.Settings(0.5, 3, 0.5)).find(duet(), 0))
        .extracting(SourceFinder.Source::instrument)
        .containsExactly("cello");
    assertThat(new SourceFinder(new SourceFinder.Settings(0.0, 1, 0.5)).find(duet(), 0))
        .extracting(SourceFinder.Source::instrument)
        .containsExactly("cello");
    assertThat(new SourceFinder(new SourceFinder.Settings(0.7, 3, 0.5)).find(duet(), 0)).isEmpty();
  }

  @Test
  void saysUpToWhichThresholdAnInstrumentIsStillASource() {
    ClipAnalysis duet = duet();
    SourceFinder two = new SourceFinder(new SourceFinder.Settings(0.2, 2, 0.5));
    int cello = Instruments.index("cello");
    int flute = Instruments.index("flute");
    int drum = Instruments.index("drum");

    assertThat(two.foundUpTo(duet, 0, cello)).isCloseTo(0.6, within(1e-6));
    assertThat(two.foundUpTo(duet, 0, flute)).isCloseTo(0.35, within(1e-6));
    // third most probable (after a tie broken to the lower class): no threshold finds it
    assertThat(two.foundUpTo(duet, 0, drum)).isEqualTo(-1);
    assertThat(SourceFinder.anyFoundUpTo(duet, 0)).isCloseTo(0.6, within(1e-6));
    // as find decides: the flute is a source up to its probability, not beyond
    for (double threshold : new double[] {0.3, 0.35, 0.36}) {
      boolean found =
          new SourceFinder(new SourceFinder.Settings(threshold, 2, 0.5))
              .find(duet, 0).stream().anyMatch(s -> s.classIndex() == flute);
      assertThat(found)
          .as("at %s", threshold)
          .isEqualTo(two.foundUpTo(duet, 0, flute) >= threshold);
    }
  }

  @Test
  void refusesSettingsOutOfRange() {
    assertThatThrownBy(() -> new SourceFinder.Settings(1.5, 3, 0.5))
        .hasMessageContaining("minimum confidence 1.5");
    assertThatThrownBy(() -> new SourceFinder.Settings(0.2, 0, 0.5))
        .hasMessageContaining("maximum sources 0");
    assertThatThrownBy(() -> new SourceFinder.Settings(0.2, 3, 0))
        .hasMessageContaining("box fraction 0.0");
  }
}
