package io.pixelplayer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstrumentsTest {

  @Test
  void twentyOneSortedUniqueNames() {
    assertThat(Instruments.ALL).hasSize(21).isSorted().doesNotHaveDuplicates();
    assertThat(Instruments.index("accordion")).isZero();
    assertThat(Instruments.index("xylophone")).isEqualTo(20);
  }

  @Test
  void unknownNamesAreAllNamed() {
    assertThatThrownBy(() -> Instruments.index("kazoo"))
        .hasMessageStartingWith("unknown instrument 'kazoo' (known: accordion,");
    assertThatThrownBy(() -> Instruments.checked(List.of("cello", "kazoo", "theremin")))
        .hasMessageStartingWith("unknown instrument(s) kazoo, theremin (known:");
    assertThat(Instruments.checked(List.of("cello", "violin", "cello")))
        .containsExactly("cello", "violin");
  }
}
