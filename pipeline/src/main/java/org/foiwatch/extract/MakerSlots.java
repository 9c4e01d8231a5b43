package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.foiwatch.normalise.ModelShape;
import org.foiwatch.normalise.NonMakers;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Makers the catalogue does not know, where a sentence's wording makes a name a maker: "made
 * by X", "manufactured by X", "the manufacturer is X", "supplied by X" when X then names its
 * model ("supplied by X, model ZX-400" reads as "X ZX-400"), and "X ZX-400 cameras". A bare
 * "X cameras" is not read: places and departments are written that way too. Names marking an
 * installer, contractor, maintainer or public body ({@link NonMakers}) are never makers.
 */
final class MakerSlots {

  /** An unknown maker's name in a unit, with the model-shaped code written right after it, if any. */
  record Maker(int start, int end, String name, ModelShape.Code code) {}

  /** Capitalised words of letters (hyphenated, "&"-joined), with a company's legal ending. */
  private static final String NAME =
      "(\\p{Lu}[\\p{L}'’]*(?:-\\p{L}+)*(?![\\p{L}\\p{N}\\-/])(?:[ ](?:&[ ])?\\p{Lu}[\\p{L}'’]*(?:-\\p{L}+)*(?![\\p{L}\\p{N}\\-/])){0,3}"
          + "(?:,?[ ](?:Ltd|Limited|Inc|GmbH|Co|Corp|Corporation|AB|plc|PLC|LLC|BV|AG|SA)\\b\\.?)?)";

  /** Slots whose verb makes the name a maker on its own; a unit without one of {@link #MAKER_VERB_WORDS} has none. */
  private static final Pattern MAKER_VERB = Pattern.compile(
      "(?i:\\b(?:made|manufactured|produced|built|designed)\\s+by\\s+|\\bmanufacturer(?:\\s+(?:is|was))?\\s*[:–—-]?\\s+)" + NAME);
  private static final List<String> MAKER_VERB_WORDS = List.of("made", "manufacture", "produced", "built", "designed");
  /** The words of every slot: {@link #MAKER_VERB_WORDS}, then "supplied". */
  private static final Keywords SLOT_WORDS = new Keywords(
      Stream.concat(MAKER_VERB_WORDS.stream(), Stream.of("supplied")).toList(),
      Keywords.Case.ASCII_INSENSITIVE);
  /** A supplier may be an installer: it is a maker only where its model code follows its name. */
  private static final Pattern SUPPLIED_BY = Pattern.compile("(?i:\\bsupplied\\s+by\\s+)" + NAME);
  /** "Zentrix ZX-400 cameras": a name, a code, then the kind of kit. */
  private static final Pattern NAME_BEFORE_CODE = Pattern.compile("(?<![\\p{L}\\p{N}])" + NAME);
  private static final Pattern KIT_AFTER_CODE = Pattern.compile(
      "(?i)[ \\t]+(?:[a-z]+[ \\t]+){0,2}?(?:cameras?|domes?|bullets?|ptzs?|turrets?|recorders?|nvrs?|dvrs?|encoders?|units?)\\b");
  /** Words before a slot that make the name who fitted or looks after the kit, not who made it. */
  private static final Pattern INSTALLED_BEFORE = Pattern.compile(
      "(?i)\\b(?:install(?:ed|s)?|fitted|maintain(?:ed|s)?|servic(?:ed|es)|contract(?:ed|or)?)\\b[^.;]{0,20}$");

  private final VendorCatalogue catalogue;

  MakerSlots(VendorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Unknown makers named in one unit, left to right. */
  List<Maker> find(String unit) {
    List<Maker> makers = new ArrayList<>();
    // The slots' words are looked for first, in one pass: a regex tried at each character of a long unit costs far more.
    boolean[] slotWords = new boolean[2]; // a maker verb, "supplied"
    SLOT_WORDS.anyMatch(unit, 0, unit.length(), (start, word) -> {
      slotWords[word < MAKER_VERB_WORDS.size() ? 0 : 1] = true;
      return slotWords[0] && slotWords[1];
    });
    Matcher verb = MAKER_VERB.matcher(slotWords[0] ? unit : "");
    while (verb.find()) {
      if (mayBeUnknownMaker(verb.group(1))) {
        add(unit, verb, codeAfter(unit, verb.end(1)), true, makers);
      }
    }
    Matcher supplied = SUPPLIED_BY.matcher(slotWords[1] ? unit : "");
    while (supplied.find()) {
      Optional<ModelShape.Code> code = mayBeUnknownMaker(supplied.group(1)) ? codeAfter(unit, supplied.end(1)) : Optional.empty();
      if (code.isPresent()) {
        add(unit, supplied, code, true, makers);
      }
    }
    Matcher named = NAME_BEFORE_CODE.matcher(unit).useTransparentBounds(true);
    // A code holds an ASCII digit after its name: no name at or past the last digit has one.
    int lastDigit = lastAsciiDigit(unit);
    for (int from = nextCapital(unit, 0); from < lastDigit; from = nextCapital(unit, from + 1)) {
      if (!named.region(from, unit.length()).lookingAt()) {
        continue;
      }
      // Every capitalised name matches here, mostly one of prose before no code: the name is looked up last.
      Optional<ModelShape.Code> code = codeAfter(unit, named.end(1));
      if (code.isPresent() && KIT_AFTER_CODE.matcher(unit).region(code.get().end(), unit.length()).lookingAt()
          && mayBeUnknownMaker(named.group(1))) {
        add(unit, named, code, false, makers);
      }
      from = named.end() - 1;
    }
    makers.sort(java.util.Comparator.comparingInt(Maker::start));
    return makers;
  }

  /** Where the next name may begin, from {@code from}: an upper-case letter after no letter or digit. */
  private static int nextCapital(String unit, int from) {
    int i = from;
    while (i < unit.length() && !(Character.getType(unit.charAt(i)) == Character.UPPERCASE_LETTER
        && (i == 0 || !Character.isLetterOrDigit(unit.charAt(i - 1))))) {
      i++;
    }
    return i;
  }

  private static int lastAsciiDigit(String unit) {
    int i = unit.length() - 1;
    while (i >= 0 && (unit.charAt(i) < '0' || unit.charAt(i) > '9')) {
      i--;
    }
    return i;
  }

  /** False for a name the catalogue knows or one that is no maker's. */
  private boolean mayBeUnknownMaker(String name) {
    return !NonMakers.excludes(name) && catalogue.resolve(name).isEmpty();
  }

  /** Adds the slot's name unless it was added already or ({@code bySlot}) the slot follows installing words. */
  private void add(String unit, Matcher slot, Optional<ModelShape.Code> code, boolean bySlot, List<Maker> makers) {
    boolean installer = bySlot && INSTALLED_BEFORE.matcher(unit.substring(Math.max(0, slot.start() - 40), slot.start(1))).find();
    boolean seen = makers.stream().anyMatch(m -> m.start() == slot.start(1));
    if (!installer && !seen) {
      makers.add(new Maker(slot.start(1), slot.end(1), slot.group(1), code.orElse(null)));
    }
  }

  /** The model-shaped code right after a name, an optional ", model" between them. */
  private static Optional<ModelShape.Code> codeAfter(String unit, int nameEnd) {
    Matcher label = MODEL_LABEL.matcher(unit).region(nameEnd, unit.length());
    return ModelShape.codeAt(unit, label.lookingAt() ? label.end() - 1 : nameEnd);
  }

  private static final Pattern MODEL_LABEL = Pattern.compile("(?i),?[ \\t]+(?:model|type)[ \\t]*[:]?[ \\t]");
}
