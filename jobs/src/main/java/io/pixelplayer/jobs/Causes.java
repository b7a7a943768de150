package io.pixelplayer.jobs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** An exception's chain of causes, walked once and safely: a chain may loop back on itself. */
public final class Causes {
  private Causes() {}

  /** {@code e}, its cause, that one's cause and so on, each once. */
  public static List<Throwable> chain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) chain.add(t);
    return chain;
  }

  /** The last cause of the chain: what went wrong first. */
  public static Throwable root(Throwable e) {
    List<Throwable> chain = chain(e);
    return chain.get(chain.size() - 1);
  }
}
