package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.RegexNameFinder;
import opennlp.tools.util.Span;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;

/**
 * Finds model numbers with OpenNLP's RegexNameFinder over the grammar patterns (span type = grammar
 * id); ModelGrammars then trims, canonicalises and picks between overlapping hits.
 */
public final class ModelFinder {

  private final ModelGrammars grammars;
  private final RegexNameFinder nameFinder;

  public ModelFinder() {
    this(ModelGrammars.standard());
  }

  public ModelFinder(ModelGrammars grammars) {
    this.grammars = grammars;
    this.nameFinder = new RegexNameFinder(grammars.patternsById());
  }

  /** Model spans in the text, left to right; contextVendor (nullable) breaks ties. */
  public List<ModelMatch> find(String text, String contextVendor) {
    return find(text, contextVendor, false);
  }

  /**
   * As {@link #find(String, String)}; for {@code ocr} text, look-alike characters inside model
   * numbers are read as a vendor grammar accepts them (see {@link ModelGrammars#searchText}).
   */
  public List<ModelMatch> find(String text, String contextVendor, boolean ocr) {
    // The search text has the same offsets as the text: dashes and spaces normalised, OCR read.
    String searched = grammars.searchText(text, contextVendor, ocr);
    Span[] spans = nameFinder.find(searched);
    List<ModelGrammars.Hit> hits = new ArrayList<>(spans.length);
    for (Span span : spans) {
      hits.add(new ModelGrammars.Hit(span.getType(), span.getStart(), span.getEnd()));
    }
    return grammars.resolve(text, searched, hits, contextVendor);
  }
}
