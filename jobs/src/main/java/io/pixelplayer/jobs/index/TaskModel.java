package io.pixelplayer.jobs.index;

import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.spark.TaskDevice;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.udf.LogFrequencyWarp;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * The model as one index task uses it: opened on the executor when the task's first batch comes,
 * closed when the task ends.
 */
interface TaskModel extends AutoCloseable {
  /** Frames per clip the model looks at. */
  int framesPerClip();

  /** The frequency warp of the model's masks, to separate stems with. */
  LogFrequencyWarp warp();

  /** One analysis per clip, in order; throws when the model cannot analyse the batch. */
  List<ClipAnalysis> analyse(List<ClipInput> clips) throws Exception;

  @Override
  void close();

  /** Where a task's model comes from: travels to the executors with the task. */
  interface Source extends Serializable {
    TaskModel open(Configuration hadoop) throws IOException;
  }

  /**
   * The executor's shared copy of the model in {@code uri} ({@link ExecutorModels}), with a
   * predictor of the task's own.
   */
  static Source shared(String uri, String version, String device) {
    return hadoop -> {
      ExecutorModels.Lease lease =
          ExecutorModels.acquire(uri, version, TaskDevice.resolve(device), hadoop);
      var predictor = lease.model().newPredictor();
      return new TaskModel() {
        @Override
        public int framesPerClip() {
          return lease.model().config().framesPerClip();
        }

        @Override
        public LogFrequencyWarp warp() {
          return lease.model().translator().warp();
        }

        @Override
        public List<ClipAnalysis> analyse(List<ClipInput> clips) throws Exception {
          return predictor.batchPredict(clips);
        }

        @Override
        public void close() {
          predictor.close();
          lease.close();
        }
      };
    };
  }
}
