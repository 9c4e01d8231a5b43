package org.foiwatch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.options.Description;
import org.junit.jupiter.api.Test;

class HelpTest {

  private static String help(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Help.print(args, new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void foiwatchOptionsComeFirstThenTheRunnersAndBeamsOnlyOnRequest() {
    String help = help("--help");
    int runners = help.indexOf("Runner options");
    for (Method getter : FoiOptions.class.getMethods()) {
      if (getter.isAnnotationPresent(Description.class) && getter.getDeclaringClass().getName().startsWith("org.foiwatch.")) {
        String name = getter.getName().substring(3, 4).toLowerCase() + getter.getName().substring(4);
        int at = help.indexOf("\n  --" + name);
        assertTrue(at > 0 && at < runners, name + " is listed among foiwatch's options");
      }
    }
    assertTrue(help.contains("\n  --sourcePaths=relative\n") && help.contains("\n  --formats=jsonl,csv,parquet\n")
        && help.contains("\n  --ocr=auto\n"), help);
    for (String runnerOption : new String[] {"\n  --runner\n", "--flinkMaster=[auto]", "--parallelism=", "--objectReuse"}) {
      assertTrue(help.indexOf(runnerOption) > runners, runnerOption);
    }
    assertFalse(help.contains("--gbek"), "Beam's generic options wait for --help=all");
    assertTrue(help("--help=all").contains("--gbek"));
  }

  @Test
  void shortAndLongFormsAskForHelp() {
    assertTrue(Help.requested(new String[] {"-h"}) && Help.requested(new String[] {"--input=x", "--help"})
        && Help.requested(new String[] {"--help=all"}));
    assertFalse(Help.requested(new String[] {"--input=help"}));
  }
}
