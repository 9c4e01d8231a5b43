package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's analysis recipes, read from README.md itself, run against the {@code out/} of a
 * default run over samples/docs: every SQL statement in DuckDB (its JDBC driver) must return
 * rows, and the pandas recipe must run where pandas is installed.
 */
class ReadmeRecipesTest {

  private static final Path README = Path.of("..", "README.md");

  /** The folder the recipes run in: a default run's out/ inside it. */
  @TempDir static Path workspace;

  @BeforeAll
  static void defaultRun() {
    FoiOptions options = PipelineOptionsFactory.fromArgs("--input=../samples/docs",
        "--output=" + workspace.resolve("out")).as(FoiOptions.class);
    assertEquals(0, FoiPipeline.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
  }

  private static List<String> blocks(String language) throws Exception {
    Matcher block = Pattern.compile("(?s)```" + language + "\n(.*?)```").matcher(Files.readString(README));
    List<String> blocks = new ArrayList<>();
    while (block.find()) {
      blocks.add(block.group(1));
    }
    assertFalse(blocks.isEmpty(), "README.md has " + language + " recipes");
    return blocks;
  }

  @Test
  void everySqlRecipeReturnsRowsInDuckDb() throws Exception {
    List<String> statements = new ArrayList<>();
    for (String block : blocks("sql")) {
      for (String statement : block.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          // The recipes name out/ from the folder the user ran in; here that folder is the workspace.
          statements.add(statement.strip().replace("'out/", "'" + workspace.resolve("out") + "/"));
        }
      }
    }
    assertTrue(statements.size() >= 3, statements.toString());
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      for (String statement : statements) {
        try (ResultSet rows = sql.executeQuery(statement)) {
          assertTrue(rows.next(), "no rows from a default run: " + statement);
        }
      }
    }
  }

  @Test
  void thePandasRecipeRunsWherePandasIsInstalled() throws Exception {
    assumeTrue(new ProcessBuilder("python3", "-c", "import pandas, pyarrow").start().waitFor() == 0,
        "pandas and pyarrow are not installed: the pandas recipe is not run");
    for (String recipe : blocks("python")) {
      Process python = new ProcessBuilder("python3", "-c", recipe).directory(workspace.toFile())
          .redirectErrorStream(true).start();
      String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(python.waitFor(2, TimeUnit.MINUTES));
      assertEquals(0, python.exitValue(), printed);
      assertTrue(printed.contains("Hikvision"), printed);
    }
  }
}
