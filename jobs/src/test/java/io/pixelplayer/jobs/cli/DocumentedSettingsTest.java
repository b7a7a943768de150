package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.index.IndexSettings;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.spark.SparkSessions;
import io.pixelplayer.jobs.synth.SynthSettings;
import io.pixelplayer.jobs.train.TrainingSetup;
import io.pixelplayer.jobs.warehouse.TablePartitioning;
import io.pixelplayer.jobs.warehouse.WarehouseCatalog;
import io.pixelplayer.model.net.ModelConfig;
import org.junit.jupiter.api.Test;

/**
 * Every key documented in conf/pixelplayer.properties is read by the settings of some job: none is
 * a dead letter.
 */
class DocumentedSettingsTest {

  @Test
  void theSettingsOfAllJobsReadEveryDocumentedKey() {
    PixelPlayerConf conf = PixelPlayerConf.defaults();

    IngestSettings.from(conf);
    IndexSettings.from(conf, ModelConfig.cpu());
    ModelSettings.from(conf);
    SynthSettings.from(conf);
    TrainingSetup.from(conf, null, null, null);
    SparkSessions.sparkConf(conf, null);
    WarehouseCatalog.from(conf);
    TablePartitioning.from(conf);
    // Read where their verbs run, by these names.
    conf.getDouble(JobProgress.INTERVAL_SECONDS);
    conf.getLong(EvaluateCommand.SEED);
    conf.getInt(EvaluateCommand.BATCH);
    conf.getLocation(DemoCommand.INPUT);
    conf.getDouble(MaintainCommand.KEEP_DAYS);
    conf.getInt(MaintainCommand.KEEP_SNAPSHOTS);

    assertThat(conf.keysRead())
        .containsExactlyInAnyOrderElementsOf(PixelPlayerConf.documentedKeys());
  }
}
