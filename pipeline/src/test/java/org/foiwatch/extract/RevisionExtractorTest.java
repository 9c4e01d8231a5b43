package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionExtractorTest {

  @Test
  void aReplyThatSaysItReplacesAnEarlierOneNamesHow() {
    assertEquals("internal_review", RevisionExtractor.revision(List.of("Internal Review Response", "Dear Mr Lane,")));
    assertEquals("internal_review", RevisionExtractor.revision(List.of(
        "I have now completed the internal review of the handling of your request.")));
    assertEquals("internal_review", RevisionExtractor.revision(List.of("Following an internal review, the council now discloses the list.")));
    assertEquals("corrected", RevisionExtractor.revision(List.of("Please find attached a corrected version of the asset list.")));
    assertEquals("corrected", RevisionExtractor.revision(List.of("Our previous response contained an error in the camera count.")));
    assertEquals("revised", RevisionExtractor.revision(List.of("This is a revised response to request 4471.")));
    assertEquals("replaces", RevisionExtractor.revision(List.of("This letter replaces our response of 3 June 2024.")));
    assertEquals("replaces", RevisionExtractor.revision(List.of("Please disregard our earlier email of this morning.")));
  }

  @Test
  void howToAskForAReviewAndOtherUsesOfTheWordsAreNoRevision() {
    assertNull(RevisionExtractor.revision(List.of(
        "If you are dissatisfied with the handling of your request, you may ask for an internal review of our decision.",
        "Should you wish to request an internal review, please write to the address below.",
        "You can complain to the Information Commissioner following an internal review.",
        "The figures are correct at the time of writing.",
        "The Act as amended by the Data Protection Act 2018 applies.")));
    assertNull(RevisionExtractor.revision(List.of()));
  }
}
