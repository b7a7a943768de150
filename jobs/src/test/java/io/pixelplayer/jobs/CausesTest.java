package io.pixelplayer.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class CausesTest {
  @Test
  void theChainRunsFromTheExceptionToItsRootCause() {
    ConnectException refused = new ConnectException("Connection refused");
    IOException open = new IOException("open s3a://b/k", refused);
    RuntimeException task = new RuntimeException("task failed", open);

    assertThat(Causes.chain(task)).containsExactly(task, open, refused);
    assertThat(Causes.root(task)).isSameAs(refused);
    assertThat(Causes.root(refused)).isSameAs(refused);
  }

  @Test
  void aChainThatLoopsBackIsWalkedOnce() {
    IOException first = new IOException("first");
    IOException second = new IOException("second", first);
    first.initCause(second);

    assertThat(Causes.chain(first)).containsExactly(first, second);
    assertThat(Causes.root(first)).isSameAs(second);
  }
}
