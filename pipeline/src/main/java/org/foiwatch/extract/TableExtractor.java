package org.foiwatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.foiwatch.extract.EquipmentMention.Method;
import org.foiwatch.extract.EquipmentMention.Role;
import org.foiwatch.ingest.Block;
import org.foiwatch.normalise.ModelGrammars;
import org.foiwatch.normalise.ModelMatch;
import org.foiwatch.normalise.ModelShape;
import org.foiwatch.normalise.NonMakers;
import org.foiwatch.normalise.TableHeaders;
import org.foiwatch.normalise.TableHeaders.Column;
import org.foiwatch.normalise.Vendor;
import org.foiwatch.normalise.VendorCatalogue;

/**
 * Equipment from tables and spreadsheets: finds the header row (even below title rows), then
 * reads each row's vendor, model and quantity. A table without a quantity column is a
 * per-unit register: each row counts one. Blank vendor cells inherit the vendor above, and a
 * row holding only a vendor name is a heading for the rows below it.
 */
public final class TableExtractor {

  private static final Pattern TOTAL_ROW = Pattern.compile("(?i)^(?:grand\\s+)?(?:sub-?)?total\\b.*");
  private static final Pattern TOTAL_CAMERAS_ROW = Pattern.compile("(?i)^(?:grand\\s+)?total(?:\\s+(?:number\\s+of\\s+)?cameras?)?\\b.*");
  private static final Pattern NOT_A_NAME = Pattern.compile(
      "(?i)^(?:n/?a|none|unknown|various|tbc|-|–|withheld|exempt|not known|other|mixed|\\d+)$");
  private static final int HEADER_SEARCH_ROWS = 12;
  private static final TableHeaders HEADERS = TableHeaders.standard();

  private final VendorCatalogue catalogue;
  private final ModelGrammars grammars;

  public TableExtractor(VendorCatalogue catalogue, ModelGrammars grammars) {
    this.catalogue = catalogue;
    this.grammars = grammars;
  }

  /**
   * The rows' equipment, and the table's stated camera total when it has a total row;
   * {@code headed} is false when no header row names its columns (its rows are then no table to this reader).
   */
  public record Result(List<EquipmentMention> mentions, Integer totalCameras, boolean headed) {}

  public Result extract(DocumentText text, List<Integer> rows, boolean[] excluded) {
    int headerRow = -1;
    int[] columns = null;
    for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH_ROWS); r++) {
      int[] found = headerColumns(text.blocks().get(rows.get(r)).cells());
      if (found != null) {
        headerRow = r;
        columns = found;
        break;
      }
    }
    List<EquipmentMention> mentions = new ArrayList<>();
    Integer totalCameras = null;
    if (columns == null) {
      return new Result(mentions, null, false);
    }
    if (columns[Column.QUANTITY.ordinal()] < 0) {
      columns[Column.QUANTITY.ordinal()] = countColumn(text, rows.subList(headerRow + 1, rows.size()), columns);
    }
    boolean register = columns[Column.QUANTITY.ordinal()] < 0;
    List<Integer> textColumns = textColumns(text.blocks().get(rows.get(headerRow)).cells(), columns);
    Vendor headingVendor = null;
    String headingAsWritten = null;
    for (int r = headerRow + 1; r < rows.size(); r++) {
      int index = rows.get(r);
      if (excluded[index]) {
        continue;
      }
      Block block = text.blocks().get(index);
      List<String> cells = block.cells();
      String first = firstNonEmpty(cells);
      if (first == null) {
        continue;
      }
      if (TOTAL_ROW.matcher(first).matches()) {
        if (TOTAL_CAMERAS_ROW.matcher(first).matches()) {
          totalCameras = lastQuantity(cells).orElse(totalCameras);
        }
        continue;
      }
      String vendorCell = cell(cells, columns[Column.VENDOR.ordinal()]);
      String modelCell = WrappedCells.joinCellLines(cell(cells, columns[Column.MODEL.ordinal()]), grammars);
      if (nonEmptyCount(cells) == 1 && catalogue.resolve(first).isPresent()) {
        headingVendor = catalogue.resolve(first).get();
        headingAsWritten = first;
        continue;
      }
      Optional<Vendor> vendor = vendorCell.isEmpty() ? Optional.empty() : resolveVendorCell(vendorCell);
      String vendorAsWritten = vendorCell;
      if (vendorCell.isEmpty() && headingVendor != null) {
        vendor = Optional.of(headingVendor);
        vendorAsWritten = headingAsWritten;
      }
      String context = vendor.map(Vendor::canonical).orElse(null);
      Optional<ModelMatch> model = modelCell.isEmpty() ? Optional.empty() : grammars.parseCell(modelCell, context);
      if (model.isEmpty() && !modelCell.isEmpty()) {
        model = grammars.find(modelCell, context).stream().findFirst();
      }
      if (model.isEmpty() && columns[Column.MODEL.ordinal()] < 0) {
        model = modelInTextCells(cells, textColumns, context);
      }
      if (vendor.isEmpty() && model.isPresent()) {
        vendor = catalogue.byCanonical(model.get().vendor());
        vendorAsWritten = vendorCell.isEmpty() ? null : vendorCell;
      }
      // An unknown name counts only in a row that says more (a model, a count): alone it is a note or a source line.
      String unknownVendor = vendor.isEmpty() && isName(vendorCell) && nonEmptyCount(cells) > 1 ? vendorCell : null;
      if (vendor.isEmpty() && unknownVendor == null) {
        continue;
      }
      String productType = model.map(ModelMatch::productType)
          .orElse(typeFromCell(cell(cells, columns[Column.TYPE.ordinal()])));
      // Software names its maker; its version or licence count is no model and no count.
      boolean software = "vms".equals(productType);
      String modelCanonical = software ? null : model.map(ModelMatch::canonical).orElse(ModelShape.cell(modelCell).orElse(null));
      Integer quantity = software ? null : register ? Integer.valueOf(1)
          : QuantityParser.parseCell(cell(cells, columns[Column.QUANTITY.ordinal()])).orElse(null);
      if (!register && quantity != null && quantity == 0) {
        continue;
      }
      int modelColumn = columns[Column.MODEL.ordinal()] >= 0 ? columns[Column.MODEL.ordinal()] : columns[Column.VENDOR.ordinal()];
      int start = text.cellOffset(index, Math.max(0, Math.min(modelColumn, cells.size() - 1)));
      int end = text.offset(index) + block.text().length();
      String tableKey = "table" + block.table() + (block.sheet() == null ? "" : ":" + block.sheet());
      mentions.add(new EquipmentMention(
          vendor.map(Vendor::canonical).orElse(unknownVendor), vendor.isPresent(),
          vendor.map(Vendor::oemOf).orElse(null), vendorAsWritten == null || vendorAsWritten.isEmpty() ? null : vendorAsWritten,
          modelCanonical, modelCanonical == null ? null : model.map(ModelMatch::asWritten).orElse(modelCell),
          modelCanonical == null || model.isPresent(),
          quantity, register ? Role.REGISTER_ROW : Role.ITEM, productType, block.page(), block.sheet(),
          start, end, text.snippet(start, end), register ? Method.REGISTER : Method.TABLE, tableKey));
    }
    return new Result(mentions, totalCameras, true);
  }

  /**
   * Where a table without a model column may write its models, in the order they are tried: the
   * vendor column ("Axis P1455-LE"), then the kind column ("P1455-LE bullet camera" under
   * "Description") and columns whose header the lexicon does not name ("Item"). Identifier,
   * date and price columns are not among them.
   */
  private static List<Integer> textColumns(List<String> header, int[] columns) {
    List<Integer> textColumns = new ArrayList<>();
    for (Column column : List.of(Column.VENDOR, Column.TYPE)) {
      if (columns[column.ordinal()] >= 0) {
        textColumns.add(columns[column.ordinal()]);
      }
    }
    for (int c = 0; c < header.size(); c++) {
      if (!HEADERS.knows(header.get(c)) && !textColumns.contains(c) && c != columns[Column.QUANTITY.ordinal()]) {
        textColumns.add(c);
      }
    }
    return textColumns;
  }

  private Optional<ModelMatch> modelInTextCells(List<String> cells, List<Integer> textColumns, String context) {
    for (int column : textColumns) {
      String cell = cell(cells, column);
      Optional<ModelMatch> model = cell.isEmpty() ? Optional.empty() : grammars.find(cell, context).stream().findFirst();
      if (model.isPresent()) {
        return model;
      }
    }
    return Optional.empty();
  }

  /**
   * A column whose header the lexicon does not know ("Oty" as OCR reads "Qty", "In use") but
   * every one of whose cells is a count is the count column; a column of years or of row
   * numbers (1, 2, 3 …) is not. -1 when there is none.
   */
  private static int countColumn(DocumentText text, List<Integer> dataRows, int[] columns) {
    int width = dataRows.stream().mapToInt(r -> text.blocks().get(r).cells().size()).max().orElse(0);
    for (int c = width - 1; c >= 0; c--) {
      final int column = c;
      if (java.util.Arrays.stream(columns).anyMatch(known -> known == column)) {
        continue;
      }
      List<String> values = dataRows.stream().map(r -> cell(text.blocks().get(r).cells(), column))
          .filter(v -> !v.isEmpty() && !TOTAL_ROW.matcher(v).matches()).toList();
      List<Integer> counts = values.stream().map(QuantityParser::parseCell).flatMap(Optional::stream).toList();
      boolean years = values.stream().allMatch(v -> v.matches("(?:19|20)\\d\\d"));
      boolean rowNumbers = counts.size() > 1 && java.util.stream.IntStream.range(1, counts.size())
          .allMatch(i -> counts.get(i) == counts.get(i - 1) + 1);
      if (values.size() >= 2 && counts.size() == values.size() && !years && !rowNumbers) {
        return column;
      }
    }
    return -1;
  }

  /** Column index per {@link Column} (-1 when absent), or null when the row is no header. */
  static int[] headerColumns(List<String> cells) {
    int[] columns = {-1, -1, -1, -1, -1};
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c).strip();
      if (cell.isEmpty() || cell.length() > 40) {
        continue;
      }
      Column column = HEADERS.classify(cell);
      if (column != null && columns[column.ordinal()] < 0) {
        columns[column.ordinal()] = c;
      }
    }
    boolean hasVendorOrModel = columns[Column.VENDOR.ordinal()] >= 0 || columns[Column.MODEL.ordinal()] >= 0;
    int found = 0;
    for (int column : columns) {
      found += column >= 0 ? 1 : 0;
    }
    return hasVendorOrModel && found >= 2 ? columns : null;
  }

  private static String typeFromCell(String cell) {
    String lower = cell.toLowerCase(Locale.ROOT);
    if (lower.contains("nvr") || lower.contains("network video recorder")) {
      return "nvr";
    }
    if (lower.contains("dvr") || lower.contains("digital video recorder")) {
      return "dvr";
    }
    if (lower.contains("encoder")) {
      return "encoder";
    }
    if (lower.contains("vms") || lower.contains("software")) {
      return "vms";
    }
    return lower.isEmpty() || lower.contains("camera") || lower.contains("dome") || lower.contains("bullet")
        || lower.contains("ptz") || lower.contains("turret") ? "camera" : "other";
  }

  /** A Manufacturer-column value that may name a maker: not a placeholder, an installer or a public body. */
  private static boolean isName(String cell) {
    return !cell.isBlank() && cell.length() <= 60 && !NOT_A_NAME.matcher(cell.strip()).matches()
        && cell.matches(".*\\p{L}.*") && !NonMakers.excludes(cell);
  }

  private static Optional<Integer> lastQuantity(List<String> cells) {
    for (int c = cells.size() - 1; c >= 0; c--) {
      Optional<Integer> quantity = QuantityParser.parseCell(cells.get(c));
      if (quantity.isPresent()) {
        return quantity;
      }
    }
    return Optional.empty();
  }

  /**
   * The maker a vendor cell names: a name in brackets after it is a note on it ("Avigilon
   * (Motorola Solutions)", "LTS (made by Hikvision)"), read only when the name before it is unknown.
   */
  private Optional<Vendor> resolveVendorCell(String vendorCell) {
    int bracket = vendorCell.indexOf('(');
    if (bracket > 0) {
      Optional<Vendor> named = catalogue.resolve(vendorCell.substring(0, bracket));
      if (named.isPresent()) {
        return named;
      }
    }
    return catalogue.resolve(vendorCell);
  }

  private static String cell(List<String> cells, int column) {
    return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
  }

  private static String firstNonEmpty(List<String> cells) {
    return cells.stream().map(String::strip).filter(c -> !c.isEmpty()).findFirst().orElse(null);
  }

  private static int nonEmptyCount(List<String> cells) {
    return (int) cells.stream().filter(c -> !c.isBlank()).count();
  }
}
