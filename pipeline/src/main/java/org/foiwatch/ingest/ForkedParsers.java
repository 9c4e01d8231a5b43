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
  /** In this JVM's scratch directory: the parser JVMs' temporary directory. */
  private static final String PARSER_TMP = "tmp";
  private static String javaCommand;
  private static Path scratch;

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
      Path script = Files.createTempFile(scratchDirectory(), "java", ".sh",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(script, "#!/bin/sh\nexec " + shellQuoted(java) + " \"$@\" 2>>" + shellQuoted(stderrFile) + "\n");
      return script.toString();
    } catch (IOException | UnsupportedOperationException e) {
      return java; // no POSIX shell here: stderr stays where it is
    }
  }

  /**
   * This JVM's directory for what its parser JVMs leave on disk: their temporary files (Tika's
   * copies of attachments, page images rendered for OCR, Tesseract's output) and the stderr
   * script. A parser JVM that is stopped mid-parse (a timeout, a crash) cannot delete its own,
   * and they hold copies of input documents: here they go with this JVM, or, when it is killed
   * too, with the next run's {@link #deleteOrphans}.
   */
  static synchronized Path scratchDirectory() {
    if (scratch == null) {
      Path directory = ownedDirectory();
      try {
        Files.createDirectory(directory.resolve(PARSER_TMP));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot set up the parser JVMs' temporary directory", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory), "foiwatch-scratch-delete"));
      scratch = directory;
    }
    return scratch;
  }

  /** A new temporary directory naming this JVM as its owner, after deleting those of JVMs that are gone. */
  private static Path ownedDirectory() {
    try {
      deleteOrphans();
      Path directory = Files.createTempDirectory(DIRECTORY_PREFIX);
      Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up the forked Tika parser in a temporary directory", e);
    }
  }

  private static String shellQuoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /**
   * The forked JVM's heap, headless AWT, temporary directory (in {@link #scratchDirectory}), JIT
   * mode, silent logging, and class path: the jar this class came
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
        "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + scratchDirectory().resolve(PARSER_TMP)));
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
    Path directory = ownedDirectory();
    try {
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
   * Deletes the directories of parser pools and scratch directories whose JVM is gone: a killed
   * run cannot delete its own, and they hold copies of input documents.
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
   * {@code Runtime.halt}, which runs no shutdown hooks. The scratch directory stays until {@link
   * #deleteScratchDirectory}: workers still finishing a file may start a parser JVM with its script.
   */
  public static void stopAll() {
    POOLS.values().forEach(ForkedParsers::stop);
    POOLS.clear();
  }

  /**
   * Deletes this JVM's scratch directory, the stderr script with it, for a process about to halt
   * (which runs no shutdown hooks).
   */
  public static synchronized void deleteScratchDirectory() {
    if (scratch != null) {
      deleteTree(scratch);
    }
    scratch = null;
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
