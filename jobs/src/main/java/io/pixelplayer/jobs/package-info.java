/** Spark jobs and the command line. */
package io.pixelplayer.jobs;
