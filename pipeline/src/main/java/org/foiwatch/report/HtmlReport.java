package org.foiwatch.report;

import static org.foiwatch.markup.Markup.escape;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.foiwatch.markup.Markup;
import org.foiwatch.records.SourcePaths;
import org.foiwatch.records.Unread;
import org.foiwatch.sinks.RunOutput;
import org.foiwatch.sinks.WrittenRecords;

/**
 * {@code report.html}: one self-contained page (inline CSS and a few lines of inline script that
 * sort and filter the tables; nothing fetched) with the headline figures, the vendor shares,
 * restricted kit per authority, the authorities and their outcomes, every response with its
 * date and exemptions, the documents that could not be read and why, in plain words, and for
 * every figure the mentions it rests on (file, attachment, page, snippet). Built from the
 * written records, so it shows exactly what the files hold; the same records give the same bytes.
 * The page's frame, style and script are templates next to this class ({@code page-start.html},
 * {@code page-end.html}); the sections between them are written here, every text through
 * {@link Markup#escape}.
 */
public final class HtmlReport {

  /** Characters gathered before they go to the file: the page of a national run is never one string in memory. */
  private static final int SPILL_CHARS = 1 << 16;
  /** Tall enough for the headline, both charts and the start of the authorities table. */
  private static final int SCREENSHOT_HEIGHT = 1600;

  /** What each status means, for a reader (the closed set of schemas/document.avsc). */
  private static final Map<String, String> STATUS_WORDS = Map.ofEntries(
      Map.entry("empty", "no text found"),
      Map.entry("encrypted", "protected by a password"),
      Map.entry("corrupt", "damaged, cut short, or not what its type says"),
      Map.entry("unsupported", "a format foiwatch cannot read"),
      Map.entry("skipped", "not read: not a regular file inside the input folder"),
      Map.entry("too_large", "too large to read (--maxFileBytes)"),
      Map.entry("timeout", "took too long to read (--parseTimeoutSeconds)"),
      Map.entry("oom", "needed more memory than allowed (--parseMemoryMb)"),
      Map.entry("crashed", "the reader stopped unexpectedly"));
  /** A Java class name in an error ("org.apache.tika.exception.TikaException: ", "IOException"), which readers need not see. */
  private static final Pattern JAVA_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*:?\\s*|\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b:?\\s*");
  private static final String NO_AUTHORITY = "(no authority found)";

  private final SourcePaths paths;
  /** The report's folder once published, where it is local: links to the input files are relative to it. */
  private final Path directory;
  /** Where the run's records are read from (the run's staging directory). */
  private final String recordsDirectory;
  private final List<JsonNode> summary;
  private final int inputFiles;
  private final int authorities;
  private int textlessImages;
  private final List<JsonNode> failedDocuments = new ArrayList<>();
  private final Map<String, Passage> passagesById = new HashMap<>();
  private final StringBuilder html = new StringBuilder();
  private Writer out;

  /** What the provenance tables show of a cited mention; far smaller than its JSON tree. */
  private record Passage(String source, String attachment, int page, String sheet, String model, String quantity,
      String snippet) {

    static Passage of(JsonNode mention) {
      return new Passage(mention.get("source").asText(), text(mention.get("attachment")), mention.get("page").asInt(),
          text(mention.get("sheet")), text(mention.get("model")), text(mention.get("quantity")), mention.get("snippet").asText());
    }
  }

  /** Reads the records one at a time, keeping only what the page shows: a national run's need not fit in memory. */
  private HtmlReport(String recordsDirectory, String reportDirectory, SourcePaths paths) throws IOException {
    this.paths = paths;
    this.directory = isLocal(reportDirectory) ? Path.of(reportDirectory.replaceFirst("^file://", "")).toAbsolutePath() : null;
    this.recordsDirectory = recordsDirectory;
    summary = WrittenRecords.all(recordsDirectory, "summary");
    authorities = (int) summary.stream().filter(row -> !row.get("authority").isNull()).count();
    int[] files = {0};
    WrittenRecords.forEach(recordsDirectory, "documents", document -> {
      files[0] += document.get("attachment").isNull() ? 1 : 0;
      String[] state = {document.get("status").asText(), text(document.get("attachment")), text(document.get("media_type")),
          text(document.get("ocr"))};
      if (Unread.isTextlessImage(state[0], state[1], state[2], state[3])) {
        textlessImages++;
      } else if (Unread.failed(state[0], state[1], state[2], state[3])) {
        failedDocuments.add(document);
      }
    });
    inputFiles = files[0];
    Set<String> cited = new HashSet<>();
    summary.forEach(row -> row.get("vendors").forEach(vendor -> vendor.get("mention_ids").forEach(id -> cited.add(id.asText()))));
    WrittenRecords.forEach(recordsDirectory, "mentions", mention -> {
      String id = mention.get("mention_id").asText();
      if (cited.contains(id)) {
        passagesById.put(id, Passage.of(mention));
      }
    });
  }

  /**
   * Writes the report and, when asked, {@code report.png} next to it (needs chromium and a local
   * output directory; otherwise says why there is none) into the run's {@code stagingDirectory}.
   * Prints where they will be once the run is published in {@code outputDirectory}.
   */
  public static void write(String stagingDirectory, String outputDirectory, SourcePaths paths, boolean screenshot,
      PrintStream out) throws IOException {
    ResourceId report = write(stagingDirectory, outputDirectory, paths);
    ResourceId published = FileSystems.matchNewResource(outputDirectory, true)
        .resolve(RunOutput.REPORT_PAGE, StandardResolveOptions.RESOLVE_FILE);
    out.println("foiwatch: report " + published);
    if (!screenshot) {
      return;
    }
    Path chromium = Chromium.find();
    if (!"file".equals(report.getScheme()) || chromium == null) {
      out.println("foiwatch: no report screenshot: " + (chromium == null
          ? "chromium is not installed (apt-get install chromium)" : "the output directory is not local"));
      return;
    }
    Path png = Path.of(report.toString()).resolveSibling(RunOutput.REPORT_SCREENSHOT);
    try {
      Chromium.screenshot(chromium, Path.of(report.toString()), png, SCREENSHOT_HEIGHT);
      out.println("foiwatch: report screenshot " + Path.of(published.toString()).resolveSibling(png.getFileName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while taking the screenshot", e);
    }
  }

  /**
   * Writes {@code report.html} from the records in {@code recordsDirectory} into it and returns
   * where, with links as they hold once it is published in {@code reportDirectory}. The page is
   * streamed to a temporary file that replaces the report only when complete.
   */
  static ResourceId write(String recordsDirectory, String reportDirectory, SourcePaths paths) throws IOException {
    HtmlReport report = new HtmlReport(recordsDirectory, reportDirectory, paths);
    ResourceId directory = FileSystems.matchNewResource(recordsDirectory, true);
    ResourceId file = directory.resolve(RunOutput.REPORT_PAGE, StandardResolveOptions.RESOLVE_FILE);
    ResourceId partial = directory.resolve("." + RunOutput.REPORT_PAGE + ".partial", StandardResolveOptions.RESOLVE_FILE);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(
        Channels.newOutputStream(FileSystems.create(partial, "text/html")), StandardCharsets.UTF_8))) {
      report.render(out);
    }
    FileSystems.rename(List.of(partial), List.of(file));
    return file;
  }

  private void render(Writer out) throws IOException {
    this.out = out;
    html.append(Markup.fill(HtmlReport.class, "page-start.html", Map.of()));
    headline();
    vendorShares();
    restrictedPerAuthority();
    authorities();
    setAsideReplies();
    responses();
    failures();
    provenance();
    html.append(Markup.fill(HtmlReport.class, "page-end.html", Map.of()));
    out.append(html);
  }

  /** Hands the page so far to the file once it is long enough. */
  private void spill() throws IOException {
    if (html.length() >= SPILL_CHARS) {
      out.append(html);
      html.setLength(0);
    }
  }

  private void headline() {
    int total = 0;
    int restricted = 0;
    int restrictedAuthorities = 0;
    for (JsonNode row : summary) {
      total += row.get("total_quantity").asInt(0);
      restricted += row.get("restricted_quantity").asInt();
      restrictedAuthorities += row.get("restricted_vendors").isEmpty() || row.get("authority").isNull() ? 0 : 1;
    }
    html.append("<h1>foiwatch report</h1><p class=\"sub\">").append(inputFiles).append(" FOI responses from ")
        .append(authorities).append(" authorities. Every figure links to the passages it rests on.</p>\n");
    html.append("<div class=\"cards\" id=\"headline\">");
    card(String.valueOf(authorities), "authorities", false);
    card(String.valueOf(restrictedAuthorities), "authorities running kit from restricted vendors", restrictedAuthorities > 0);
    card(String.valueOf(total), "units of equipment stated", false);
    card(restricted + " (" + percent(total == 0 ? null : (double) restricted / total) + ")",
        "units from restricted vendors (NDAA-889, FCC-COVERED)", restricted > 0);
    card(String.valueOf(failedDocuments.size()), "documents that could not be read", !failedDocuments.isEmpty());
    html.append("</div>\n");
  }

  private void card(String number, String label, boolean alert) {
    html.append("<div class=\"card").append(alert ? " alert" : "").append("\"><div class=\"n\">").append(escape(number))
        .append("</div><div class=\"l\">").append(escape(label)).append("</div></div>");
  }

  private void vendorShares() {
    Map<String, Integer> byVendor = new TreeMap<>();
    Map<String, Boolean> restricted = new HashMap<>();
    int total = 0;
    for (JsonNode row : summary) {
      for (JsonNode vendor : row.get("vendors")) {
        if (!vendor.get("quantity").isNull()) {
          byVendor.merge(vendor.get("vendor").asText(), vendor.get("quantity").asInt(), Integer::sum);
          restricted.put(vendor.get("vendor").asText(), !vendor.get("restricted").isEmpty());
          total += vendor.get("quantity").asInt();
        }
      }
    }
    List<Map.Entry<String, Integer>> bars = new ArrayList<>(byVendor.entrySet());
    bars.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    html.append("<h2>Vendor share of stated equipment</h2>\n");
    if (bars.isEmpty()) {
      html.append("<p class=\"muted\">No quantities were stated.</p>\n");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> bar : bars) {
      rows.add(new String[] {bar.getKey(), bar.getValue() + " (" + percent((double) bar.getValue() / total) + ")",
          String.valueOf(bar.getValue()), restricted.get(bar.getKey()) ? "restricted" : ""});
    }
    barChart("vendor-shares", rows);
    html.append("<p class=\"muted\">Red: on a restriction list (NDAA-889, FCC-COVERED), directly or as the OEM maker.</p>\n");
  }

  private void restrictedPerAuthority() {
    html.append("<h2>Restricted kit per authority</h2>\n");
    List<String[]> rows = new ArrayList<>();
    for (JsonNode row : summary) {
      if (!row.get("restricted_vendors").isEmpty()) {
        rows.add(new String[] {authority(row), row.get("restricted_quantity").asInt() + " ("
            + percent(row.get("restricted_share").isNull() ? null : row.get("restricted_share").asDouble()) + ") "
            + join(row.get("restricted_vendors")), String.valueOf(row.get("restricted_quantity").asInt()), "restricted"});
      }
    }
    if (rows.isEmpty()) {
      html.append("<p class=\"muted\">No authority named a restricted vendor.</p>\n");
      return;
    }
    rows.sort((a, b) -> Integer.compare(Integer.parseInt(b[2]), Integer.parseInt(a[2])));
    barChart("restricted-per-authority", rows);
    html.append("<p class=\"muted\">Units stated from restricted vendors, with their share of the authority's stated "
        + "equipment. An authority that names a restricted vendor without a quantity shows 0.</p>\n");
  }

  /**
   * A horizontal bar chart of HTML boxes, so that a long name wraps in its column instead of
   * being clipped; each row: label, value text, value, "restricted" or "".
   */
  private void barChart(String id, List<String[]> rows) {
    int max = Math.max(1, rows.stream().mapToInt(r -> Integer.parseInt(r[2])).max().orElse(1));
    html.append("<div class=\"bars\" id=\"").append(id).append("\">");
    for (String[] row : rows) {
      // At most 80% of the track: the value text stays beside the longest bar.
      String width = String.format(Locale.ROOT, "%.1f%%", Math.max(0.4, 80.0 * Integer.parseInt(row[2]) / max));
      html.append("<div class=\"label\">").append(escape(row[0])).append("</div><div class=\"track\"><div class=\"bar")
          .append(row[3].isEmpty() ? "" : " restricted").append("\" style=\"width:").append(width)
          .append("\"></div><span class=\"value\">").append(escape(row[1])).append("</span></div>");
    }
    html.append("</div>\n");
  }

  private void authorities() throws IOException {
    html.append("<h2>Authorities</h2>\n<table id=\"authorities\" class=\"sortable\"><thead><tr><th>Authority</th><th>GSS code</th>"
        + "<th>Type</th><th>Files</th><th>Outcome</th><th>FOI reference</th><th>Units stated</th><th>Cameras</th>"
        + "<th>Restricted units</th><th>Vendors (units)</th></tr></thead><tbody>\n");
    for (int a = 0; a < summary.size(); a++) {
      JsonNode row = summary.get(a);
      html.append("<tr><td").append(row.get("authority").isNull() ? " class=\"none\"" : "").append('>')
          .append(escape(authority(row))).append("</td><td class=\"muted word\">")
          .append(orDash(row.get("gss_code"))).append("</td><td class=\"muted word\">")
          .append(orDash(row.get("authority_type"))).append("</td><td class=\"num\">")
          .append(row.get("documents").asInt()).append(row.get("failed").asInt() > 0
              ? " <span class=\"restricted\">(" + row.get("failed").asInt() + " not read)</span>" : "")
          .append("</td><td class=\"word\">").append(escape(row.get("outcome").asText("unknown"))).append("</td><td>")
          .append(escape(join(row.get("foi_references")))).append("</td><td class=\"num\">").append(number(row.get("total_quantity")))
          .append("</td><td class=\"num\">").append(number(row.get("total_cameras"))).append("</td><td class=\"num")
          .append(row.get("restricted_quantity").asInt() > 0 ? " restricted" : "").append("\">")
          .append(row.get("restricted_quantity").asInt()).append("</td><td>");
      JsonNode vendors = row.get("vendors");
      for (int v = 0; v < vendors.size(); v++) {
        JsonNode vendor = vendors.get(v);
        html.append(v > 0 ? ", " : "").append("<a href=\"#f").append(a).append('-').append(v).append("\"")
            .append(vendor.get("restricted").isEmpty() ? "" : " class=\"restricted\"").append('>')
            .append(escape(vendor.get("vendor").asText())).append(' ')
            .append(vendor.get("quantity").isNull() ? "(no count)" : vendor.get("quantity").asText()).append("</a>");
      }
      html.append("</td></tr>\n");
      spill();
    }
    html.append("</tbody></table>\n");
    if (authorities < summary.size()) {
      html.append("<p class=\"muted\">").append(NO_AUTHORITY).append(": files in which no authority was found; "
          + "they are not counted as an authority.</p>\n");
    }
  }

  /** Every input file with what its reply says: authority, reference, date, outcome, exemptions. */
  private void responses() throws IOException {
    html.append("<h2>Responses</h2>\n<table id=\"responses\" class=\"sortable\"><thead><tr><th>File</th><th>Authority</th>"
        + "<th>FOI reference</th><th>Response date</th><th>Outcome</th><th>Exemptions</th><th>Read</th></tr></thead><tbody>\n");
    IOException[] failure = {null};
    WrittenRecords.forEach(recordsDirectory, "documents", document -> {
      if (!document.get("attachment").isNull() || failure[0] != null) {
        return;
      }
      String status = document.get("status").asText();
      html.append("<tr><td>").append(fileLink(document.get("source").asText(), 0)).append("</td><td")
          .append(document.get("authority").isNull() ? " class=\"none\">" + NO_AUTHORITY : ">" + escape(document.get("authority").asText()))
          .append("</td><td>").append(orDash(document.get("foi_reference"))).append("</td><td class=\"word\">")
          .append(orDash(document.get("response_date"))).append("</td><td class=\"word\">").append(orDash(document.get("outcome")))
          .append("</td><td>").append(document.get("exemptions").isEmpty() ? "–" : escape(join(document.get("exemptions"))))
          .append("</td><td class=\"word\">").append(status.equals("parsed") ? "yes" : escape(status)).append("</td></tr>\n");
      try {
        spill();
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    html.append("</tbody></table>\n");
  }

  /** Under each authority, the replies its figures do not count (copies, replaced replies) and why. */
  private void setAsideReplies() throws IOException {
    html.append("<h2>Replies set aside</h2>\n");
    List<String> rows = new ArrayList<>();
    for (JsonNode row : summary) {
      for (JsonNode reply : row.get("replies")) {
        if (!reply.get("duplicate_of").isNull() || !reply.get("superseded_by").isNull()) {
          rows.add("<tr><td>" + escape(authority(row)) + "</td><td>" + fileLink(reply.get("source").asText(), 0) + "</td><td>"
              + (reply.get("duplicate_of").isNull() ? "superseded" : "duplicate") + "</td><td>" + orDash(reply.get("foi_reference"))
              + "</td><td class=\"num\">" + number(reply.get("total_quantity")) + "</td><td>" + escape(reply.get("reason").asText())
              + "</td></tr>\n");
        }
      }
    }
    if (rows.isEmpty()) {
      html.append("<p class=\"muted\">None: every reply is counted once.</p>\n");
      return;
    }
    html.append("<table id=\"set-aside\"><tr><th>Authority</th><th>File</th><th>Set aside as</th><th>FOI reference</th>"
        + "<th>Units stated</th><th>Why</th></tr>\n");
    for (String tableRow : rows) {
      html.append(tableRow);
      spill();
    }
    html.append("</table>\n<p class=\"muted\">Not counted in the figures above: a copy of a counted reply, or a reply "
        + "replaced by a later one to the same request (docs/reconciliation.md).</p>\n");
  }

  private void failures() throws IOException {
    html.append("<h2>Documents that could not be read</h2>\n");
    if (failedDocuments.isEmpty()) {
      html.append("<p class=\"muted\">None: every document was read.</p>\n");
    } else {
      html.append("<table id=\"failures\" class=\"sortable\"><thead><tr><th>File</th><th>Attachment</th><th>Status</th>"
          + "<th>Why</th></tr></thead><tbody>\n");
      for (JsonNode document : failedDocuments) {
        String status = document.get("status").asText();
        html.append("<tr><td>").append(fileLink(document.get("source").asText(), 0)).append("</td><td>")
            .append(escape(document.get("attachment").asText(""))).append("</td><td>")
            .append(escape(status)).append("</td><td>")
            .append(escape(plainError(status, text(document.get("error"))))).append("</td></tr>\n");
        spill();
      }
      html.append("</tbody></table>\n");
    }
    if (textlessImages > 0) {
      html.append("<p class=\"muted\" id=\"textless-images\">").append(textlessImages)
          .append(textlessImages == 1 ? " image" : " images")
          .append(" inside documents (thumbnails, logos, signatures) held no text when read by OCR: recorded with status"
              + " empty, not counted as documents that could not be read.</p>\n");
    }
  }

  /** A reader's account of a failure: what the status means, then the error's detail without Java class names. */
  static String plainError(String status, String error) {
    String words = STATUS_WORDS.getOrDefault(status, status);
    String detail = error == null ? "" : JAVA_NAME.matcher(error).replaceAll("").replaceAll("\\s+", " ").trim();
    detail = detail.replaceAll("^(?:could not be (?:parsed|read)(?: \\([^)]*\\))?|password-protected|ran out of memory while parsing)"
        + "(?:: |$)", "").replaceAll("^[:;,.\\s]+|[:;,\\s]+$", "");
    return detail.isEmpty() || detail.equalsIgnoreCase(words) ? words : words + ": " + detail;
  }

  private void provenance() throws IOException {
    html.append("<h2>Where each figure comes from</h2>\n");
    for (int a = 0; a < summary.size(); a++) {
      JsonNode row = summary.get(a);
      JsonNode vendors = row.get("vendors");
      for (int v = 0; v < vendors.size(); v++) {
        JsonNode vendor = vendors.get(v);
        html.append("<h3 id=\"f").append(a).append('-').append(v).append("\">").append(escape(authority(row))).append(": ")
            .append(escape(vendor.get("vendor").asText())).append(", ")
            .append(vendor.get("quantity").isNull() ? "quantity not stated" : vendor.get("quantity").asInt() + " units")
            .append(vendor.get("restricted").isEmpty() ? ""
                : " <span class=\"restricted\">" + escape(join(vendor.get("restricted"))) + "</span>")
            .append("</h3>\n<table><tr><th>File</th><th>Attachment</th><th>Page</th><th>Model</th><th>Qty</th>"
                + "<th>Snippet</th></tr>\n");
        for (JsonNode id : vendor.get("mention_ids")) {
          Passage passage = passagesById.get(id.asText());
          html.append("<tr><td>").append(fileLink(passage.source(), passage.attachment() == null ? passage.page() : 0))
              .append("</td><td>").append(escape(passage.attachment() == null ? "" : passage.attachment()))
              .append("</td><td class=\"num\">").append(passage.page())
              .append(passage.sheet() == null ? "" : " (" + escape(passage.sheet()) + ")")
              .append("</td><td>").append(escape(passage.model() == null ? "–" : passage.model())).append("</td><td class=\"num\">")
              .append(passage.quantity() == null ? "–" : passage.quantity()).append("</td><td><div class=\"snippet\">")
              .append(escape(passage.snippet())).append("</div></td></tr>\n");
          spill();
        }
        html.append("</table>\n");
      }
    }
  }

  /**
   * A link that opens the file (at the page, for PDFs): relative to the report where both are
   * local, so the output and input folders can be moved or shared together; the file's name
   * alone where it is remote.
   */
  private String fileLink(String source, int page) {
    String name = source.substring(source.lastIndexOf('/') + 1);
    String full = paths.full(source);
    if (!isLocal(full)) {
      return escape(name);
    }
    String href;
    if (full.startsWith("file:")) {
      href = full; // a name that is not UTF-8 keeps its URI: its bytes do not survive as text
    } else if (directory == null) {
      href = Path.of(full).toUri().toString();
    } else {
      href = relativeUri(directory.relativize(Path.of(full)));
    }
    boolean pdf = name.toLowerCase(Locale.ROOT).endsWith(".pdf");
    return "<a href=\"" + escape(pdf && page > 0 ? href + "#page=" + page : href) + "\" title=\"" + escape(source) + "\">"
        + escape(name) + "</a>";
  }

  /** A relative path as a URI reference: each character a URI path cannot hold percent-encoded. */
  private static String relativeUri(Path relative) {
    try {
      String path = new URI(null, null, relative.toString(), null).getRawPath();
      String first = path.split("/", 2)[0];
      return first.contains(":") ? "./" + path : path; // "a:b.pdf" would read as a URI scheme
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a path: " + relative, e);
    }
  }

  private static boolean isLocal(String path) {
    return !path.contains("://") || path.startsWith("file:");
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }

  /** A text field's value, or "–" when it is null. */
  private static String orDash(JsonNode value) {
    return value.isNull() ? "–" : escape(value.asText());
  }

  private static String authority(JsonNode row) {
    return row.get("authority").isNull() ? NO_AUTHORITY : row.get("authority").asText();
  }

  private static String number(JsonNode value) {
    return value.isNull() ? "–" : value.asText();
  }

  private static String percent(Double share) {
    return share == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", share * 100);
  }

  private static String join(JsonNode values) {
    List<String> items = new ArrayList<>();
    values.forEach(v -> items.add(v.asText()));
    return String.join(", ", items);
  }
}
