package org.foiwatch.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.ingest.Block;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;
import org.foiwatch.normalise.ModelShape;
import org.foiwatch.normalise.Vendor;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Equipment from running text, sentence by sentence (OpenNLP sentence detection): models with
 * the quantity written next to them, and vendor-level counts ("40 Hikvision cameras"). A
 * sentence that denies or removes kit, asks a question or gives an example yields nothing.
 * Lines of a PDF table arrive here as text, and the same rules read them row by row.
 */
public final class ProseExtractor {

  static final String SENTENCE_MODEL = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

  private static final Pattern NEGATED = Pattern.compile(
      "(?i)\\b(?:(?:do|does|did|have|has|had)\\s+not|don't|doesn't|didn't|never|no\\s+longer|not\\s+(?:use|hold|operate|own|have|procure|purchase|deploy)"
          + "|(?<![\\d.]\\s?)\\bno\\s+(?:[\\w&-]+,?\\s+){0,6}?(?:equipment|cameras?|products?|devices?|kit)\\b"
          + "|neither|none\\s+of|removed|decommissioned|disposed\\s+of|phased\\s+out|was\\s+replaced|were\\s+replaced|have\\s+been\\s+replaced)\\b");
  private static final Pattern HYPOTHETICAL = Pattern.compile(
      "(?i)\\b(?:for\\s+example|such\\s+as|e\\.g\\.|for\\s+instance|particularly\\s+interested|please\\s+(?:state|provide|confirm|list|give))\\b");
  /** News the letter answers, not kit it holds: vendors named there without a model or count are no mention. */
  private static final Pattern REPORTED = Pattern.compile(
      "(?i)\\b(?:media|news|press)\\s+(?:reports?|coverage|articles?|stories)\\b");
  private static final Pattern INSTALLER_BEFORE = Pattern.compile(
      "(?i)(?:installed|maintained|serviced|supplied\\s+and\\s+fitted|fitted)\\s+by\\s*$|(?:contractor|installer|maintainer|integrator)s?\\s*(?:is|was|:)?\\s*$");

  private final VendorFinder vendorFinder;
  private final ModelGrammars grammars;
  private final VendorCatalogue catalogue;
  private final MakerSlots makerSlots;
  private final SentenceDetectorME sentences;

  public ProseExtractor(VendorCatalogue catalogue, VendorFinder vendorFinder, ModelGrammars grammars) {
    this.catalogue = catalogue;
    this.vendorFinder = vendorFinder;
    this.grammars = grammars;
    this.makerSlots = new MakerSlots(catalogue);
    try (InputStream model = ProseExtractor.class.getResourceAsStream(SENTENCE_MODEL)) {
      if (model == null) {
        throw new IllegalStateException("OpenNLP sentence model " + SENTENCE_MODEL + " is not on the classpath");
      }
      this.sentences = new SentenceDetectorME(new SentenceModel(model));
    } catch (IOException e) {
      throw new IllegalStateException("cannot load the OpenNLP sentence model", e);
    }
  }

  /**
   * The equipment in one paragraph; {@code ocr} when its text came from OCR (see {@link
   * ModelGrammars#searchText}). Stops before the next unit once the budget is spent.
   */
  List<EquipmentMention> extract(DocumentText text, int blockIndex, boolean ocr, ExtractionBudget budget) {
    Block block = text.blocks().get(blockIndex);
    String original = ocr ? OcrText.blankRules(block.text()) : block.text();
    // Sentences and model numbers may wrap across lines: search a copy with spaces for line
    // breaks (same length, so offsets hold), but read quantities line by line from the original.
    String flat = blankQuotedLines(original).replace('\n', ' ');
    int base = text.offset(blockIndex);
    List<EquipmentMention> mentions = new ArrayList<>();
    String previousVendor = null;
    boolean numbersAreCounts = Units.numbersAreCounts(original);
    for (int[] sentence : sentences(flat)) {
      for (int[] unit : Units.split(original, sentence[0], sentence[1], numbersAreCounts)) {
        if (budget.isSpent()) {
          return mentions;
        }
        previousVendor = extractUnit(text, block, base, original, flat, unit[0], unit[1], previousVendor, ocr, mentions);
      }
    }
    return mentions;
  }

  /** An abbreviation OpenNLP may take for a sentence's end: a count's "no.", "nr.", "c.", "approx." or a company's "Ltd.", "Co.". */
  private static final Pattern ABBREVIATION_END = Pattern.compile(
      "(?i)\\b(?:no|nos|nr|c|ca|approx|ltd|co|inc|corp|plc|bros|st)\\.\\s*$");

  /** Sentence spans, joined where one ends in an abbreviation of a count or a company name. */
  private List<int[]> sentences(String flat) {
    List<int[]> spans = new ArrayList<>();
    int[] open = null;
    for (Span span : sentences.sentPosDetect(longWordsEndOnce(flat))) {
      if (open != null) {
        open[1] = span.getEnd();
      } else {
        open = new int[] {span.getStart(), span.getEnd()};
      }
      if (!endsWithAbbreviation(flat, open[0], open[1])) {
        spans.add(open);
        open = null;
      }
    }
    if (open != null) {
      spans.add(open);
    }
    return spans;
  }

  /** Longer words keep only their last sentence end for OpenNLP (see {@link #longWordsEndOnce}). */
  private static final int MAX_WORD_WITH_ENDS = 256;

  /**
   * The text with the sentence ends ('.', '!', '?') of every word longer than
   * {@link #MAX_WORD_WITH_ENDS} characters, but its last, made '_' (same length, so offsets hold):
   * OpenNLP reads a word to its end and back to its start for each end inside it, which made a
   * 64 KB "word" of dotted codes cost seconds. It never ends a sentence inside a word.
   */
  private static String longWordsEndOnce(String flat) {
    char[] chars = null;
    int wordStart = 0;
    for (int i = 0; i <= flat.length(); i++) {
      if (i < flat.length() && !Character.isWhitespace(flat.charAt(i))) {
        continue;
      }
      if (i - wordStart > MAX_WORD_WITH_ENDS) {
        boolean last = true;
        for (int k = i - 1; k >= wordStart; k--) {
          if (".!?".indexOf(flat.charAt(k)) >= 0 && !last) {
            chars = chars == null ? flat.toCharArray() : chars;
            chars[k] = '_';
          }
          last &= ".!?".indexOf(flat.charAt(k)) < 0;
        }
      }
      wordStart = i + 1;
    }
    return chars == null ? flat : new String(chars);
  }

  /**
   * True when [start, end) ends in an {@link #ABBREVIATION_END}. Only its last characters are
   * read (the longest abbreviation, its full stop and the character before it), so sentences
   * joined into one of any length cost no more.
   */
  private static boolean endsWithAbbreviation(String flat, int start, int end) {
    int lastVisible = end;
    while (lastVisible > start && Character.isWhitespace(flat.charAt(lastVisible - 1))) {
      lastVisible--;
    }
    return ABBREVIATION_END.matcher(flat).region(Math.max(start, lastVisible - 8), end).find();
  }

  /**
   * The equipment of one unit (a sentence, a list item, one of a list's ";"-separated items):
   * a count is read only inside the unit of the vendor or model it counts. Returns the vendor
   * named last, the context for a model in the next unit that names none.
   */
  private String extractUnit(DocumentText text, Block block, int base, String original, String flat,
      int offset, int unitEnd, String previousVendor, boolean ocr, List<EquipmentMention> mentions) {
    String sentence = flat.substring(offset, unitEnd);
    String unitText = original.substring(offset, unitEnd);
    List<VendorSpan> vendors = shift(vendorFinder.find(sentence), offset);
    String context = vendors.isEmpty() ? previousVendor : vendors.get(0).vendor().canonical();
    String lastVendor = vendors.isEmpty() ? previousVendor : vendors.get(vendors.size() - 1).vendor().canonical();
    TreeMap<Integer, ModelMatch> byStart = models(sentence, offset, vendors, context, ocr);
    if (!ocr) {
      addUnlistedCodes(sentence, offset, vendors, byStart);
    }
    Map<ModelMatch, Integer> namedAt = new HashMap<>();
    List<ModelMatch> models = codesForTheirNames(sentence, new ArrayList<>(byStart.values()), namedAt);
    List<MakerSlots.Maker> unknownMakers = unknownMakers(sentence, offset, vendors, models);
    // Most units name nothing: the negation and example patterns are read only where they matter.
    if (vendors.isEmpty() && models.isEmpty() && unknownMakers.isEmpty()
        || NEGATED.matcher(sentence).find() || sentence.strip().endsWith("?")) {
      return lastVendor;
    }
    boolean hypothetical = HYPOTHETICAL.matcher(sentence).find();
    int firstModelMention = mentions.size();
    Set<String> vendorsWithModels = new HashSet<>();
    for (int m = 0; m < models.size(); m++) {
      ModelMatch found = models.get(m);
      int start = offset + found.start();
      int end = offset + found.end();
      int nameStart = offset + namedAt.getOrDefault(found, found.start());
      VendorSpan written = nearestVendorBefore(vendors, nameStart, found.vendor());
      Optional<Vendor> vendor = catalogue.byCanonical(found.vendor());
      if (vendor.isEmpty()) {
        continue;
      }
      vendorsWithModels.add(found.vendor());
      if (found.isSoftware()) {
        // Video management software names its maker; its version, channel or server counts are no equipment count.
        mentions.add(mention(text, block, base, vendor.get(), written == null ? null : written.asWritten(),
            null, null, true, null, found.productType(), start, end));
        continue;
      }
      int leadStart = written != null && namesTheModel(flat, written.end(), nameStart)
          ? companyStart(flat, offset, written.start()) : nameStart;
      Integer quantity = modelQuantity(unitText, leadStart - offset, found.end())
          // A table row read as a line is a unit of its own, whatever sentences OCR's stray marks make of it.
          .or(() -> aloneOnItsLine(models, offset, original, start) ? trailingRowCount(original, end) : Optional.empty())
          .or(() -> countEndingTheLineBefore(unitText, leadStart - offset, offset, vendors, models))
          .orElse(null);
      if (hypothetical && quantity == null) {
        continue; // "products such as the DS-2CD2143G0-I": an example, not equipment
      }
      if (quantity != null) {
        int next = m + 1 < models.size() ? models.get(m + 1).start() : sentence.length();
        quantity += furtherCount(sentence, found.end(), Math.max(found.end(), next));
      }
      mentions.add(mention(text, block, base, vendor.get(), written == null ? null : written.asWritten(),
          found.canonical(), found.asWritten(), found.known(), quantity, found.productType(), start, end));
    }
    if (hypothetical) {
      return lastVendor;
    }
    shareCounts(mentions.subList(firstModelMention, mentions.size()), unitText);
    boolean reported = REPORTED.matcher(sentence).find();
    for (VendorSpan span : vendors) {
      if (vendorsWithModels.contains(span.vendor().canonical()) || isInstaller(flat, span.start())) {
        continue;
      }
      Integer quantity = QuantityParser.before(unitText, span.start() - offset)
          .or(() -> QuantityParser.after(unitText, span.end() - offset, true))
          .or(() -> labelledCount(unitText, span.end() - offset))
          .or(() -> countEndingTheLineBefore(unitText, span.start() - offset, offset, vendors, models)).orElse(null);
      if (reported && quantity == null) {
        continue;
      }
      mentions.add(mention(text, block, base, span.vendor(), span.asWritten(), null, null, true, quantity,
          null, span.start(), span.end()));
    }
    if (!reported) {
      for (MakerSlots.Maker maker : unknownMakers) {
        mentions.add(unknownMakerMention(text, block, base, unitText, offset, maker));
      }
    }
    return lastVendor;
  }

  /** Words after a product's name up to the bracket holding its code: " bullet cameras (model ". */
  private static final Pattern NAME_THEN_CODE = Pattern.compile("(?i)[\\w\\s.-]{0,40}?\\(\\s*(?:model(?:\\s+no\\.?)?\\s*:?\\s*)?");

  /**
   * The models without a product's name or series that its code follows in brackets: "FLEXIDOME IP
   * 5000i (NDE-5503-AL)", "H5A bullet cameras (model 4.0C-H5A-BO1-IR)" are one item, its code.
   * {@code namedAt} gets where each such code's name starts, where its count is read. A name a
   * grammar reads must be of the code's kind (a recorder named before a camera's code is two items).
   */
  private static List<ModelMatch> codesForTheirNames(String sentence, List<ModelMatch> models, Map<ModelMatch, Integer> namedAt) {
    List<ModelMatch> kept = new ArrayList<>(models.size());
    for (int i = 0; i < models.size(); i++) {
      ModelMatch name = models.get(i);
      ModelMatch code = i + 1 < models.size() ? models.get(i + 1) : null;
      boolean named = code != null && name.vendor().equals(code.vendor()) && !name.isSoftware()
          && (!name.known() || Objects.equals(name.productType(), code.productType())) && name.end() <= code.start()
          && NAME_THEN_CODE.matcher(sentence).region(name.end(), code.start()).matches()
          && closesBracket(sentence, code.end());
      if (named) {
        namedAt.put(code, namedAt.getOrDefault(name, name.start()));
      } else {
        kept.add(name);
      }
    }
    return kept;
  }

  private static boolean closesBracket(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == ')';
  }

  /**
   * Counts one phrase gives several models of a unit: "NDE-3503-AL / NDE-3502-AL: 6 and 8
   * respectively" gives them in order when there are as many counts as models (the first count,
   * right after the last model, is no count of that model alone); "Axis P3245-LVE and P3248-LVE,
   * 4 of each" gives each model without a count of its own 4.
   */
  private static void shareCounts(List<EquipmentMention> unitMentions, String unitText) {
    List<Integer> models = new ArrayList<>();
    for (int i = 0; i < unitMentions.size(); i++) {
      if (unitMentions.get(i).model() != null && !"vms".equals(unitMentions.get(i).productType())) {
        models.add(i);
      }
    }
    if (models.size() < 2) {
      return;
    }
    List<Integer> inOrder = QuantityParser.respectively(unitText);
    if (inOrder.size() == models.size()) {
      for (int k = 0; k < models.size(); k++) {
        unitMentions.set(models.get(k), unitMentions.get(models.get(k)).withQuantity(inOrder.get(k)));
      }
      return;
    }
    List<Integer> uncounted = models.stream().filter(i -> unitMentions.get(i).quantity() == null).toList();
    Optional<Integer> each = uncounted.size() < 2 ? Optional.empty() : QuantityParser.each(unitText);
    each.ifPresent(count -> uncounted.forEach(i -> unitMentions.set(i, unitMentions.get(i).withQuantity(count))));
  }

  /**
   * Codes of a model's shape written right after a catalogued vendor's name that no grammar
   * reads ("Hikvision ZX-4000 cameras"): an unseen family, kept with {@code grammarId} null. Not
   * on OCR text, where a code no grammar reads is mostly a misread code of a known family.
   */
  private static void addUnlistedCodes(String sentence, int offset, List<VendorSpan> vendors, TreeMap<Integer, ModelMatch> models) {
    for (VendorSpan span : vendors) {
      int codeStart = ModelShape.codeStart(sentence, span.end() - offset);
      if (codeStart < 0 || overlaps(models, codeStart, codeStart + 1)) {
        continue; // "Hikvision DS-2CD2143G0-I", the common case: a model holds the code's start, no shape is read
      }
      ModelShape.codeAt(sentence, span.end() - offset)
          .filter(code -> !overlaps(models, code.start(), code.end()))
          .ifPresent(code -> models.put(code.start(), new ModelMatch(code.start(), code.end(), code.asWritten(),
              code.canonical(), span.vendor().canonical(), null, null)));
    }
  }

  /**
   * True when [start, end) overlaps one of the spans, which never overlap each other: the one
   * starting last before {@code end} is the only one that can.
   */
  private static boolean overlaps(TreeMap<Integer, ModelMatch> spans, int start, int end) {
    Map.Entry<Integer, ModelMatch> before = spans.lowerEntry(end);
    return before != null && before.getValue().end() > start;
  }

  /** Makers the catalogue does not know, named in a maker slot of the unit clear of its known names and models. */
  private List<MakerSlots.Maker> unknownMakers(String sentence, int offset, List<VendorSpan> vendors, List<ModelMatch> models) {
    return makerSlots.find(sentence).stream()
        .filter(maker -> vendors.stream().noneMatch(v -> v.start() - offset < maker.end() && maker.start() < v.end() - offset))
        .filter(maker -> models.stream().noneMatch(m -> m.start() < (maker.code() == null ? maker.end() : maker.code().end())
            && maker.start() < m.end()))
        .toList();
  }

  /** An unknown maker's mention: its name as written, its model (by shape) and the count written with them. */
  private static EquipmentMention unknownMakerMention(DocumentText text, Block block, int base, String unitText, int offset,
      MakerSlots.Maker maker) {
    ModelShape.Code code = maker.code();
    Integer quantity = (code == null ? QuantityParser.before(unitText, maker.start())
        : modelQuantity(unitText, maker.start(), code.end())).orElse(null);
    int start = offset + maker.start();
    int end = offset + (code == null ? maker.end() : code.end());
    return new EquipmentMention(maker.name(), false, null, maker.name(), code == null ? null : code.canonical(),
        code == null ? null : code.asWritten(), false, quantity, Role.ITEM, null, block.page(), block.sheet(),
        base + start, base + end, text.snippet(base + start, base + end), Method.PROSE, null);
  }

  /**
   * "We currently hold 93⏎Motorola V700 cameras": a hard-wrapped sentence whose count ends the
   * line before the one its vendor or model opens ({@code leadStart}, in the unit's text). Read
   * only when that line names no vendor or model of its own: then the count is not a table row's
   * trailing count (rows read one line each keep theirs).
   */
  private static Optional<Integer> countEndingTheLineBefore(String unit, int leadStart, int offset,
      List<VendorSpan> vendors, List<ModelMatch> models) {
    int blank = leadStart - 1;
    while (blank >= 0 && unit.charAt(blank) != '\n' && Character.isWhitespace(unit.charAt(blank))) {
      blank--;
    }
    if (blank < 0 || unit.charAt(blank) != '\n') {
      return Optional.empty();
    }
    int lineBreak = blank;
    int lineStart = unit.lastIndexOf('\n', lineBreak - 1) + 1;
    boolean namesItsOwn = startsWithin(vendors, v -> v.start() - offset, lineStart, lineBreak)
        || startsWithin(models, ModelMatch::start, lineStart, lineBreak);
    if (namesItsOwn) {
      return Optional.empty();
    }
    String line = unit.substring(lineStart, lineBreak).stripTrailing() + ' ';
    return QuantityParser.before(line, line.length());
  }

  /**
   * True when one of {@code spans} (in order of {@code start}) starts in [from, to): found by
   * binary search, as a unit may name thousands of vendors and models.
   */
  private static <T> boolean startsWithin(List<T> spans, ToIntFunction<T> start, int from, int to) {
    int low = 0;
    int high = spans.size();
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (start.applyAsInt(spans.get(middle)) < from) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < spans.size() && start.applyAsInt(spans.get(low)) < to;
  }

  /** "Hanwha Techwin: 73", "Axis Communications AB – c. 40": a unit that is a name and the count it labels. */
  private static final Pattern LABELLED_COUNT = Pattern.compile("[\\p{L}\\s.,&()'’]{0,40}[:–—-]\\s*([^:]{1,30})$");

  private static Optional<Integer> labelledCount(String unit, int nameEnd) {
    // Read in place, not from a stripped copy of the rest of the unit: a unit may name thousands of vendors.
    int start = nameEnd;
    int end = unit.length();
    while (start < end && Character.isWhitespace(unit.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(unit.charAt(end - 1))) {
      end--;
    }
    Matcher labelled = LABELLED_COUNT.matcher(unit).region(start, end);
    return labelled.matches() ? QuantityParser.parseCell(labelled.group(1)) : Optional.empty();
  }

  /** "… and a further 4 of the same model": more of the model just counted, added to its count. */
  private static final Pattern FURTHER = Pattern.compile(
      "(?i)\\b(?:a\\s+further|another|an\\s+additional)\\s+(\\d{1,5}|[a-z]+(?:-[a-z]+)?)\\s+"
          + "(?:of\\s+(?:the\\s+same(?:\\s+(?:model|type|camera|unit)s?)?|these|this\\s+model|them)|more)\\b");

  /** The count of further units of the model ending at {@code end}, written before the unit's next model. */
  private static int furtherCount(String unit, int end, int nextModelStart) {
    Matcher further = FURTHER.matcher(unit).region(end, nextModelStart);
    int sum = 0;
    while (further.find()) {
      sum += QuantityParser.parseCell(further.group(1)).orElse(0);
    }
    return sum;
  }

  /** A capitalised word of a company's name before its brand ("Robert" Bosch, "Zhejiang" Dahua). */
  private static final Pattern NAME_WORD_BEFORE = Pattern.compile("(?<!\\p{L})\\p{Lu}\\p{L}+ $");
  /** At most this many such words open a company's name before its brand. */
  private static final int MAX_NAME_WORDS_BEFORE = 2;

  /** Where the written company name that ends in a vendor's brand begins: "7 x Robert Bosch Ltd MODEL" counts from "Robert". */
  private static int companyStart(String flat, int unitStart, int brandStart) {
    int start = brandStart;
    for (int words = 0; words < MAX_NAME_WORDS_BEFORE; words++) {
      Matcher word = NAME_WORD_BEFORE.matcher(flat).region(Math.max(unitStart, start - 24), start).useTransparentBounds(true);
      if (!word.find()) {
        break;
      }
      start = word.start();
    }
    return start;
  }

  /** What may stand between a vendor's name and its model: the rest of a company name, no digit or other word of weight. */
  private static final Pattern COMPANY_REST = Pattern.compile("[\\s\\p{L}.,&()'’-]{0,40}");

  /** True when the text from a vendor's name to a model is at most the rest of the company's name ("Co., Ltd.", "UK & Ireland"). */
  private static boolean namesTheModel(String flat, int vendorEnd, int modelStart) {
    if (vendorEnd > modelStart) {
      return false;
    }
    String between = flat.substring(vendorEnd, modelStart);
    return COMPANY_REST.matcher(between).matches() && between.chars().filter(Character::isLetter).count() <= 24;
  }

  /**
   * The sentence's models read with its context vendor, plus codes too short to trust alone
   * (Annke "I91BN") read with each other vendor the sentence names, in the stretch from that
   * name to the next: "15 by Hikvision (...); 2 by ANNKE (2 x I91BN)". By start: they never overlap.
   */
  private TreeMap<Integer, ModelMatch> models(String sentence, int offset, List<VendorSpan> vendors, String context,
      boolean ocr) {
    TreeMap<Integer, ModelMatch> models = new TreeMap<>();
    grammars.find(sentence, context, ocr).forEach(found -> models.put(found.start(), found));
    for (int v = 0; v < vendors.size(); v++) {
      String vendor = vendors.get(v).vendor().canonical();
      if (vendor.equals(context)) {
        continue;
      }
      int from = vendors.get(v).end() - offset;
      int to = v + 1 < vendors.size() ? vendors.get(v + 1).start() - offset : sentence.length();
      for (ModelMatch found : modelsInStretch(sentence, from, to, vendor, ocr)) {
        if (found.vendor().equals(vendor) && !overlaps(models, found.start(), found.end())) {
          models.put(found.start(), found);
        }
      }
    }
    return models;
  }

  /**
   * Context kept on each side of a vendor's stretch when its models are searched: the grammars'
   * guards read a character beyond a match, a match may open with the brand name before the
   * stretch and win over the code inside it, a raw match may run past the stretch before it is
   * trimmed, and OCR look-alikes are read in windows of up to 48 characters.
   */
  private static final int STRETCH_CONTEXT = 64;

  /**
   * The models read with {@code vendor} that lie wholly in the sentence's stretch [from, to),
   * with sentence offsets. Only the stretch and its context are searched, so a sentence naming
   * thousands of vendors is read in time proportional to its length, not once per vendor.
   */
  private List<ModelMatch> modelsInStretch(String sentence, int from, int to, String vendor, boolean ocr) {
    int windowStart = Math.max(0, from - STRETCH_CONTEXT);
    int windowEnd = Math.min(sentence.length(), to + STRETCH_CONTEXT);
    List<ModelMatch> inStretch = new ArrayList<>();
    for (ModelMatch found : grammars.find(sentence.substring(windowStart, windowEnd), vendor, ocr)) {
      ModelMatch shifted = found.shifted(windowStart);
      if (shifted.start() >= from && shifted.end() <= to) {
        inStretch.add(shifted);
      }
    }
    return inStretch;
  }

  /**
   * The count written with a model: "12 x MODEL" / "12 no. MODEL" first (before the vendor name
   * when it opens the model's name), then a number right after it ("MODEL (nine units)",
   * "MODEL 39" in a table line), then one right before the vendor name or model ("146
   * Hikvision MODEL cameras").
   */
  private static Optional<Integer> modelQuantity(String text, int leadStart, int end) {
    Optional<Integer> multiplied = explicitBefore(text, leadStart);
    if (multiplied.isPresent()) {
      return multiplied;
    }
    Optional<Integer> after = QuantityParser.after(text, end, false);
    if (after.isPresent() && !followedByMultiplier(text, end)) {
      return after;
    }
    Matcher typedThenMultiplied = MULTIPLIED_AFTER_PRODUCT_WORDS.matcher(text).region(end, text.length());
    if (typedThenMultiplied.lookingAt()) {
      return QuantityParser.parseCell(typedThenMultiplied.group(1));
    }
    return QuantityParser.before(text, leadStart);
  }

  /** "MODEL bullet cameras x4": a multiplied count after the words that say what the model is. */
  private static final Pattern MULTIPLIED_AFTER_PRODUCT_WORDS = Pattern.compile(
      "(?i)(?:[ \\t]+(?:fixed|bullet|dome|domes|turret|ptz|box|fisheye|thermal|mini|ip|network|video|cameras?|units?"
          + "|recorders?|nvrs?|dvrs?|encoders?)){1,3}[ \\t]*(?:x|×)[ \\t]*(\\d{1,5})\\b");

  private static final Pattern EXPLICIT_BEFORE = Pattern.compile("(?i)(?:" + QuantityParser.MULTIPLIER + "|units?\\s+of)\\s*$");
  private static final Pattern MULTIPLIER_AFTER = Pattern.compile("(?i)^[\\s,;:]*\\d{1,6}\\s*(?:" + QuantityParser.MULTIPLIER + ")\\s");

  private static final Pattern MULTIPLIER_ALONE = Pattern.compile("(?i)\\s*(?:" + QuantityParser.MULTIPLIER + "|units?\\s+of)\\s*");
  /** Every character {@link #MULTIPLIER_ALONE} can match, in lower case. */
  private static final String MULTIPLIER_CHARS = "x×nosruitf. \t\u000B\f\r";

  private static Optional<Integer> explicitBefore(String text, int position) {
    String before = text.substring(Math.max(0, position - 20), position);
    if (!EXPLICIT_BEFORE.matcher(before).find()) {
      return Optional.empty();
    }
    Optional<Integer> count = QuantityParser.before(text, position);
    int lineStart = lineStartIfOnlyMultiplier(text, position);
    if (count.isPresent() || lineStart < 0) {
      return count;
    }
    // "(21\nx MODEL": a hard-wrapped e-mail line between the count and its multiplier. The count
    // is read from the end of the text, so the text before the line is joined only as far back as
    // QuantityParser.before looks.
    String lineBefore = text.substring(Math.max(0, lineStart - QuantityParser.BEFORE_WINDOW), lineStart);
    return QuantityParser.before(lineBefore + ' ' + text.substring(lineStart + 1, position), lineBefore.length() + position - lineStart);
  }

  /**
   * Where the line holding {@code position} starts (its '\n') when the line up to there is a
   * multiplier alone ("x "), else -1. Reads back only over what {@link #MULTIPLIER_ALONE} allows.
   */
  private static int lineStartIfOnlyMultiplier(String text, int position) {
    int lineStart = position - 1;
    while (lineStart >= 0 && text.charAt(lineStart) != '\n' && MULTIPLIER_CHARS.indexOf(Character.toLowerCase(text.charAt(lineStart))) >= 0) {
      lineStart--;
    }
    boolean onlyMultiplier = lineStart >= 0 && text.charAt(lineStart) == '\n'
        && MULTIPLIER_ALONE.matcher(text).region(lineStart + 1, position).matches();
    return onlyMultiplier ? lineStart : -1;
  }

  private static boolean followedByMultiplier(String text, int end) {
    return MULTIPLIER_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 20))).find();
  }

  /**
   * True when no other of the sentence's models shares the line of the one at {@code start}:
   * the models (in order) of a line are neighbours, so only the text between neighbours is read.
   */
  private static boolean aloneOnItsLine(List<ModelMatch> models, int offset, String text, int start) {
    int m = Collections.binarySearch(models, null, (model, key) -> Integer.compare(model.start(), start - offset));
    return (m == 0 || breaksLine(text, offset + models.get(m - 1).start(), start))
        && (m + 1 == models.size() || breaksLine(text, start, offset + models.get(m + 1).start()));
  }

  private static boolean breaksLine(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        return true;
      }
    }
    return false;
  }

  private static final Pattern TRAILING_COUNT = Pattern.compile("\\s(\\d{1,5})\\s*$");

  /**
   * A PDF table row arrives as one line, "Hikvision DS-2CD2143G0-I Fixed dome camera 24": with
   * one model on the line, a number ending the line is its count column.
   */
  private Optional<Integer> trailingRowCount(String text, int modelEnd) {
    LineTail line = lastLineTail;
    if (line == null || line.text() != text || modelEnd < line.readFrom() || modelEnd > line.end()) {
      int lineEnd = text.indexOf('\n', modelEnd);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      Matcher count = TRAILING_COUNT.matcher(text).region(modelEnd, lineEnd);
      line = lastLineTail = count.find()
          ? new LineTail(text, modelEnd, lineEnd, count.start(),
              QuantityParser.parseCell(count.group(1)).filter(q -> !count.group(1).matches("(19|20)\\d\\d")))
          : new LineTail(text, modelEnd, lineEnd, lineEnd, Optional.empty());
    }
    return line.countStart() >= modelEnd ? line.count() : Optional.empty();
  }

  /**
   * A line's end and the count ending it, as read from {@code readFrom}: a line can hold
   * thousands of units, each with a model, and is read once for all of them. A line ends in at
   * most one count, so a model further along the line has it if it starts after the model.
   */
  private record LineTail(String text, int readFrom, int end, int countStart, Optional<Integer> count) {}

  private LineTail lastLineTail;

  private static boolean isInstaller(String text, int vendorStart) {
    String before = text.substring(Math.max(0, vendorStart - 40), vendorStart);
    return INSTALLER_BEFORE.matcher(before).find();
  }

  /** The last of the vendor's names (spans in order) ending at most 120 characters before the model. */
  private static VendorSpan nearestVendorBefore(List<VendorSpan> vendors, int modelStart, String canonical) {
    int low = 0;
    int high = vendors.size();
    while (low < high) { // the first span ending after the model's start
      int middle = (low + high) >>> 1;
      if (vendors.get(middle).end() <= modelStart) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    for (int v = low - 1; v >= 0 && modelStart - vendors.get(v).end() <= 120; v--) {
      if (vendors.get(v).vendor().canonical().equals(canonical)) {
        return vendors.get(v);
      }
    }
    return null;
  }

  private static EquipmentMention mention(DocumentText text, Block block, int base, Vendor vendor, String vendorAsWritten,
      String model, String modelAsWritten, boolean modelKnown, Integer quantity, String productType, int start, int end) {
    return new EquipmentMention(vendor.canonical(), true, vendor.oemOf(), vendorAsWritten, model, modelAsWritten,
        modelKnown, quantity, Role.ITEM, productType, block.page(), block.sheet(), base + start, base + end,
        text.snippet(base + start, base + end), Method.PROSE, null);
  }

  private static List<VendorSpan> shift(List<VendorSpan> spans, int offset) {
    List<VendorSpan> shifted = new ArrayList<>(spans.size());
    for (VendorSpan span : spans) {
      shifted.add(new VendorSpan(span.start() + offset, span.end() + offset, span.asWritten(), span.vendor()));
    }
    return shifted;
  }

  private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^>.*$");

  /** Replaces {@code > }-quoted lines with spaces, keeping every offset. */
  static String blankQuotedLines(String text) {
    Matcher matcher = QUOTED_LINE.matcher(text);
    StringBuilder out = new StringBuilder(text);
    while (matcher.find()) {
      for (int i = matcher.start(); i < matcher.end(); i++) {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }
}
