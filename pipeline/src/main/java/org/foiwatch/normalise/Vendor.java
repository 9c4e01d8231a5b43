package org.foiwatch.normalise;

import java.io.Serializable;
import java.util.List;

/**
 * A surveillance-equipment vendor from the catalogue.
 *
 * @param canonical the name the pipeline reports, e.g. "Hanwha Vision"
 * @param oemOf canonical name of the maker whose products this brand relabels, or null
 * @param parent canonical name of the company that owns this brand (an acquisition: Avigilon's
 *     is Motorola Solutions), or null; the brand keeps its own canonical name
 * @param country ISO 3166-1 alpha-2 code of the vendor's home country
 * @param productKinds among camera, dvr, nvr, encoder, vms, other
 * @param restrictions effective restriction ids, sorted; OEM brands and owned brands inherit
 *     their maker's and owner's
 * @param aliases every written form that names this vendor, including former names
 * @param formerNames names the vendor traded under before (a subset of aliases)
 * @param caseSensitiveAliases aliases that only count in exactly this case (a subset of aliases)
 * @param source where the catalogue's facts about this vendor come from
 */
public record Vendor(
    String canonical,
    String oemOf,
    String parent,
    String country,
    List<String> productKinds,
    List<String> restrictions,
    List<String> aliases,
    List<String> formerNames,
    List<String> caseSensitiveAliases,
    String source)
    implements Serializable {

  public Vendor {
    productKinds = List.copyOf(productKinds);
    restrictions = List.copyOf(restrictions);
    aliases = List.copyOf(aliases);
    formerNames = List.copyOf(formerNames);
    caseSensitiveAliases = List.copyOf(caseSensitiveAliases);
  }

  public boolean isRestricted() {
    return !restrictions.isEmpty();
  }
}
