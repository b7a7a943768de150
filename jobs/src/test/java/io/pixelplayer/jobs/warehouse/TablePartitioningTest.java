package io.pixelplayer.jobs.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.util.List;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Schema;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.junit.jupiter.api.Test;

class TablePartitioningTest {
  private static List<String> fields(TablePartitioning partitioning, String table) {
    Schema schema = SparkSchemaUtil.convert(WarehouseTables.schema(table));
    return partitioning.spec(table, schema).fields().stream()
        .map(PartitionField::transform)
        .map(t -> t.toString())
        .toList();
  }

  @Test
  void partitionsEachTableByWhatItsSchemeNames() {
    TablePartitioning both = new TablePartitioning("instrument+uri-bucket", 8);
    assertThat(fields(both, WarehouseTables.SOURCES)).containsExactly("identity");
    assertThat(fields(both, WarehouseTables.CLIPS)).containsExactly("bucket[8]");
    assertThat(fields(both, WarehouseTables.PIXEL_MAPS)).containsExactly("bucket[8]");
    assertThat(fields(both, WarehouseTables.VIDEOS)).isEmpty();
    assertThat(fields(both, WarehouseTables.FAILURES)).isEmpty();

    TablePartitioning buckets = new TablePartitioning("URI-bucket", 4);
    assertThat(fields(buckets, WarehouseTables.SOURCES)).containsExactly("bucket[4]");
    assertThat(fields(new TablePartitioning("instrument", 4), WarehouseTables.CLIPS)).isEmpty();
    for (String table : WarehouseTables.ALL) {
      assertThat(fields(new TablePartitioning("none", 4), table)).isEmpty();
    }
  }

  @Test
  void theDefaultIsTheDocumentedSetting() {
    assertThat(TablePartitioning.from(PixelPlayerConf.defaults()))
        .isEqualTo(TablePartitioning.DEFAULT);
  }

  @Test
  void refusesAnUnknownSchemeOrBucketCountInOneLine() {
    assertThatThrownBy(() -> new TablePartitioning("by-colour", 4))
        .hasMessage(
            "setting pixelplayer.warehouse.partitioning=by-colour must be one of none, instrument,"
                + " uri-bucket, instrument+uri-bucket");
    assertThatThrownBy(() -> new TablePartitioning("none", 0))
        .hasMessage("setting pixelplayer.warehouse.partitionBuckets=0 must be >= 1");
  }
}
