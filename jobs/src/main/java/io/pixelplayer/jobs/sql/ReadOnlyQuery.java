package io.pixelplayer.jobs.sql;

import io.pixelplayer.jobs.warehouse.Warehouse;
import io.pixelplayer.jobs.warehouse.WarehouseTables;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.spark.source.SparkTable;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.ExpressionWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry$;
import org.apache.spark.sql.catalyst.analysis.PlanWithUnresolvedIdentifier;
import org.apache.spark.sql.catalyst.analysis.RelationTimeTravel;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.analysis.UnresolvedGenerator;
import org.apache.spark.sql.catalyst.analysis.UnresolvedHaving;
import org.apache.spark.sql.catalyst.analysis.UnresolvedInlineTable;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.analysis.UnresolvedSubqueryColumnAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTVFAliases;
import org.apache.spark.sql.catalyst.analysis.UnresolvedTableValuedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.ExpressionInfo;
import org.apache.spark.sql.catalyst.expressions.PipeOperator;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.Aggregate;
import org.apache.spark.sql.catalyst.plans.logical.CTERelationRef;
import org.apache.spark.sql.catalyst.plans.logical.Distinct;
import org.apache.spark.sql.catalyst.plans.logical.Except;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.Generate;
import org.apache.spark.sql.catalyst.plans.logical.GlobalLimit;
import org.apache.spark.sql.catalyst.plans.logical.Intersect;
import org.apache.spark.sql.catalyst.plans.logical.Join;
import org.apache.spark.sql.catalyst.plans.logical.LateralJoin;
import org.apache.spark.sql.catalyst.plans.logical.LocalLimit;
import org.apache.spark.sql.catalyst.plans.logical.LocalRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Offset;
import org.apache.spark.sql.catalyst.plans.logical.OneRowRelation;
import org.apache.spark.sql.catalyst.plans.logical.Pivot;
import org.apache.spark.sql.catalyst.plans.logical.Project;
import org.apache.spark.sql.catalyst.plans.logical.Range;
import org.apache.spark.sql.catalyst.plans.logical.RepartitionByExpression;
import org.apache.spark.sql.catalyst.plans.logical.Sample;
import org.apache.spark.sql.catalyst.plans.logical.Sort;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.plans.logical.Unpivot;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedHint;
import org.apache.spark.sql.catalyst.plans.logical.UnresolvedWith;
import org.apache.spark.sql.catalyst.plans.logical.Window;
import org.apache.spark.sql.catalyst.plans.logical.WithWindowDefinition;
import org.apache.spark.sql.execution.CommandExecutionMode;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * What the {@code sql} verb lets through: one query over a warehouse's views, allowed by
 * construction. Before anything runs, the statement is parsed and every node of its plan
 * (subqueries, CTEs and lambdas included) must be one a query is made of, every relation one of
 * {@link Warehouse#VIEWS} (or a CTE of the query), every function one of Spark's pure built-ins or
 * one the session registered on top of them (PixelPlayer's). Then the plan is analysed, still
 * without running it, and must read nothing but the warehouse's files and rows given in the query.
 * Anything else is refused with an {@link IllegalArgumentException} saying what and why, in one
 * line.
 */
public final class ReadOnlyQuery {
  private static final String ALLOWED_FUNCTIONS =
      "only Spark's pure built-ins and PixelPlayer's functions";
  private static final String VARIABLE_SUBSTITUTION = "spark.sql.variable.substitute";

  /**
   * The parsed plan nodes a query consists of; relations, table functions and CTEs are checked on
   * their own.
   */
  private static final Set<Class<? extends LogicalPlan>> QUERY_NODES =
      Set.of(
          Project.class,
          Filter.class,
          Aggregate.class,
          UnresolvedHaving.class,
          Join.class,
          LateralJoin.class,
          Sort.class,
          GlobalLimit.class,
          LocalLimit.class,
          Offset.class,
          Union.class,
          Intersect.class,
          Except.class,
          Distinct.class,
          SubqueryAlias.class,
          UnresolvedSubqueryColumnAliases.class,
          UnresolvedTVFAliases.class,
          WithWindowDefinition.class,
          Window.class,
          Generate.class,
          Pivot.class,
          Unpivot.class,
          Sample.class,
          RepartitionByExpression.class,
          UnresolvedHint.class,
          PipeOperator.class,
          UnresolvedInlineTable.class,
          LocalRelation.class,
          OneRowRelation.class);

  /**
   * Spark's function groups (ExpressionInfo.getGroup) whose functions compute on their arguments
   * alone.
   */
  private static final Set<String> PURE_GROUPS =
      Set.of(
          "agg_funcs",
          "array_funcs",
          "bitwise_funcs",
          "collection_funcs",
          "conditional_funcs",
          "conversion_funcs",
          "csv_funcs",
          "datetime_funcs",
          "generator_funcs",
          "hash_funcs",
          "json_funcs",
          "lambda_funcs",
          "map_funcs",
          "math_funcs",
          "predicate_funcs",
          "string_funcs",
          "struct_funcs",
          "url_funcs",
          "variant_funcs",
          "window_funcs");

  // Left out: misc_funcs (java_method and reflect call any Java method, input_file_* name files,
  // current_user and
  // version read the environment, raise_error and assert_true fail on purpose) and xml_funcs (no
  // view holds XML, and
  // XML parsers are where external entities, files and URLs, get read).

  /** The functions of misc_funcs that are pure after all. */
  private static final Set<String> PURE_MISC =
      Set.of(
          "typeof", // names a value's SQL type
          "hll_sketch_estimate",
          "hll_union", // finish hll_sketch_agg's sketches
          "bitmap_bit_position",
          "bitmap_bucket_number",
          "bitmap_count"); // feed and finish bitmap_construct_agg

  /**
   * The table-valued function of numbers; the other table functions allowed are the generators
   * (explode, inline, stack, ...).
   */
  private static final String RANGE = "range";

  /** Every built-in function's name, with its expression class and group. */
  private static final Map<String, ExpressionInfo> BUILTINS = builtins();

  private static final Set<String> PURE_BUILTINS = pureBuiltins();

  /**
   * Expression classes of built-ins outside the allow-list, by one of their names: the parser and
   * analyser make some directly.
   */
  private static final Map<String, String> REFUSED_CLASSES = refusedClasses();

  private final Path root;
  private final Set<String> functions;

  private ReadOnlyQuery(SparkSession spark, Warehouse warehouse) {
    this.root = new Path(warehouse.uri());
    this.functions = new HashSet<>(PURE_BUILTINS);
    // The session's own functions: those PixelPlayer registered (a query cannot add any, CREATE
    // FUNCTION is a command).
    for (FunctionIdentifier id :
        CollectionConverters.asJava(spark.sessionState().functionRegistry().listFunction())) {
      String name = lower(id.funcName());
      if (id.database().isEmpty() && !BUILTINS.containsKey(name)) functions.add(name);
    }
  }

  /**
   * The rows of {@code text}, refused unless it is one read-only query over {@code warehouse}'s
   * views (registered in {@code spark} by {@link Warehouse#registerViews}), or over its tables as
   * of a snapshot ({@code VERSION AS OF}, {@code TIMESTAMP AS OF}), calling only allowed functions.
   * Runs nothing: the text is parsed and analysed, and the rows come when the caller asks. Turns
   * off {@code ${...}} substitution in {@code spark}, for the query's run too: the parser would
   * splice environment variables ({@code ${env:AWS_SECRET_ACCESS_KEY}}), system properties and
   * settings into the text.
   */
  public static Dataset<Row> prepare(SparkSession spark, Warehouse warehouse, String text) {
    spark.conf().set(VARIABLE_SUBSTITUTION, false);
    ReadOnlyQuery query = new ReadOnlyQuery(spark, warehouse);
    LogicalPlan parsed;
    try {
      parsed = spark.sessionState().sqlParser().parsePlan(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("not valid SQL: " + e.getMessage(), e);
    }
    query.requireQuery(parsed, Set.copyOf(Warehouse.VIEWS));
    // A view has no versions: time travel reads the warehouse's table of that name.
    LogicalPlan plan = parsed.transformUpWithSubqueries(query.inWarehouseCatalog(spark, warehouse));
    LogicalPlan analysed;
    try {
      // SKIP: commands in the plan are analysed, not executed (there are none: the belt to
      // requireQuery's braces).
      analysed = spark.sessionState().executePlan(plan, CommandExecutionMode.SKIP()).analyzed();
    } catch (Exception e) {
      if (!(e instanceof AnalysisException)) throw e;
      throw new IllegalArgumentException("not a valid query: " + e.getMessage(), e);
    }
    query.requireWarehouseReads(analysed);
    return org.apache.spark.sql.classic.Dataset.ofRows(
        (org.apache.spark.sql.classic.SparkSession) spark, plan);
  }

  /** Points time travel's one-part table names at the warehouse's Iceberg catalog. */
  private scala.PartialFunction<LogicalPlan, LogicalPlan> inWarehouseCatalog(
      SparkSession spark, Warehouse warehouse) {
    return new scala.runtime.AbstractPartialFunction<>() {
      @Override
      public boolean isDefinedAt(LogicalPlan node) {
        return node instanceof RelationTimeTravel travel
            && travel.relation() instanceof UnresolvedRelation;
      }

      @Override
      public LogicalPlan apply(LogicalPlan node) {
        RelationTimeTravel travel = (RelationTimeTravel) node;
        UnresolvedRelation relation = (UnresolvedRelation) travel.relation();
        String table = lower(relation.multipartIdentifier().head());
        return travel.copy(
            new UnresolvedRelation(
                CollectionConverters.asScala(warehouse.sparkTableParts(spark, table)).toSeq(),
                relation.options(),
                relation.isStreaming()),
            travel.timestamp(),
            travel.version());
      }
    };
  }

  /**
   * Checks a parsed plan; {@code readable} holds the lower-case names of the views and of the CTEs
   * in scope.
   */
  private void requireQuery(LogicalPlan node, Set<String> readable) {
    if (node instanceof UnresolvedRelation relation) {
      requireReadable(relation, readable);
    } else if (node instanceof RelationTimeTravel travel) {
      requireTimeTravel(travel, readable);
    } else if (node instanceof UnresolvedTableValuedFunction call) {
      requireTableFunction(CollectionConverters.asJava(call.name()));
    } else if (node instanceof PlanWithUnresolvedIdentifier) {
      throw identifierClause();
    } else if (!(node instanceof UnresolvedWith) && !QUERY_NODES.contains(node.getClass())) {
      throw new IllegalArgumentException(
          "only a read-only query may run (SELECT, FROM, WITH, VALUES, TABLE), no commands; got "
              + node.nodeName().replace("$", ""));
    }
    for (Expression expression : CollectionConverters.asJava(node.expressions())) {
      requireExpression(expression, readable);
    }
    if (node instanceof UnresolvedWith with) {
      // Each CTE sees the ones before it; the query sees them all.
      Set<String> scope = new HashSet<>(readable);
      for (Tuple2<String, SubqueryAlias> cte : CollectionConverters.asJava(with.cteRelations())) {
        requireQuery(cte._2(), scope);
        scope.add(lower(cte._1()));
      }
      requireQuery(with.child(), scope);
    } else {
      for (LogicalPlan child : CollectionConverters.asJava(node.children()))
        requireQuery(child, readable);
    }
  }

  /** Time travel reads one of the warehouse's tables (not the run log, nor a CTE) as it was. */
  private void requireTimeTravel(RelationTimeTravel travel, Set<String> readable) {
    List<String> name =
        travel.relation() instanceof UnresolvedRelation relation
            ? CollectionConverters.asJava(relation.multipartIdentifier())
            : List.of();
    if (name.size() != 1 || !WarehouseTables.ALL.contains(lower(name.get(0)))) {
      throw new IllegalArgumentException(
          "time travel (VERSION AS OF, TIMESTAMP AS OF) reads only the warehouse's tables ("
              + String.join(", ", WarehouseTables.ALL)
              + "); got "
              + travel.relation().simpleString(100));
    }
    if (travel.timestamp().isDefined()) requireExpression(travel.timestamp().get(), readable);
  }

  private static void requireReadable(UnresolvedRelation relation, Set<String> readable) {
    List<String> name = CollectionConverters.asJava(relation.multipartIdentifier());
    if (name.size() != 1 || !readable.contains(lower(name.get(0)))) {
      throw new IllegalArgumentException(onlyViews() + "; got " + relation.tableName());
    }
  }

  private void requireTableFunction(List<String> name) {
    if (!(name.size() == 1 && lower(name.get(0)).equals(RANGE))) requireFunction(name);
  }

  private void requireExpression(Expression expression, Set<String> readable) {
    if (expression instanceof UnresolvedFunction call) {
      requireFunction(CollectionConverters.asJava(call.nameParts()));
    } else if (expression instanceof UnresolvedGenerator generator) {
      requireFunction(CollectionConverters.asJava(generator.name().nameParts()));
    } else if (expression instanceof ExpressionWithUnresolvedIdentifier) {
      throw identifierClause();
    } else if (expression instanceof SubqueryExpression subquery) {
      requireQuery(subquery.plan(), readable);
    } else {
      requireAllowedClass(expression);
    }
    for (Expression child : CollectionConverters.asJava(expression.children()))
      requireExpression(child, readable);
  }

  private void requireFunction(List<String> name) {
    if (name.size() != 1 || !functions.contains(lower(name.get(0)))) {
      throw refusedFunction(String.join(".", name));
    }
  }

  /**
   * Refuses an expression that is a refused built-in itself: CURRENT_USER, say, which the parser
   * makes without a call.
   */
  private static void requireAllowedClass(Expression expression) {
    String name = REFUSED_CLASSES.get(expression.getClass().getName());
    if (name != null) throw refusedFunction(name);
  }

  /**
   * Checks an analysed plan: every leaf reads one of the warehouse's Iceberg tables (a view's
   * snapshot) or rows the query or the run log gives (local rows, one row, a range, a CTE's rows),
   * and no expression is a refused built-in.
   */
  private void requireWarehouseReads(LogicalPlan analysed) {
    analysed.foreachWithSubqueries(
        node -> {
          if (node.children().isEmpty() && !readsWarehouse(node)) {
            throw new IllegalArgumentException(onlyViews() + "; got " + describe(node));
          }
          for (Expression expression : CollectionConverters.asJava(node.expressions())) {
            expression.foreach(
                e -> {
                  requireAllowedClass(e);
                  return BoxedUnit.UNIT;
                });
          }
          return BoxedUnit.UNIT;
        });
  }

  private boolean readsWarehouse(LogicalPlan leaf) {
    if (leaf instanceof LocalRelation
        || leaf instanceof OneRowRelation
        || leaf instanceof Range
        || leaf instanceof CTERelationRef) {
      return true;
    }
    Path table = icebergTable(leaf);
    return table != null
        && root.equals(table.getParent())
        && WarehouseTables.ALL.contains(table.getName());
  }

  /** Where the Iceberg table a leaf reads lies, or null when it reads no Iceberg table. */
  private static Path icebergTable(LogicalPlan leaf) {
    return leaf instanceof DataSourceV2Relation relation
            && relation.table() instanceof SparkTable iceberg
        ? new Path(iceberg.table().location())
        : null;
  }

  /** A leaf as a user would name it: the files it reads, or what it is. */
  private static String describe(LogicalPlan leaf) {
    if (leaf instanceof LogicalRelation logical
        && logical.relation() instanceof HadoopFsRelation files) {
      return String.join(
          ", ",
          CollectionConverters.asJava(files.location().rootPaths()).stream()
              .map(Path::toString)
              .toList());
    }
    Path table = icebergTable(leaf);
    return table != null ? table.toString() : leaf.nodeName();
  }

  private static String onlyViews() {
    return "only the warehouse's views may be read (" + String.join(", ", Warehouse.VIEWS) + ")";
  }

  private static IllegalArgumentException refusedFunction(String name) {
    return new IllegalArgumentException(
        "function " + name + " is not allowed (" + ALLOWED_FUNCTIONS + ")");
  }

  private static IllegalArgumentException identifierClause() {
    return new IllegalArgumentException(
        "IDENTIFIER(...) is not allowed: name views and functions directly");
  }

  private static Map<String, ExpressionInfo> builtins() {
    FunctionRegistry registry = FunctionRegistry$.MODULE$.builtin();
    Map<String, ExpressionInfo> builtins = new HashMap<>();
    for (FunctionIdentifier id : CollectionConverters.asJava(registry.listFunction())) {
      builtins.put(lower(id.funcName()), registry.lookupFunction(id).get());
    }
    return builtins;
  }

  private static Set<String> pureBuiltins() {
    Set<String> pure = new HashSet<>(PURE_MISC);
    BUILTINS.forEach(
        (name, info) -> {
          if (PURE_GROUPS.contains(info.getGroup())) pure.add(name);
        });
    return Set.copyOf(pure);
  }

  private static Map<String, String> refusedClasses() {
    Set<String> allowed = new HashSet<>();
    PURE_BUILTINS.forEach(name -> allowed.add(BUILTINS.get(name).getClassName()));
    Map<String, String> refused = new HashMap<>();
    new TreeSet<>(BUILTINS.keySet())
        .forEach(
            name -> {
              String className = BUILTINS.get(name).getClassName();
              if (!allowed.contains(className)) refused.putIfAbsent(className, name);
            });
    return Map.copyOf(refused);
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
