package org.foiwatch.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Look-alike characters in OCR text are read back only where a vendor's grammar accepts the result. */
class OcrModelCorrectionTest {

  private final ModelGrammars grammars = ModelGrammars.standard();

  private List<String> canonicals(String text, String context, boolean ocr) {
    return grammars.find(text, context, ocr).stream().map(ModelMatch::canonical).toList();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'We have 12 DS-ZCD2347G2-LU cameras.', DS-2CD2347G2-LU",
    "'We have 12 D5-2CD2347G2-LU cameras.', DS-2CD2347G2-LU",
    "'one DS-76O8NI-K2/8P recorder', DS-7608NI-K2/8P",
    "'one DS 76O8NI K2/8P recorder', DS-7608NI-K2/8P",
    "'26 x SNO-6O84R', SNO-6084R",
    "'26 x 5NO-6084R', SNO-6084R",
    "'AXIS P3245-LVE and P32A5-LVE', P3245-LVE",
  })
  void readsLookAlikesBackWhereTheGrammarAcceptsThem(String text, String expected) {
    assertTrue(canonicals(text, null, true).contains(expected), () -> canonicals(text, null, true).toString());
  }

  @Test
  void theAsWrittenFormIsWhatOcrRead() {
    List<ModelMatch> found = grammars.find("one DS-76O8NI-K2/8P recorder", null, true);
    assertEquals(1, found.size());
    assertEquals("DS-76O8NI-K2/8P", found.get(0).asWritten());
    assertEquals("DS-7608NI-K2/8P", found.get(0).canonical());
    assertEquals(4, found.get(0).start());
  }

  @Test
  void aLookAlikeTheGrammarAlsoAcceptsIsLeftAsRead() {
    // "GZ" is as valid a Hikvision series as "G2": without a model list there is nothing to prefer.
    assertEquals(List.of("DS-2CD2347GZ-LU"), canonicals("12 DS-2CD2347GZ-LU", null, true));
  }

  @Test
  void onlyOcrTextIsCorrected() {
    assertEquals(List.of(), canonicals("one DS-76O8NI-K2/8P recorder", null, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "The SOS team reviewed 2O24 figures on 12 May; call 0303 123 1113 or write to SK9 5AF.",
    "We hold 40 cameras in total, installed in 2019 and serviced in 2O21.",
    "Reference FOI-2O24-0318, received 1 March 2024 (40 working days).",
    "BOOTS, SILO and ZOO are words, not model numbers.",
  })
  void neverInventsAModelFromProseNumbersOrWords(String text) {
    assertEquals(List.of(), canonicals(text, null, true), text);
    assertEquals(List.of(), canonicals(text, "Hikvision", true), text);
  }

  @Test
  void aCodeAlreadyCorrectIsNotStretchedOverTheNextWord() {
    // "|19" is a table rule and a count; read as "I19" it would make "LNB4321B-I19".
    assertEquals(List.of("LNB4321B"), canonicals("Museum Lorex LNB4321B |19", "Lorex", true));
  }

  @Test
  void wordsWithoutADigitAreNeverChanged() {
    // "SOS" is a word; reading it as "505" would be inventing, whatever a grammar accepts.
    assertEquals("The SOS", grammars.searchText("The SOS", null, true));
  }

  @Test
  void cleanTextFindsTheSameModelsWithOrWithoutOcrReading() {
    String text = "The site has 14 x DS-2CD2143G0-I cameras, a DS-7616NI-I2/16P recorder, two AXIS Q6135-LE PTZs,"
        + " IPC-HFW2431S-S-S2 (x6), NVR4108HS-8P-4KS2/L and XVR5108HS-4KL-I2; DS 2CD2347G2 LU at the gate;"
        + " 3 Avigilon 5.0C-H5A-BO1-IR and Bosch NDE-5503-AL.";
    assertEquals(grammars.find(text, null, false), grammars.find(text, null, true));
  }

  @Test
  void theContextVendorsGrammarIsPreferred() {
    String text = "Cameras: M2I20";
    assertEquals(List.of("Axis"), grammars.find(text, null, true).stream().map(ModelMatch::vendor).toList());
    assertEquals(List.of("Huawei"), grammars.find(text, "Huawei", true).stream().map(ModelMatch::vendor).toList());
  }

  @Test
  void offsetsAreKept() {
    String text = "Two DS-2CO2347G2-LU, one SNO-6O84R.";
    assertEquals(text.length(), grammars.searchText(text, null, true).length());
  }

  @Test
  void fewestSubstitutionsWin() {
    OcrModelCorrector corrector = OcrModelCorrector.fromGroups(List.of("O0o"));
    Pattern twoZeros = Pattern.compile("A[0O]{2}[0-9]");
    Pattern exact = Pattern.compile("AOO1");
    // Both accept after reading; "AOO1" needs none, so it is kept as written.
    assertEquals("x AOO1 y", corrector.correct("x AOO1 y", List.of(twoZeros, exact)));
    assertEquals("x A001 y", corrector.correct("x AOO1 y", List.of(Pattern.compile("A00[0-9]"))));
  }
}
