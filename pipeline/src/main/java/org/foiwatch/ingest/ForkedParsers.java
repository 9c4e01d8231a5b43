package org.foiwatch.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.pipes.PipesConfig;
import org.apache.tika.pipes.PipesParser;
import org.apache.tika.pipes.PipesServer;

/**
 * The tika-pipes parsers of this JVM, one per configuration, shared by every {@link
 * TikaDocumentParser}. DoFn instances come and go (the DirectRunner sets one up per bundle),
 * while a forked parser JVM takes a second or more to start: sharing keeps at most one pool of
 * warm parser JVMs per worker JVM. They exit with this JVM (their input closes) or when idle.
 */
public final class ForkedParsers {

  /** A shared parser and the directory that holds its configuration and the files in flight. */
  record Pool(PipesParser parser, Path directory) {}

  /**
   * System property naming a file that the forked parser JVMs' stderr is appended to. Unset,
   * they write to this JVM's stderr (tika-pipes passes it on), where parser libraries would print
   * their stack traces to the terminal.
   */
  public static final String STDERR_FILE_PROPERTY = "foiwatch.parserStderrFile";

  private static final String DIRECTORY_PREFIX = "foiwatch-tika";
  /** In each pool's directory: the pid of the JVM that owns it. */
  private static final String OWNER_FILE = "owner.pid";

  private static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();
  private static String javaCommand;
  private static Path stderrScript;

  private ForkedParsers() {}

  /**
   * The command that starts a parser JVM: this JVM's java, or where {@link #STDERR_FILE_PROPERTY}
   * is set, a script that runs it with stderr appended to that file (tika-pipes offers no other
   * way to send a child's stderr elsewhere).
   */
  static synchronized String javaCommand() {
    if (javaCommand == null) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      String stderrFile = System.getProperty(STDERR_FILE_PROPERTY);
      javaCommand = stderrFile == null ? java : stderrScript(java, stderrFile);
    }
    return javaCommand;
  }

  private static String stderrScript(String java, String stderrFile) {
    try {
      Path script = Files.createTempFile("foiwatch-java", ".sh",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      script.toFile().deleteOnExit();
      Files.writeString(script, "#!/bin/sh\nexec " + shellQuoted(java) + " \"$@\" 2>>" + shellQuoted(stderrFile) + "\n");
      stderrScript = script;
      return script.toString();
    } catch (IOException | UnsupportedOperationException e) {
      return java; // no POSIX shell here: stderr stays where it is
    }
  }

  private static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * The forked JVM's heap, headless AWT, JIT mode, silent logging, and class path: the jar this class came
   * from when that jar also holds Tika (the shaded jar), as on a Flink TaskManager whose own class
   * path lacks our code; else the parent's class path (tests, scripts/run.sh, and integration
   * tests, which load our classes from the thin jar beside the dependency jars).
   */
  static List<String> jvmArgs(ParserLimits limits) {
    String classPath = System.getProperty("java.class.path");
    Path codeSource = codeSource(ForkedParsers.class);
    if (codeSource != null && Files.isRegularFile(codeSource) && codeSource.equals(codeSource(PipesServer.class))) {
      classPath = codeSource.toString();
    }
    List<String> args = new ArrayList<>(List.of("-Xmx" + limits.parseMemoryMb() + "m", "-Djava.awt.headless=true",
        "-XX:+UseSerialGC"));
    // The parser JVMs compile as their parent was told to (scripts/run.sh: C1 only, see there).
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(arg -> arg.startsWith("-XX:TieredStopAtLevel=") || arg.equals("-XX:-TieredCompilation"))
        .forEach(args::add);
    // Parser warnings stay out of the terminal: each failure is already on its document record.
    args.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=off", "-cp", classPath));
    return args;
  }

  /** The jar or directory a class was loaded from, or null when that cannot be known. */
  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  static Pool forConfig(String configXml) {
    return POOLS.computeIfAbsent(configXml, ForkedParsers::start);
  }

  private static Pool start(String configXml) {
    try {
      deleteOrphans();
      Path directory = Files.createTempDirectory(DIRECTORY_PREFIX);
      Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      Path config = Files.writeString(directory.resolve("tika-config.xml"), configXml);
      Pool pool = new Pool(new PipesParser(PipesConfig.load(config)), directory);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(pool), "foiwatch-tika-shutdown"));
      return pool;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the forked Tika parser in a temporary directory", e);
    } catch (TikaConfigException e) {
      throw new IllegalStateException("the generated tika-config is invalid", e);
    }
  }

  /**
   * Deletes the directories of parser pools whose JVM is gone: a killed run cannot delete its own,
   * and they hold copies of input documents.
   */
  private static void deleteOrphans() {
    try (var directories = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), DIRECTORY_PREFIX + "*")) {
      for (Path directory : directories) {
        Path owner = directory.resolve(OWNER_FILE);
        try {
          long pid = Long.parseLong(Files.readString(owner).trim());
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            continue;
          }
        } catch (IOException | NumberFormatException e) {
          continue; // not ours to judge: no owner recorded
        }
        deleteTree(directory);
      }
    } catch (IOException e) {
      // An unlistable temporary directory: nothing to tidy.
    }
  }

  /**
   * Stops every parser JVM and deletes their files now: for a process that ends with
   * {@code Runtime.halt}, which runs no shutdown hooks. The stderr script stays until {@link
   * #deleteStderrScript}: workers still finishing a file may start a parser JVM with it.
   */
  public static void stopAll() {
    POOLS.values().forEach(ForkedParsers::stop);
    POOLS.clear();
  }

  /** Deletes the stderr script, for a process about to halt (deleteOnExit covers System.exit). */
  public static synchronized void deleteStderrScript() {
    try {
      if (stderrScript != null) {
        Files.deleteIfExists(stderrScript);
      }
    } catch (IOException e) {
      // A script left in the temporary directory is harmless.
    }
    stderrScript = null;
    javaCommand = null;
  }

  private static void stop(Pool pool) {
    try {
      pool.parser().close();
    } catch (IOException e) {
      // The forked JVMs exit by themselves when their input closes.
    }
    deleteTree(pool.directory());
  }

  private static void deleteTree(Path directory) {
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
