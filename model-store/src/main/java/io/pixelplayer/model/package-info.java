/** Networks, training, evaluation and the model registry (DJL, engine-neutral API). */
package io.pixelplayer.model;
