package org.foiwatch.testing;

import static org.foiwatch.testing.Fixtures.attachment;
import static org.foiwatch.testing.Fixtures.row;
import static org.foiwatch.testing.Fixtures.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.foiwatch.testing.Fixtures.Mail;
import org.foiwatch.testing.Fixtures.Sheet;
import org.foiwatch.testing.ScannedLetters.Letter;

/**
 * The sample FOI responses in {@code samples/} and their answers in {@code samples/truth.jsonl}.
 * Every authority, person, address and phone number is invented (phone numbers from Ofcom's
 * drama ranges); vendor names and model numbers follow the vendors' real naming schemes.
 * Run {@link #main} (or SampleCorpusTest with -Dfoiwatch.writeSamples=true) to regenerate.
 */
public final class SampleCorpus {

  /** One sample file and what a reader should extract from it. */
  public record Sample(String name, String format, byte[] bytes, Truth truth) {}

  /** One line of truth.jsonl; field order is the file's. */
  public record Truth(String authority, String foiReference, String responseDate, String outcome,
      List<Mention> mentions, Integer totalCameras) {}

  public record Mention(String vendor, String vendorAsWritten, String oemOf, String model,
      String modelAsWritten, Integer quantity, String productType) {}

  private static final String ICO_BOILERPLATE =
      "If you are dissatisfied with the handling of your request, you have the right to ask for an internal review. "
          + "Internal review requests should be submitted within 40 working days of the date of this response. "
          + "If you are not content with the outcome of the internal review, you have the right to apply directly "
          + "to the Information Commissioner for a decision. The Information Commissioner can be contacted at: "
          + "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF.";

  private SampleCorpus() {}

  public static List<Sample> samples() {
    return List.of(wexcombePdf(), kelmouthDocx(), ashvaleSummaryXlsx(), northfellRegisterXlsx(),
        coldharbourEmlWithPdf(), saltmereReplyEml(), brackenfordCsv(), millbrookHtml(), eastholmeTxt(),
        penhallowScannedPdf(), ravensmoorZip(), tarnsideDoc(), harbridgeEmlWithPdfAndXlsx(), elsworthMsgWithDocx());
  }

  /** truth.jsonl: one line per sample, in file-name order of {@link #samples}. */
  public static String truthJsonl() {
    StringBuilder out = new StringBuilder();
    for (Sample sample : samples()) {
      out.append(toJson(sample)).append('\n');
    }
    return out.toString();
  }

  /** Arguments: the samples directory (default samples), and where to write the .doc's .docx source, if wanted. */
  public static void main(String[] args) {
    if (args.length > 1) {
      Path source = Path.of(args[1]);
      Fixtures.writeTo(source.toAbsolutePath().getParent(), source.getFileName().toString(), tarnsideWordSource());
    }
    Path dir = Path.of(args.length > 0 ? args[0] : "samples");
    for (Sample sample : samples()) {
      Fixtures.writeTo(dir.resolve("docs"), sample.name(), sample.bytes());
    }
    Fixtures.writeTo(dir, "truth.jsonl", truthJsonl().getBytes(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- the samples

  /** Disclosed; two pages; letterhead, Our ref and Your ref, an installer, the ICO paragraph. */
  private static Sample wexcombePdf() {
    List<String> letter = List.of(
        "Wexcombe Borough Council\nCivic Offices, Market Street, Wexcombe WX4 7QB\nTel: 01632 960418  Email: foi@wexcombe.gov.uk",
        "Our ref: FOI/2024/0318\nYour ref: JB-CCTV-7\nDate: 14 March 2024",
        "Dear Mr Baxter,",
        "Freedom of Information Act 2000 – Request for information",
        "Thank you for your request for information received on 15 February 2024, in which you asked for the "
            + "make, model and number of CCTV cameras and recorders operated by the Council.",
        "I can confirm that the Council holds this information. The Council's public space and car park CCTV "
            + "system was installed in 2021 and is maintained by Northgate Secure Systems Ltd under contract. "
            + "The equipment currently in service is listed in the table below.",
        Fixtures.PAGE_BREAK,
        "Schedule of equipment (as at 1 March 2024)");
    List<List<String>> equipment = table(
        row("Manufacturer", "Model", "Type", "Quantity"),
        row("Hikvision", "DS-2CD2143G0-I", "Fixed dome camera", "24"),
        row("Hikvision", "DS-2CD2386G2-IU", "Turret camera", "6"),
        row("Hikvision", "DS-7616NI-K2", "Network video recorder", "2"),
        row("Axis", "P3245-LVE", "Fixed dome camera", "4"));
    List<String> closing = List.of(ICO_BOILERPLATE, "Yours sincerely,", "Priya Fenwick\nInformation Governance Officer");
    byte[] pdf = Fixtures.pdf(letter, equipment, closing);
    return new Sample("wexcombe-bc-foi-2024-0318.pdf", "pdf", pdf, new Truth(
        "Wexcombe Borough Council", "FOI/2024/0318", "2024-03-14", "disclosed", List.of(
            new Mention("Hikvision", "Hikvision", null, "DS-2CD2143G0-I", "DS-2CD2143G0-I", 24, "camera"),
            new Mention("Hikvision", "Hikvision", null, "DS-2CD2386G2-IU", "DS-2CD2386G2-IU", 6, "camera"),
            new Mention("Hikvision", "Hikvision", null, "DS-7616NI-K2", "DS-7616NI-K2", 2, "nvr"),
            new Mention("Axis", "Axis", null, "P3245-LVE", "P3245-LVE", 4, "camera")),
        34));
  }

  /** Partial: sites withheld under s.31; a legal name, a model with spaces, one model at two sites. */
  private static Sample kelmouthDocx() {
    List<String> letter = List.of(
        "Kelmouth District Council – Information Governance Team",
        "Riverside House, 12 Quay Lane, Kelmouth KL2 9DP · Telephone 0113 496 0732",
        "Reference: KDC-FOI-1187",
        "2 May 2024",
        "Dear Ms Okonkwo,",
        "Your request for information about the Council's CCTV cameras has been considered under the Freedom of "
            + "Information Act 2000. The manufacturer, model and number of cameras are given below.",
        "The Council has decided to withhold the names and locations of individual sites under section 31(1)(a) "
            + "(prevention or detection of crime) of the Act. Disclosing where cameras are, and where they are not, "
            + "would be likely to assist those intending to commit crime. The public interest in maintaining the "
            + "exemption outweighs the public interest in disclosure.",
        "The cameras at Site A and Site B are the same model and are listed separately.");
    List<List<String>> equipment = table(
        row("Manufacturer", "Model", "Quantity", "Site"),
        row("Hangzhou Hikvision Digital Technology Co., Ltd.", "DS-2CD2143G0-I", "10", "Site A (withheld)"),
        row("Hangzhou Hikvision Digital Technology Co., Ltd.", "DS-2CD2143G0-I", "5", "Site B (withheld)"),
        row("Hanwha Techwin", "XNO-6080R", "6", "Site C (withheld)"),
        row("Bosch", "NDE 5503 AL", "3", "Site D (withheld)"));
    List<String> closing = List.of(ICO_BOILERPLATE, "Yours sincerely,", "Information Governance Team");
    byte[] docx = Fixtures.docx(letter, equipment, closing);
    return new Sample("kelmouth-dc-cctv-response.docx", "docx", docx, new Truth(
        "Kelmouth District Council", "KDC-FOI-1187", "2024-05-02", "partial", List.of(
            new Mention("Hikvision", "Hangzhou Hikvision Digital Technology Co., Ltd.", null, "DS-2CD2143G0-I",
                "DS-2CD2143G0-I", 15, "camera"),
            new Mention("Hanwha Vision", "Hanwha Techwin", null, "XNO-6080R", "XNO-6080R", 6, "camera"),
            new Mention("Bosch", "Bosch", null, "NDE-5503-AL", "NDE 5503 AL", 3, "camera")),
        24));
  }

  /** Disclosed; a summary spreadsheet with a title row, a VMS line without quantity and a notes sheet. */
  private static Sample ashvaleSummaryXlsx() {
    byte[] xlsx = Fixtures.xlsx(List.of(
        new Sheet("Summary", "Ashvale NHS Foundation Trust – CCTV equipment by manufacturer, as at 31 March 2024", table(
            row("Manufacturer", "Model", "Device type", "Quantity"),
            row("Dahua", "IPC-HFW2431S-S-S2", "Bullet camera", "18"),
            row("Dahua", "NVR4216-16P-4KS2", "NVR", "2"),
            row("Avigilon", "2.0C-H5A-BO1-IR", "Bullet camera", "9"),
            row("Avigilon", "Avigilon Control Center", "VMS software", "n/a"))),
        new Sheet("Notes", null, table(
            row("FOI reference", "FOI 24-0092"),
            row("Date of response", "08/04/2024"),
            row("Note", "Body-worn cameras used by security staff are outside the scope of this request.")))));
    return new Sample("ashvale-nhs-ft-cctv-summary.xlsx", "xlsx", xlsx, new Truth(
        "Ashvale NHS Foundation Trust", "FOI 24-0092", "2024-04-08", "disclosed", List.of(
            new Mention("Dahua", "Dahua", null, "IPC-HFW2431S-S-S2", "IPC-HFW2431S-S-S2", 18, "camera"),
            new Mention("Dahua", "Dahua", null, "NVR4216-16P-4KS2", "NVR4216-16P-4KS2", 2, "nvr"),
            new Mention("Avigilon", "Avigilon", null, "2.0C-H5A-BO1-IR", "2.0C-H5A-BO1-IR", 9, "camera"),
            new Mention("Avigilon", "Avigilon", null, null, "Avigilon Control Center", null, "vms")),
        27));
  }

  /** Disclosed; a per-camera register (one row per camera), an OEM brand, a lower-case model, a recorder sheet. */
  private static Sample northfellRegisterXlsx() {
    List<List<String>> cameras = new ArrayList<>();
    cameras.add(row("Asset ID", "Site", "Manufacturer", "Model", "Installed"));
    String[] univiewSites = {"Bus station", "Bus station", "High Street north", "High Street south", "Library", "Library", "Leisure centre"};
    for (int i = 0; i < univiewSites.length; i++) {
      // Asset register typed by hand: two entries in lower case.
      String model = i == 3 || i == 5 ? "ipc3614sr3-adf28km-g" : "IPC3614SR3-ADF28KM-G";
      cameras.add(row(String.format("NCC-CAM-%03d", i + 1), univiewSites[i], "Uniview", model, "2022"));
    }
    String[] panasonicSites = {"County Hall", "County Hall", "County Hall", "Archive store", "Archive store"};
    for (int i = 0; i < panasonicSites.length; i++) {
      cameras.add(row(String.format("NCC-CAM-%03d", i + 8), panasonicSites[i], "Panasonic", "WV-S1536LN", "2019"));
    }
    for (int i = 0; i < 3; i++) {
      cameras.add(row(String.format("NCC-CAM-%03d", i + 13), "Highways depot", "LTS", "CMIP3042W-28M", "2020"));
    }
    byte[] xlsx = Fixtures.xlsx(List.of(
        new Sheet("Camera register", "Northfell County Council – CCTV asset register, exported 11 June 2024 (FOI-NCC-2024-551)", cameras),
        new Sheet("Recorders", null, table(
            row("Asset ID", "Site", "Manufacturer", "Model"),
            row("NCC-REC-001", "Bus station", "Uniview", "NVR302-16S2"),
            row("NCC-REC-002", "County Hall", "Uniview", "NVR302-16S2")))));
    return new Sample("northfell-cc-camera-register.xlsx", "xlsx", xlsx, new Truth(
        "Northfell County Council", "FOI-NCC-2024-551", "2024-06-11", "disclosed", List.of(
            new Mention("Uniview", "Uniview", null, "IPC3614SR3-ADF28KM-G", "IPC3614SR3-ADF28KM-G", 7, "camera"),
            new Mention("i-PRO", "Panasonic", null, "WV-S1536LN", "WV-S1536LN", 5, "camera"),
            new Mention("LTS", "LTS", "Hikvision", "CMIP3042W-28M", "CMIP3042W-28M", 3, "camera"),
            new Mention("Uniview", "Uniview", null, "NVR302-16S2", "NVR302-16S2", 2, "nvr")),
        15));
  }

  /** Disclosed by e-mail with a PDF letter attached; quantities as words and "x4"; Hikvision and Dahua negated. */
  private static Sample coldharbourEmlWithPdf() {
    byte[] letter = Fixtures.pdf(List.of(
        "Coldharbour Fire and Rescue Service\nService Headquarters, Beacon Way, Coldharbour CH7 3LN\nTel: 01632 960 955",
        "Our ref: CFRS/FOI/24/077\n19 April 2024",
        "Dear Dr Marsh,",
        "Request for information – CCTV equipment",
        "We do not use any Hikvision or Dahua equipment, and none has been purchased since 2018.",
        "Our fire stations are covered by twelve (12) Axis P3245-LVE fixed domes. The training centre yard "
            + "has Hanwha Wisenet XNO-6080R bullet cameras x4, recorded on the station network.",
        ICO_BOILERPLATE,
        "Yours sincerely,\nCorporate Information Team"), null, List.of());
    Mail mail = new Mail("Corporate Information <foi@coldharbour-fire.gov.uk>", "d.marsh@example.org",
        "RE: Freedom of Information request CFRS/FOI/24/077", "Fri, 19 Apr 2024 14:02:11 +0100",
        "<cfrs-foi-24-077@coldharbour-fire.gov.uk>");
    byte[] eml = Fixtures.emlWithAttachments(mail,
        "Dear Dr Marsh,\n\nPlease find attached our response to your request for information.\n\n"
            + "Kind regards,\nCorporate Information Team\nColdharbour Fire and Rescue Service",
        List.of(attachment("CFRS-FOI-24-077-response.pdf", letter)));
    return new Sample("coldharbour-frs-foi-24-077.eml", "eml", eml, new Truth(
        "Coldharbour Fire and Rescue Service", "CFRS/FOI/24/077", "2024-04-19", "disclosed", List.of(
            new Mention("Axis", "Axis", null, "P3245-LVE", "P3245-LVE", 12, "camera"),
            new Mention("Hanwha Vision", "Hanwha Wisenet", null, "XNO-6080R", "XNO-6080R", 4, "camera")),
        16));
  }

  /** Not held, as a plain reply; the quoted request names vendors that are not mentions. */
  private static Sample saltmereReplyEml() {
    Mail mail = new Mail("FOI Officer <foi@saltmere.gov.uk>", "Sam Talbot <sam.talbot@example.net>",
        "Re: FOI request – council CCTV (SCC/FOI/5521)", "Mon, 3 Jun 2024 09:41:27 +0100", "<scc-foi-5521@saltmere.gov.uk>");
    byte[] eml = Fixtures.emlReply(mail,
        "Dear Sam Talbot,\n\nReference: SCC/FOI/5521\n\n"
            + "Saltmere City Council does not hold the information you have requested. Public space CCTV in the "
            + "city was transferred to Saltmere Community Safety Partnership in 2019, and the Council no longer "
            + "owns or operates any cameras. You may wish to contact the Partnership directly.\n\n"
            + "Regards,\nFOI Officer\nSaltmere City Council, Guildhall, Saltmere SM1 1AA – 0113 496 0418",
        "On 7 May 2024, at 18:22, Sam Talbot <sam.talbot@example.net> wrote",
        "Dear Saltmere City Council,\n\nPlease tell me how many Hikvision or Dahua cameras the Council operates, "
            + "with model numbers (e.g. DS-2CD2143G0-I).\n\nYours faithfully,\nSam Talbot");
    return new Sample("saltmere-cc-reply-not-held.eml", "eml", eml, new Truth(
        "Saltmere City Council", "SCC/FOI/5521", "2024-06-03", "not_held", List.of(), null));
  }

  /** Disclosed as a bare CSV with a title line; one model at two sites (summed), an OEM brand, a DVR. */
  private static Sample brackenfordCsv() {
    byte[] csv = Fixtures.csv(table(
        row("Brackenford Town Council - CCTV equipment - FOI ref BTC-FOI-031"),
        row("Location", "Manufacturer", "Model", "Quantity", "Notes"),
        row("Market Square", "Dahua", "IPC-HFW2431S-S-S2", "4", ""),
        row("Recreation Ground", "Dahua", "ipc-hfw2431s-s-s2", "2", "Replaced 2023, two failed units"),
        row("Pavilion", "Lorex", "E892AB", "2", "Purchased retail, 2021"),
        row("Pavilion", "Dahua", "XVR5108HS-I3", "1", "Recorder for Pavilion cameras")));
    return new Sample("brackenford-tc-cctv.csv", "csv", csv, new Truth(
        "Brackenford Town Council", "BTC-FOI-031", null, "disclosed", List.of(
            new Mention("Dahua", "Dahua", null, "IPC-HFW2431S-S-S2", "IPC-HFW2431S-S-S2", 6, "camera"),
            new Mention("Lorex", "Lorex", "Dahua", "E892AB", "E892AB", 2, "camera"),
            new Mention("Dahua", "Dahua", null, "XVR5108HS-I3", "XVR5108HS-I3", 1, "dvr")),
        8));
  }

  /** Disclosed on a disclosure-log web page with an HTML table; an installer named in prose. */
  private static Sample millbrookHtml() {
    byte[] html = Fixtures.html("FOI-2024-117: CCTV cameras on campus – Millbrook University", List.of(
        "Disclosure log – FOI-2024-117",
        "Date of response: 22 July 2024",
        "Request: Please provide the manufacturer, model and number of CCTV cameras on the University's campuses.",
        "Response: Millbrook University holds this information. The campus system was installed by Vantage Fire & "
            + "Security Ltd and is managed by the Security Services team. The cameras are listed below."), table(
        row("Manufacturer", "Model", "Number installed"),
        row("Axis", "P3245-LVE", "22"),
        row("Axis", "Q6135-LE", "3"),
        row("Avigilon", "2.0C-H5A-BO1-IR", "11"),
        row("Bosch", "NDE-5503-AL", "6")));
    return new Sample("millbrook-university-foi-2024-117.html", "html", html, new Truth(
        "Millbrook University", "FOI-2024-117", "2024-07-22", "disclosed", List.of(
            new Mention("Axis", "Axis", null, "P3245-LVE", "P3245-LVE", 22, "camera"),
            new Mention("Axis", "Axis", null, "Q6135-LE", "Q6135-LE", 3, "camera"),
            new Mention("Avigilon", "Avigilon", null, "2.0C-H5A-BO1-IR", "2.0C-H5A-BO1-IR", 11, "camera"),
            new Mention("Bosch", "Bosch", null, "NDE-5503-AL", "NDE-5503-AL", 6, "camera")),
        42));
  }

  /** Refused under s.24 and s.31; the letter restates the request, naming vendors that are not mentions. */
  private static Sample eastholmeTxt() {
    byte[] txt = Fixtures.txt(List.of(
        "EASTHOLME CONSTABULARY\nFreedom of Information Unit, PO Box 4471, Eastholme EH9 2ZZ\nTelephone: 0113 496 0021",
        "Our ref: FOI 004512/24\nDate: 29 February 2024",
        "Dear Requester,",
        "You asked: \"How many Hikvision, Dahua or Uniview cameras does Eastholme Constabulary use, and what are "
            + "their model numbers?\"",
        "Eastholme Constabulary can neither confirm nor deny that it holds the information you have requested, "
            + "by virtue of section 24(2) (national security) and section 31(3) (law enforcement) of the Freedom of "
            + "Information Act 2000.",
        "Confirming or denying the make and model of surveillance equipment used by the force would reveal "
            + "capabilities and vulnerabilities that could be exploited by those intent on committing crime.",
        "This should not be taken as an indication that the information you requested does or does not exist.",
        ICO_BOILERPLATE,
        "Yours sincerely,\nFreedom of Information Unit"));
    return new Sample("eastholme-constabulary-refusal.txt", "txt", txt, new Truth(
        "Eastholme Constabulary", "FOI 004512/24", "2024-02-29", "refused", List.of(), null));
  }

  /** Disclosed as a scanned letter: an image-only PDF (no text layer) that only OCR can read; a ruled table. */
  private static Sample penhallowScannedPdf() {
    Letter letter = new Letter(
        List.of("Penhallow District Council", "Council Offices, Chapel Street, Penhallow PH3 8RT",
            "Our ref: PDC-FOI-24-0219", "Date: 9 September 2024"),
        List.of("Dear Mr Ellery,",
            "Freedom of Information request: CCTV cameras",
            "The Council holds the information you asked for. The cameras in the Council's car parks and at "
                + "the Harbour Road depot, and the recorder they use, are listed in the table below.",
            "Yours sincerely,",
            "Tomasz Ure, Information Governance Officer"),
        table(
            row("Manufacturer", "Model", "Type", "Quantity"),
            row("Hikvision", "DS-2CD2347G2-LU", "Turret camera", "14"),
            row("Hikvision", "DS-7608NXI-K2", "Recorder", "1"),
            row("Axis", "P1455-LE", "Bullet camera", "3")));
    // A sheet laid a little askew on the glass; 200 dpi keeps the sample small and still reads cleanly.
    byte[] pdf = ScannedLetters.imageOnlyPdf(List.of(ScannedLetters.scan(letter, 200, 0.4, 219)));
    return new Sample("penhallow-dc-foi-24-0219-scan.pdf", "pdf-scanned", pdf, new Truth(
        "Penhallow District Council", "PDC-FOI-24-0219", "2024-09-09", "disclosed", List.of(
            new Mention("Hikvision", "Hikvision", null, "DS-2CD2347G2-LU", "DS-2CD2347G2-LU", 14, "camera"),
            new Mention("Hikvision", "Hikvision", null, "DS-7608NXI-K2", "DS-7608NXI-K2", 1, "nvr"),
            new Mention("Axis", "Axis", null, "P1455-LE", "P1455-LE", 3, "camera")),
        17));
  }

  /** Disclosed as a zip, as a portal download: a covering letter (PDF) and the equipment list (XLSX). */
  private static Sample ravensmoorZip() {
    byte[] letter = Fixtures.pdf(List.of(
        "Ravensmoor Metropolitan Borough Council\nTown Hall, Cloth Market, Ravensmoor RM1 2EW\nTel: 0113 496 0587",
        "Our ref: RMBC/FOI/2024/1432\nDate: 2 October 2024",
        "Dear Ms Adeyemi,",
        "Freedom of Information Act 2000 – CCTV equipment",
        "The Council holds the information you requested. The make, model and number of the cameras and "
            + "recorders in the Council's town centre system are listed in the spreadsheet enclosed with this letter.",
        ICO_BOILERPLATE,
        "Yours sincerely,\nInformation Rights Team"), null, List.of());
    byte[] equipment = Fixtures.xlsx(List.of(
        new Sheet("CCTV equipment", "RMBC/FOI/2024/1432 – town centre CCTV equipment", table(
            row("Manufacturer", "Model", "Description", "Quantity"),
            row("Hanwha", "QNV-6012R", "Vandal-resistant dome camera", "10"),
            row("Bosch", "NBE-6502-AL", "Bullet camera", "4"),
            row("Hanwha", "XRN-1610S", "Network video recorder", "1")))));
    byte[] zip = Fixtures.zip(List.of(
        attachment("RMBC-FOI-2024-1432-letter.pdf", letter),
        attachment("RMBC-FOI-2024-1432-cctv-equipment.xlsx", equipment)));
    return new Sample("ravensmoor-mbc-foi-2024-1432.zip", "zip", zip, new Truth(
        "Ravensmoor Metropolitan Borough Council", "RMBC/FOI/2024/1432", "2024-10-02", "disclosed", List.of(
            new Mention("Hanwha Vision", "Hanwha", null, "QNV-6012R", "QNV-6012R", 10, "camera"),
            new Mention("Bosch", "Bosch", null, "NBE-6502-AL", "NBE-6502-AL", 4, "camera"),
            new Mention("Hanwha Vision", "Hanwha", null, "XRN-1610S", "XRN-1610S", 1, "nvr")),
        14));
  }

  /** Partial, in Word 97 (.doc): a table of makes and models, the locations withheld under s.31. */
  private static Sample tarnsideDoc() {
    return new Sample(TARNSIDE_DOC, "doc", resource(TARNSIDE_DOC), new Truth(
        "Tarnside Borough Council", "TBC/IG/0457", "2024-08-28", "partial", List.of(
            new Mention("Dahua", "Dahua", null, "IPC-HDW5442TM-AS", "IPC-HDW5442TM-AS", 9, "camera"),
            new Mention("Uniview", "Uniview", null, "IPC2124LB-SF28KM-G", "IPC2124LB-SF28KM-G", 5, "camera"),
            new Mention("Dahua", "Dahua", null, "NVR5232-EI", "NVR5232-EI", 1, "nvr")),
        14));
  }

  private static final String TARNSIDE_DOC = "tarnside-bc-foi-0457.doc";

  /**
   * The letter of {@link #tarnsideDoc} as .docx. Java has no writer for Word 97 files, so the
   * .doc in the test resources was made from this once with LibreOffice
   * ({@code soffice --headless --convert-to doc}); SampleCorpusTest checks both read the same.
   */
  static byte[] tarnsideWordSource() {
    return Fixtures.docx(List.of(
        "Tarnside Borough Council",
        "Information Governance, The Guildhall, Fell Street, Tarnside TS6 4JW",
        "Our reference: TBC/IG/0457",
        "28 August 2024",
        "Dear Mr Quayle,",
        "You asked for the make, model and number of the CCTV cameras the Council operates. The Council holds "
            + "this information and it is given in the table below.",
        "The Council has withheld the location of each camera under section 31(1)(a) of the Freedom of "
            + "Information Act 2000 (law enforcement): a map of where cameras are, and are not, would help those "
            + "planning crime. The public interest favours withholding the locations."), table(
        row("Manufacturer", "Model", "Type", "Number"),
        row("Dahua", "IPC-HDW5442TM-AS", "Eyeball camera", "9"),
        row("Uniview", "IPC2124LB-SF28KM-G", "Bullet camera", "5"),
        row("Dahua", "NVR5232-EI", "Network video recorder", "1")), List.of(
        ICO_BOILERPLATE, "Yours sincerely,", "Information Governance Team"));
  }

  /** Disclosed by e-mail: the reply letter as a PDF and a camera register as an XLSX, both attached. */
  private static Sample harbridgeEmlWithPdfAndXlsx() {
    byte[] letter = Fixtures.pdf(List.of(
        "Harbridge Hospitals NHS Foundation Trust\nHarbridge General Hospital, Mill Lane, Harbridge HB4 6QS",
        "Our ref: HHFT-FOI-24-388\nDate: 17 September 2024",
        "Dear Mr Whitlock,",
        "Freedom of Information request – CCTV",
        "The Trust holds the information you asked for. A list of the CCTV cameras and the recorder at "
            + "Harbridge General Hospital is attached as a spreadsheet, one row per camera.",
        ICO_BOILERPLATE,
        "Yours sincerely,\nInformation Governance Manager"), null, List.of());
    List<List<String>> register = new ArrayList<>();
    register.add(row("Camera ID", "Location", "Manufacturer", "Model"));
    String[] locations = {"Main entrance", "Main entrance", "Emergency department", "Emergency department",
        "Pharmacy", "Car park A", "Car park A", "Car park B"};
    for (int i = 0; i < locations.length; i++) {
      register.add(row(String.format("HGH-%02d", i + 1), locations[i], "Avigilon", "4.0C-H5A-DO1-IR"));
    }
    for (int i = 0; i < 6; i++) {
      register.add(row(String.format("HGH-%02d", i + 9), "Ward corridor " + (i + 1), "i-PRO", "WV-X6533LN"));
    }
    byte[] xlsx = Fixtures.xlsx(List.of(
        new Sheet("Cameras", "Harbridge General Hospital – CCTV cameras", register),
        new Sheet("Recorders", null, table(
            row("Manufacturer", "Model", "Quantity"),
            row("Avigilon", "HD-NVR4-PRM-32TB", "1")))));
    Mail mail = new Mail("Information Governance <foi@harbridge-hospitals.nhs.uk>", "o.whitlock@example.com",
        "HHFT-FOI-24-388 – your request about CCTV", "Tue, 17 Sep 2024 11:26:40 +0100", "<hhft-foi-24-388@harbridge-hospitals.nhs.uk>");
    byte[] eml = Fixtures.emlWithAttachments(mail,
        "Dear Mr Whitlock,\n\nPlease find attached our response to your Freedom of Information request and the "
            + "list of cameras.\n\nKind regards,\nInformation Governance\nHarbridge Hospitals NHS Foundation Trust",
        List.of(attachment("HHFT-FOI-24-388-response.pdf", letter), attachment("HHFT-FOI-24-388-cameras.xlsx", xlsx)));
    return new Sample("harbridge-hospitals-foi-24-388.eml", "eml", eml, new Truth(
        "Harbridge Hospitals NHS Foundation Trust", "HHFT-FOI-24-388", "2024-09-17", "disclosed", List.of(
            new Mention("Avigilon", "Avigilon", null, "4.0C-H5A-DO1-IR", "4.0C-H5A-DO1-IR", 8, "camera"),
            new Mention("i-PRO", "i-PRO", null, "WV-X6533LN", "WV-X6533LN", 6, "camera"),
            new Mention("Avigilon", "Avigilon", null, "HD-NVR4-PRM-32TB", "HD-NVR4-PRM-32TB", 1, "nvr")),
        14));
  }

  /** Disclosed by Outlook (.msg, as a requester saves it): the reply letter attached as a Word file. */
  private static Sample elsworthMsgWithDocx() {
    byte[] letter = Fixtures.docx(List.of(
        "Elsworth Town Council",
        "Town Clerk's Office, 3 Abbey Walk, Elsworth EW2 5NP",
        "Our ref: ETC/FOI/24/12",
        "14 November 2024",
        "Dear Ms Pryce,",
        "Thank you for your request under the Freedom of Information Act 2000. The Town Council holds the "
            + "information you asked for: the CCTV cameras in the market place and the recreation ground, and "
            + "their recorder, are listed below."), table(
        row("Make", "Model", "Quantity"),
        row("Hikvision", "DS-2CD2T86G2-4I", "4"),
        row("Hikvision", "DS-7616NI-I2/16P", "1")), List.of(
        "Yours sincerely,", "Helen Marsh, Town Clerk"));
    Mail mail = new Mail("Elsworth Town Council <clerk@elsworth-tc.gov.uk>", "Rhian Pryce <r.pryce@example.org>",
        "Your FOI request ETC/FOI/24/12 – CCTV", "Thu, 14 Nov 2024 16:05:12 +0000", "<etc-foi-24-12@elsworth-tc.gov.uk>");
    byte[] msg = OutlookMessages.msg(mail,
        "Dear Ms Pryce,\n\nPlease find attached the Town Council's response to your request.\n\n"
            + "Kind regards,\nHelen Marsh\nTown Clerk, Elsworth Town Council",
        List.of(attachment("ETC-FOI-24-12-response.docx", letter)));
    return new Sample("elsworth-tc-foi-24-12.msg", "msg", msg, new Truth(
        "Elsworth Town Council", "ETC/FOI/24/12", "2024-11-14", "disclosed", List.of(
            new Mention("Hikvision", "Hikvision", null, "DS-2CD2T86G2-4I", "DS-2CD2T86G2-4I", 4, "camera"),
            new Mention("Hikvision", "Hikvision", null, "DS-7616NI-I2/16P", "DS-7616NI-I2/16P", 1, "nvr")),
        4));
  }

  /** A file committed next to this class (test resources): a sample no Java library can write. */
  private static byte[] resource(String name) {
    try (InputStream in = SampleCorpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the test resources (see tarnsideWordSource)");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- JSON

  private static String toJson(Sample sample) {
    Truth truth = sample.truth();
    List<String> mentions = new ArrayList<>();
    for (Mention m : truth.mentions()) {
      mentions.add("{\"vendor\": " + json(m.vendor()) + ", \"vendor_as_written\": " + json(m.vendorAsWritten())
          + ", \"oem_of\": " + json(m.oemOf()) + ", \"model\": " + json(m.model())
          + ", \"model_as_written\": " + json(m.modelAsWritten()) + ", \"quantity\": " + m.quantity()
          + ", \"product_type\": " + json(m.productType()) + "}");
    }
    return "{\"file\": " + json("samples/docs/" + sample.name()) + ", \"format\": " + json(sample.format())
        + ", \"authority\": " + json(truth.authority()) + ", \"foi_reference\": " + json(truth.foiReference())
        + ", \"response_date\": " + json(truth.responseDate()) + ", \"outcome\": " + json(truth.outcome())
        + ", \"mentions\": [" + String.join(", ", mentions) + "], \"total_cameras\": " + truth.totalCameras() + "}";
  }

  private static String json(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        default -> out.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
      }
    }
    return out.append('"').toString();
  }
}
