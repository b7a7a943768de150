package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ComposerTest {
  private static final double SECONDS = 10;
  private static final long[] SEEDS = LongStream.range(0, 8).toArray();

  static List<String> instruments() {
    return GmInstruments.names();
  }

  @ParameterizedTest
  @MethodSource("instruments")
  void theSameSeedWritesTheSameScoreAndAnotherSeedAnother(String instrument) {
    Score score = Composer.compose(instrument, SECONDS, 42);

    assertThat(Composer.compose(instrument, SECONDS, 42)).isEqualTo(score);
    assertThat(Composer.compose(instrument, SECONDS, 43).notes()).isNotEqualTo(score.notes());
    assertThat(score.instrument()).isEqualTo(instrument);
    assertThat(score.seconds()).isEqualTo(SECONDS);
  }

  @ParameterizedTest
  @MethodSource("instruments")
  void notesAreSortedInsideThePieceAndInsideTheRegister(String instrument) {
    GmInstrument gm = GmInstruments.byName(instrument);
    Set<Integer> drumKeys =
        gm.drumKeys().stream().map(GmInstrument.DrumKey::key).collect(Collectors.toSet());
    for (long seed : SEEDS) {
      List<Note> notes = Composer.compose(instrument, SECONDS, seed).notes();

      assertThat(notes).hasSizeGreaterThanOrEqualTo(5);
      assertThat(notes).isSortedAccordingTo(Comparator.comparingDouble(Note::onsetSeconds));
      assertThat(notes)
          .allSatisfy(
              note -> {
                assertThat(note.onsetSeconds()).isGreaterThanOrEqualTo(0).isLessThan(SECONDS);
                assertThat(note.onsetSeconds() + note.durationSeconds())
                    .isLessThanOrEqualTo(SECONDS + 1e-9);
                assertThat(note.key()).isBetween(gm.lowKey(), gm.highKey());
                if (gm.percussion()) assertThat(drumKeys).contains(note.key());
              });
    }
  }

  @ParameterizedTest
  @MethodSource("instruments")
  void piecesHaveRestsOfVaryingShare(String instrument) {
    List<Double> silentShares = new ArrayList<>();
    for (long seed : SEEDS) {
      Score score = Composer.compose(instrument, SECONDS, seed);
      // Rests long enough to see a still picture: no note sounds for at least a quarter of a
      // second.
      assertThat(longestGap(score)).as("longest rest, seed %d", seed).isGreaterThanOrEqualTo(0.25);
      silentShares.add(silentShare(score));
    }
    double mean = silentShares.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

    assertThat(silentShares).allSatisfy(share -> assertThat(share).isBetween(0.1, 0.85));
    assertThat(silentShares.stream().distinct().count()).isGreaterThan(4);
    if (!GmInstruments.byName(instrument).percussion()) assertThat(mean).isBetween(0.2, 0.5);
  }

  @ParameterizedTest
  @MethodSource("instruments")
  void dynamicsVary(String instrument) {
    Set<Integer> velocities =
        LongStream.of(7, 8, 9)
            .mapToObj(seed -> Composer.compose(instrument, SECONDS, seed).notes())
            .flatMap(List::stream)
            .map(Note::velocity)
            .collect(Collectors.toSet());

    if (instrument.equals("bagpipe")) {
      assertThat(velocities).as("a bagpipe cannot play louder or softer").hasSize(1);
    } else {
      assertThat(velocities).hasSizeGreaterThan(5);
    }
  }

  @ParameterizedTest
  @MethodSource("instruments")
  void onlyChordalInstrumentsPlaySeveralPitchesAtOnce(String instrument) {
    GmInstrument gm = GmInstruments.byName(instrument);
    int overlaps = 0;
    for (long seed : SEEDS)
      overlaps += overlappingPairs(Composer.compose(instrument, SECONDS, seed).notes());

    if (gm.chordal()) {
      assertThat(overlaps).isGreaterThan(0);
    } else if (!gm.percussion()) { // a kit hits several drums at once
      assertThat(overlaps).isZero();
    }
  }

  @Test
  void legatoAndStaccatoShowInNoteLengths() {
    // Sustained instruments hold notes for most of their slot, plucked and struck ones sometimes
    // clip them.
    double violin = meanGate("violin");
    double xylophone = meanGate("xylophone");

    assertThat(violin).isGreaterThan(xylophone);
  }

  @Test
  void aFasterStylePlaysMoreNotesInTheSameTime() {
    for (String instrument : List.of("violin", "drum")) {
      int slow = 0;
      int fast = 0;
      for (long seed : SEEDS) {
        slow +=
            Composer.compose(instrument, SECONDS, seed, new Composer.Style(0.7, 0)).notes().size();
        fast +=
            Composer.compose(instrument, SECONDS, seed, new Composer.Style(1.4, 0)).notes().size();
      }
      assertThat((double) fast / slow).as(instrument).isGreaterThan(1.4);
    }
    assertThat(Composer.compose("cello", SECONDS, 3, Composer.Style.NATURAL))
        .isEqualTo(Composer.compose("cello", SECONDS, 3));
    assertThatThrownBy(() -> new Composer.Style(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badArgumentsAreRefused() {
    assertThatThrownBy(() -> Composer.compose("kazoo", 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown instrument 'kazoo'");
    assertThatThrownBy(() -> Composer.compose("piano", 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0 s");
    assertThatThrownBy(() -> Composer.compose("piano", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Composer.compose("piano", Double.POSITIVE_INFINITY, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The share of the piece in which no note is held. */
  static double silentShare(Score score) {
    double covered = 0;
    double end = 0;
    for (Note note : score.notes()) {
      double from = Math.max(note.onsetSeconds(), end);
      double to = note.onsetSeconds() + note.durationSeconds();
      if (to > from) {
        covered += to - from;
        end = to;
      }
    }
    return 1 - covered / score.seconds();
  }

  private static double longestGap(Score score) {
    double longest = 0;
    double end = 0;
    for (Note note : score.notes()) {
      longest = Math.max(longest, note.onsetSeconds() - end);
      end = Math.max(end, note.onsetSeconds() + note.durationSeconds());
    }
    return Math.max(longest, score.seconds() - end);
  }

  private static int overlappingPairs(List<Note> notes) {
    int pairs = 0;
    for (int i = 0; i < notes.size(); i++) {
      Note a = notes.get(i);
      for (int j = i + 1;
          j < notes.size() && notes.get(j).onsetSeconds() < a.onsetSeconds() + a.durationSeconds();
          j++) {
        if (notes.get(j).key() != a.key()) pairs++;
      }
    }
    return pairs;
  }

  /** Mean of each note's length over the time to the next onset (the slot it could fill). */
  private static double meanGate(String instrument) {
    double sum = 0;
    int count = 0;
    for (long seed : SEEDS) {
      List<Note> notes = Composer.compose(instrument, SECONDS, seed).notes();
      for (int i = 0; i + 1 < notes.size(); i++) {
        double slot = notes.get(i + 1).onsetSeconds() - notes.get(i).onsetSeconds();
        if (slot > 0 && slot < 1) {
          sum += Math.min(1, notes.get(i).durationSeconds() / slot);
          count++;
        }
      }
    }
    return sum / count;
  }
}
