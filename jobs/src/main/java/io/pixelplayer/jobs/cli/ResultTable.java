package io.pixelplayer.jobs.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Rows a verb prints: an aligned text table, or one JSON array of objects. */
final class ResultTable {
  private ResultTable() {}

  static void print(StructType schema, List<Row> rows, boolean json, PrintWriter out) {
    if (json) {
      JsonArray array = new JsonArray();
      for (Row row : rows) {
        JsonObject object = new JsonObject();
        StructField[] fields = schema.fields();
        for (int i = 0; i < fields.length; i++) object.add(fields[i].name(), json(row.get(i)));
        array.add(object);
      }
      out.println(new GsonBuilder().serializeNulls().create().toJson(array));
    } else {
      text(schema, rows, out);
    }
    out.flush();
  }

  private static void text(StructType schema, List<Row> rows, PrintWriter out) {
    String[] names = schema.fieldNames();
    List<String[]> cells = new ArrayList<>();
    int[] widths = new int[names.length];
    for (int i = 0; i < names.length; i++) widths[i] = names[i].length();
    for (Row row : rows) {
      String[] line = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        line[i] = text(row.get(i));
        widths[i] = Math.max(widths[i], line[i].length());
      }
      cells.add(line);
    }
    out.println(line(names, widths));
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < widths.length; i++)
      rule.append(i == 0 ? "" : "  ").append("-".repeat(widths[i]));
    out.println(rule);
    for (String[] line : cells) out.println(line(line, widths));
    out.printf("(%d row%s)%n", rows.size(), rows.size() == 1 ? "" : "s");
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) line.append("  ");
      line.append(
          i == cells.length - 1 ? cells[i] : String.format("%-" + widths[i] + "s", cells[i]));
    }
    return line.toString();
  }

  private static String text(Object value) {
    if (value == null) return "NULL";
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? String.format(Locale.ROOT, "%.1f", d)
          : String.format(Locale.ROOT, "%.4f", d);
    }
    if (value instanceof Seq<?> seq) {
      List<?> items = CollectionConverters.asJava(seq);
      return items.size() > 8 ? "[" + items.size() + " values]" : items.toString();
    }
    if (value instanceof byte[] bytes) return "<" + bytes.length + " bytes>";
    return String.valueOf(value);
  }

  private static JsonElement json(Object value) {
    if (value == null) return JsonNull.INSTANCE;
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? new JsonPrimitive(n) : JsonNull.INSTANCE;
    }
    if (value instanceof Boolean b) return new JsonPrimitive(b);
    if (value instanceof Seq<?> seq) {
      JsonArray array = new JsonArray();
      CollectionConverters.asJava(seq).forEach(v -> array.add(json(v)));
      return array;
    }
    if (value instanceof Row row) {
      JsonObject object = new JsonObject();
      StructField[] fields = row.schema().fields();
      for (int i = 0; i < fields.length; i++) object.add(fields[i].name(), json(row.get(i)));
      return object;
    }
    if (value instanceof byte[] bytes)
      return new JsonPrimitive(java.util.Base64.getEncoder().encodeToString(bytes));
    return new JsonPrimitive(String.valueOf(value));
  }
}
