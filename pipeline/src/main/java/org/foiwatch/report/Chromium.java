package org.foiwatch.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's {@code chromium}) for the report's screenshot: no sandbox (runs
 * as root in containers), no network services, a fresh profile each time.
 */
public final class Chromium {

  private static final long TIMEOUT_SECONDS = 90;

  private Chromium() {}

  /** The chromium executable on the PATH, or null. */
  public static Path find() {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "chromium");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Runs headless chromium with {@code arguments} on {@code page}; returns its standard output. */
  public static String run(Path chromium, Path page, String... arguments) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("foiwatch-chromium");
    Path stdout = profile.resolve("stdout");
    try {
      List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile));
      command.addAll(List.of(arguments));
      command.add(page.toUri().toString());
      Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException("chromium exited with status " + process.exitValue());
      }
      return Files.readString(stdout);
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** A full-width PNG of the page's top {@code height} pixels. */
  public static void screenshot(Path chromium, Path page, Path png, int height) throws IOException, InterruptedException {
    run(chromium, page, "--hide-scrollbars", "--window-size=1200," + height, "--screenshot=" + png.toAbsolutePath());
    if (!Files.isRegularFile(png)) {
      throw new IOException("chromium wrote no screenshot");
    }
  }
}
