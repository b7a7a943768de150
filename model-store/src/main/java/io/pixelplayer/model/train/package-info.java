/**
 * Mix-and-Separate training data: {@link io.pixelplayer.model.train.MixAndSeparate} turns clips of
 * the ingest job's training cache into network-ready batches, {@link
 * io.pixelplayer.model.train.BatchPrefetcher} builds them on a background thread while the trainer
 * computes.
 */
package io.pixelplayer.model.train;
