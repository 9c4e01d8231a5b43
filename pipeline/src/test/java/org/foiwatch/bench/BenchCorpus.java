package org.foiwatch.bench;

import static org.foiwatch.testing.Fixtures.attachment;
import static org.foiwatch.testing.Fixtures.row;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.foiwatch.testing.Fixtures;
import org.foiwatch.testing.Fixtures.Attachment;
import org.foiwatch.testing.Fixtures.Mail;
import org.foiwatch.testing.Fixtures.Sheet;

/**
 * The benchmark corpus: N synthetic FOI responses about CCTV, about 70% PDF letters of 1–20
 * pages (one file in 30 an image-only scan), the rest DOCX letters, XLSX registers and e-mails
 * with a PDF and sometimes an XLSX attached. File {@code i} depends only on {@code i} and a fixed
 * seed, so the corpus of 4N files starts with the N files of the smaller one, byte for byte.
 *
 * <p>{@code main(N, DIR)} writes the files to {@code DIR/files} and {@code DIR/manifest.tsv}
 * (file, format, bytes, pages, documents); a page is a PDF page, any other document counts as one.
 */
public final class BenchCorpus {

  /** One generated file and what it holds. */
  public record Entry(String name, String format, byte[] bytes, int pages, int documents) {}

  static final String MANIFEST = "manifest.tsv";
  private static final long SEED = 20_240_601L;

  private static final String[] PLACES = {"Wexcombe", "Kelmouth", "Ashvale", "Northfell", "Coldharbour",
      "Saltmere", "Brackenford", "Millbrook", "Eastholme", "Thornbury", "Lydford", "Ravensholt", "Oakhurst",
      "Fenwick", "Hollowmere", "Stanbridge", "Carrowby", "Dunmere", "Westleigh", "Greyhaven"};
  private static final String[] BODIES = {"Borough Council", "District Council", "County Council", "City Council",
      "NHS Foundation Trust", "Constabulary", "Fire and Rescue Service", "University", "Town Council"};
  private static final String[][] KIT = {
      {"Hikvision", "DS-2CD2143G0-I", "Fixed dome camera"}, {"Hikvision", "DS-2CD2386G2-IU", "Turret camera"},
      {"Hikvision", "DS-7616NI-K2", "Network video recorder"}, {"Axis", "P3245-LVE", "Fixed dome camera"},
      {"Axis", "Q6135-LE", "PTZ camera"}, {"Dahua", "IPC-HFW2431S-S-S2", "Bullet camera"},
      {"Dahua", "NVR4216-16P-4KS2", "Network video recorder"}, {"Avigilon", "2.0C-H5A-BO1-IR", "Bullet camera"},
      {"Hanwha Wisenet", "XNO-6080R", "Bullet camera"}, {"Bosch", "NDE-5503-AL", "Fixed dome camera"},
      {"Uniview", "IPC3614SR3-ADF28KM-G", "Turret camera"}, {"Uniview", "NVR302-16S2", "Network video recorder"},
      {"Panasonic", "WV-S1536LN", "Fixed dome camera"}, {"LTS", "CMIP3042W-28M", "Turret camera"}};
  // Annex prose: the bulk of a long response is policy text with no equipment in it.
  private static final String[] ANNEX = {
      "The surveillance camera system is operated in accordance with the Surveillance Camera Code of Practice "
          + "issued under section 30 of the Protection of Freedoms Act 2012.",
      "Recorded images are retained for a maximum of 31 days unless they are required for the investigation "
          + "of an incident, in which case they are retained until the investigation is concluded.",
      "Access to recorded images is restricted to trained operators and is logged; requests from the police "
          + "are handled under the data protection legislation and recorded in the disclosure register.",
      "A privacy impact assessment was completed before installation and is reviewed annually by the Data "
          + "Protection Officer together with the system owner.",
      "Signage informing the public that CCTV is in operation is displayed at every monitored location, "
          + "giving the name of the operator and a contact number.",
      "The control room is staffed between 07:00 and 23:00; outside these hours cameras continue to record "
          + "but are not actively monitored.",
      "Maintenance is carried out quarterly under a contract awarded following a competitive tender; the "
          + "contract value for 2023/24 was £48,250.",
      "Cameras are reviewed each year against their stated purpose; cameras that no longer meet a pressing "
          + "need are decommissioned and removed."};
  private static final String ICO =
      "If you are dissatisfied with the handling of your request, you have the right to ask for an internal "
          + "review within 40 working days, and then to apply to the Information Commissioner's Office, "
          + "Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.";

  private BenchCorpus() {}

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    // Each file is independent of the others, so generating them in parallel changes no byte.
    List<Entry> entries = IntStream.range(0, n).parallel().mapToObj(BenchCorpus::file)
        .sorted(Comparator.comparing(Entry::name)).toList();
    StringBuilder manifest = new StringBuilder("file\tformat\tbytes\tpages\tdocuments\n");
    for (Entry entry : entries) {
      Fixtures.writeTo(dir.resolve("files"), entry.name(), entry.bytes());
      manifest.append(entry.name()).append('\t').append(entry.format()).append('\t').append(entry.bytes().length)
          .append('\t').append(entry.pages()).append('\t').append(entry.documents()).append('\n');
    }
    Fixtures.writeTo(dir, MANIFEST, manifest.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** File number {@code i} of every corpus. */
  public static Entry file(int i) {
    Random random = new Random(SEED * 31 + i);
    Letter letter = new Letter(i, random);
    if (i % 30 == 7) {
      return pdfEntry(letter.fileName("pdf"), "scan", Fixtures.scannedPdf(letter.scanPages(1 + random.nextInt(3))));
    }
    double kind = random.nextDouble();
    if (kind < 0.69) {
      return pdfEntry(letter.fileName("pdf"), "pdf", letter.pdf(1 + random.nextInt(20)));
    } else if (kind < 0.79) {
      return new Entry(letter.fileName("docx"), "docx",
          Fixtures.docx(letter.opening(), letter.equipmentTable(), letter.closing(random.nextInt(6))), 1, 1);
    } else if (kind < 0.89) {
      return new Entry(letter.fileName("xlsx"), "xlsx", letter.register(5 + random.nextInt(150)), 1, 1);
    }
    return letter.email();
  }

  private static Entry pdfEntry(String name, String format, byte[] pdf) {
    return new Entry(name, format, pdf, pageCount(pdf), 1);
  }

  private static int pageCount(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The facts of one response and the ways of writing it down. */
  private static final class Letter {
    private final int index;
    private final Random random;
    private final String authority;
    private final String reference;
    private final String date;
    private final List<String[]> kit = new ArrayList<>();

    Letter(int index, Random random) {
      this.index = index;
      this.random = random;
      this.authority = PLACES[random.nextInt(PLACES.length)] + " " + BODIES[random.nextInt(BODIES.length)];
      this.reference = String.format("FOI/%d/%04d", 2022 + random.nextInt(3), random.nextInt(10_000));
      this.date = (1 + random.nextInt(28)) + " " + List.of("January", "March", "May", "July", "September", "November")
          .get(random.nextInt(6)) + " 2024";
      int items = 1 + random.nextInt(6);
      for (int k = 0; k < items; k++) {
        kit.add(KIT[random.nextInt(KIT.length)]);
      }
    }

    String fileName(String extension) {
      return String.format("%05d-%s.%s", index, authority.toLowerCase().replace(' ', '-'), extension);
    }

    List<String> opening() {
      return List.of(authority + "\nInformation Governance, Civic Centre\nTel: 01632 960" + String.format("%03d", index % 1000),
          "Our ref: " + reference + "\nDate: " + date,
          "Dear Requester,",
          "Freedom of Information Act 2000 – Request for information",
          "You asked for the make, model and number of CCTV cameras and recorders operated by the " + authority + ".",
          "I can confirm that the " + authority + " holds this information. The equipment currently in service "
              + "is listed below.");
    }

    List<List<String>> equipmentTable() {
      List<List<String>> rows = new ArrayList<>();
      rows.add(row("Manufacturer", "Model", "Type", "Quantity"));
      for (String[] item : kit) {
        rows.add(row(item[0], item[1], item[2], String.valueOf(1 + random.nextInt(40))));
      }
      return rows;
    }

    /** {@code annexPages} pages of policy text (each its own page in a PDF), then the sign-off. */
    List<String> closing(int annexPages) {
      List<String> closing = new ArrayList<>();
      for (int page = 0; page < annexPages; page++) {
        closing.add(Fixtures.PAGE_BREAK);
        closing.add("Annex " + (page + 1) + " – operation of the CCTV system");
        for (int p = 0; p < 5; p++) {
          closing.add(ANNEX[random.nextInt(ANNEX.length)] + " " + ANNEX[random.nextInt(ANNEX.length)]);
        }
      }
      closing.add(ICO);
      closing.add("Yours sincerely,\nInformation Governance Officer");
      return closing;
    }

    byte[] pdf(int pages) {
      return Fixtures.pdf(opening(), equipmentTable(), closing(pages - 1));
    }

    List<List<String>> scanPages(int pages) {
      List<List<String>> scans = new ArrayList<>();
      List<String> first = new ArrayList<>(opening());
      for (List<String> item : equipmentTable()) {
        first.add(String.join("    ", item));
      }
      scans.add(first);
      for (int page = 1; page < pages; page++) {
        scans.add(List.of(ANNEX[random.nextInt(ANNEX.length)], ANNEX[random.nextInt(ANNEX.length)], ICO));
      }
      return scans;
    }

    /** A per-unit register: one row per camera, as asset registers are exported. */
    byte[] register(int units) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(row("Asset ID", "Site", "Manufacturer", "Model", "Installed"));
      for (int u = 0; u < units; u++) {
        String[] item = kit.get(random.nextInt(kit.size()));
        rows.add(row(String.format("CAM-%04d", u + 1), PLACES[random.nextInt(PLACES.length)] + " site " + (u % 17),
            item[0], item[1], String.valueOf(2015 + random.nextInt(10))));
      }
      return Fixtures.xlsx(List.of(new Sheet("Camera register", authority + " – CCTV asset register (" + reference + ")", rows)));
    }

    /** A covering e-mail with the letter as a PDF attachment and, one time in three, the register as XLSX. */
    Entry email() {
      byte[] letter = pdf(1 + random.nextInt(5));
      List<Attachment> attachments = new ArrayList<>(List.of(attachment("response.pdf", letter)));
      int pages = 1 + pageCount(letter);
      if (random.nextInt(3) == 0) {
        attachments.add(attachment("register.xlsx", register(5 + random.nextInt(60))));
        pages++;
      }
      Mail mail = new Mail("Information Governance <foi@example.gov.uk>", "requester@example.org",
          "RE: Freedom of Information request " + reference, "Tue, 12 Mar 2024 10:15:00 +0000",
          "<bench-" + index + "@example.gov.uk>");
      byte[] eml = Fixtures.emlWithAttachments(mail, "Dear Requester,\n\nPlease find attached our response to your "
          + "request " + reference + ".\n\nKind regards,\n" + authority, attachments);
      return new Entry(fileName("eml"), "eml", eml, pages, 1 + attachments.size());
    }
  }

  /** The corpus files under {@code dir} (without the manifest), for the bare parse loop. */
  static List<Path> files(Path dir) throws IOException {
    try (var paths = Files.list(dir.resolve("files"))) {
      return paths.sorted().toList();
    }
  }
}
