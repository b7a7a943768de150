/** Pure signal functions on arrays: no Spark, no DJL. */
package io.pixelplayer.udf;
