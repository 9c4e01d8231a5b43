package org.foiwatch;

import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * {@code --help} and {@code -h}: foiwatch's own options first, then the few runner options a
 * user needs (DirectRunner, FlinkRunner), each with its default and description as declared on
 * its options interface. {@code --help=all} adds Beam's full list of generic options.
 */
final class Help {

  private static final int WIDTH = 100;
  /** The runner options worth knowing, by the interface that declares them. */
  private static final List<Option> RUNNER_OPTIONS = List.of(
      new Option(PipelineOptions.class, "runner"),
      new Option(DirectOptions.class, "targetParallelism"),
      new Option(FlinkPipelineOptions.class, "flinkMaster"),
      new Option(FlinkPipelineOptions.class, "parallelism"),
      new Option(FlinkPipelineOptions.class, "objectReuse"),
      new Option(FlinkPipelineOptions.class, "filesToStage"));

  private record Option(Class<?> declaredBy, String name) {}

  private Help() {}

  static boolean requested(String[] args) {
    return Arrays.stream(args).anyMatch(arg -> arg.equals("-h") || arg.equals("--help") || arg.startsWith("--help="));
  }

  static void print(String[] args, PrintStream out) {
    out.println("Usage: scripts/run.sh [--option=value ...]   (--input, --output and --ocrCacheDir are read from");
    out.println("       the current directory; the defaults run samples/docs into out/)");
    out.println();
    out.println("foiwatch options:");
    RunSettings.foiwatchGetters().stream().sorted(Comparator.comparing(Help::optionName)).forEach(m -> describe(m, out));
    out.println();
    out.println("Runner options (DirectRunner, the default; FlinkRunner, embedded or on a cluster with --flinkMaster):");
    for (Option option : RUNNER_OPTIONS) {
      Arrays.stream(option.declaredBy().getMethods()).filter(m -> m.isAnnotationPresent(Description.class)
          && optionName(m).equals(option.name())).findFirst().ifPresent(m -> describe(m, out));
    }
    out.println();
    if (Arrays.asList(args).contains("--help=all")) {
      out.println("All options, Beam's generic ones included:");
      PipelineOptionsFactory.printHelp(out, FoiOptions.class);
      PipelineOptionsFactory.printHelp(out, FlinkPipelineOptions.class);
    } else {
      out.println("Beam's generic options: --help=all. Details: README.md, \"Options\".");
    }
  }

  private static String optionName(Method getter) {
    String name = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static void describe(Method getter, PrintStream out) {
    String value = defaultValue(getter);
    out.println("  --" + optionName(getter) + (value == null ? "" : "=" + value));
    StringBuilder line = new StringBuilder("      ");
    for (String word : getter.getAnnotation(Description.class).value().split("\\s+")) {
      if (line.length() + word.length() + 1 > WIDTH && line.length() > 6) {
        out.println(line);
        line.setLength(0);
        line.append("      ");
      }
      line.append(line.length() > 6 ? " " : "").append(word);
    }
    out.println(line);
  }

  /** The value of the getter's {@code @Default.X} annotation, or null when it has none. */
  private static String defaultValue(Method getter) {
    for (Annotation annotation : getter.getAnnotations()) {
      if (annotation instanceof Default.InstanceFactory factory) {
        // foiwatch's factories give a fixed value (a list); a runner's computes its own from the machine.
        return getter.getDeclaringClass().getPackageName().startsWith(FoiOptions.class.getPackageName())
            ? RunSettings.text(fixedDefault(factory)) : null;
      }
      if (annotation instanceof Default.Enum constant && getter.getReturnType().isEnum()) {
        return enumConstant(getter.getReturnType(), constant.value()).toString(); // as the command line spells it
      }
      if (annotation.annotationType().getEnclosingClass() == Default.class) {
        try {
          Object value = annotation.annotationType().getMethod("value").invoke(annotation);
          return value instanceof Class<?> type ? type.getSimpleName() : String.valueOf(value);
        } catch (ReflectiveOperationException e) {
          return null;
        }
      }
    }
    return null;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Enum<?> enumConstant(Class<?> type, String name) {
    return Enum.valueOf((Class) type, name);
  }

  private static Object fixedDefault(Default.InstanceFactory factory) {
    try {
      return factory.value().getDeclaredConstructor().newInstance().create(PipelineOptionsFactory.create());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("default of " + factory.value().getName() + " cannot be made", e);
    }
  }
}
