package io.pixelplayer.jobs.synth;

import java.awt.Graphics2D;

/**
 * What fills the frame behind everything staged in a {@link Scene}: a still backdrop or moving
 * footage.
 */
@FunctionalInterface
interface Footage {
  /** Paints the whole frame at time t. */
  void paint(Graphics2D g, double t);
}
