package org.foiwatch.extract;

import java.util.List;
import java.util.regex.Pattern;
import org.foiwatch.ingest.Block;

/**
 * Marks the text that is not the authority's answer, so no equipment is taken from it: the
 * quoted request ("Your request was as follows:", "You asked:"), e-mail quotes ({@code > }
 * lines, blockquotes, "On ... wrote:" and "Original Message" trails).
 */
public final class ContextFilter {

  private static final IndexedPattern REQUEST_INTRO = IndexedPattern.compile(
      "(?i)(?:your (?:original )?request (?:was|is|reads|read)(?: as follows)?|you asked(?: for)?|you requested"
          + "|your request:|(?:requested|request) (?:the following|as follows)|in your request you asked"
          + "|the request (?:reads|was)|original request|request details|you wrote)\\s*:?[\"'“]?\\s*$");
  private static final Pattern INLINE_REQUEST = Pattern.compile(
      "(?i)^(?:request|your request|you asked|question\\s*\\d*|q\\d+)\\s*[:.-]");
  private static final Pattern RESPONSE_START = Pattern.compile(
      "(?i)^(?:response|our response|the council'?s response|council'?s response|answer|reply|the response"
          + "|information (?:held|provided)|decision|outcome|a:|answer\\s*\\d*\\s*:|response\\s*\\d*\\s*:"
          + "|(?:the|this) (?:council|authority|force|trust) (?:can confirm|confirms|holds|does|operates|uses|has|currently)"
          + "|we (?:can confirm|confirm|hold|do|have|operate|use)|i can confirm|please (?:see|find)|the information)\\b");
  private static final Pattern THREAD_TRAIL = Pattern.compile(
      "(?i)^(?:-{2,}\\s*original message|-{2,}\\s*forwarded message|on .{5,120} wrote:\\s*$|from:\\s.+\\n(?:sent|date):)");

  private static final int MAX_REQUEST_BLOCKS = 8;

  private ContextFilter() {}

  /** For each block, whether it lies outside the authority's answer. */
  public static boolean[] excludedBlocks(List<Block> blocks) {
    boolean[] excluded = new boolean[blocks.size()];
    int requestBlocksLeft = 0;
    boolean inTrail = false;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      String text = block.text();
      // A message's own From:/Sent: header opens it; only after the first block does one begin a quoted trail.
      if (inTrail || i > 0 && THREAD_TRAIL.matcher(text).find()) {
        inTrail = true;
        excluded[i] = true;
        continue;
      }
      if (block.quoted() || isQuotedLines(text)) {
        excluded[i] = true;
        continue;
      }
      if (requestBlocksLeft > 0) {
        if (block.isRow() || RESPONSE_START.matcher(text).find()) {
          requestBlocksLeft = 0;
        } else {
          excluded[i] = true;
          requestBlocksLeft--;
          continue;
        }
      }
      if (!block.isRow() && REQUEST_INTRO.find(lastLine(text))) {
        requestBlocksLeft = MAX_REQUEST_BLOCKS;
      } else if (!block.isRow() && INLINE_REQUEST.matcher(text).find()) {
        excluded[i] = true;
      } else if (!block.isRow() && containsInlineRequest(text)) {
        excluded[i] = true;
      }
    }
    return excluded;
  }

  /** "You asked: 'How many Hikvision cameras ...'" within one paragraph. */
  private static boolean containsInlineRequest(String text) {
    int colon = text.indexOf(':');
    return colon > 0 && colon < 60 && REQUEST_INTRO.find(text.substring(0, colon + 1))
        && text.length() > colon + 10;
  }

  /** An e-mail paragraph whose lines are mostly {@code >}-quoted. */
  static boolean isQuotedLines(String text) {
    String[] lines = text.split("\n");
    int quoted = 0;
    for (String line : lines) {
      if (line.startsWith(">")) {
        quoted++;
      }
    }
    return quoted > 0 && quoted * 2 >= lines.length;
  }

  private static String lastLine(String text) {
    int newline = text.lastIndexOf('\n');
    return newline < 0 ? text : text.substring(newline + 1);
  }
}
