package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.List;
import org.foiwatch.ingest.Block;
import org.junit.jupiter.api.Test;

class ContextFilterTest {

  private static Block p(String text) {
    return Block.paragraph(1, text, false);
  }

  @Test
  void quotedRequestIsExcludedUntilTheResponseStarts() {
    List<Block> blocks = List.of(
        p("Our ref: FOI-2024-0001"),
        p("Your request was as follows:"),
        p("Please list all Hikvision cameras, e.g. the DS-2CD2143G0-I."),
        p("2. Who installed them?"),
        p("Response"),
        p("The Council operates 12 Axis P3245-LVE cameras."));
    assertArrayEquals(new boolean[] {false, false, true, true, false, false}, ContextFilter.excludedBlocks(blocks));
  }

  @Test
  void emailQuotesAndEarlierMessagesAreExcluded() {
    List<Block> blocks = List.of(
        p("Please find our answer: 4 x Dahua IPC-HFW2431S-S-S2."),
        p("> How many Hikvision cameras do you have?\n> Thanks"),
        Block.paragraph(1, "Quoted in HTML", true),
        p("On 3 March 2020, A. Requester wrote:"),
        p("Do you use Hikvision?"));
    assertArrayEquals(new boolean[] {false, true, true, true, true}, ContextFilter.excludedBlocks(blocks));
  }

  @Test
  void aMessagesOwnHeaderOpensItButALaterOneStartsAQuotedTrail() {
    List<Block> blocks = List.of(
        p("From: Records Team <records@example.gov.uk>\nSent: 2 May 2022\nTo: A. Requester"),
        p("We hold 9 x Mobotix M16B."),
        p("From: A. Requester <a@example.org>\nSent: 1 April 2022"),
        p("Do you use Hikvision?"));
    assertArrayEquals(new boolean[] {false, false, true, true}, ContextFilter.excludedBlocks(blocks));
  }

  @Test
  void inlineRequestParagraphIsExcluded() {
    List<Block> blocks = List.of(p("You asked: 'How many Hikvision DS-2CD2143G0-I cameras do you operate?'"),
        p("We operate 3 Axis M7104 encoders."));
    assertArrayEquals(new boolean[] {true, false}, ContextFilter.excludedBlocks(blocks));
  }
}
