package org.foiwatch.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ResponseDateExtractorTest {

  private static String date(String text) {
    return ResponseDateExtractor.responseDate(text, text, null);
  }

  @Test
  void everyDateForm() {
    assertEquals("2025-03-07", ResponseDateExtractor.isoDate("7 MAR 2025"));
    assertEquals("2025-03-07", ResponseDateExtractor.isoDate("7th of march, 2025"));
    assertEquals("2025-09-22", ResponseDateExtractor.isoDate("Monday, 22nd September 2025"));
    assertEquals("2025-09-22", ResponseDateExtractor.isoDate("Sept. 22, 2025"));
    assertEquals("2024-02-29", ResponseDateExtractor.isoDate("29/02/24"));
    assertEquals("2024-11-05", ResponseDateExtractor.isoDate("05.11.2024"));
    assertEquals("2024-11-05", ResponseDateExtractor.isoDate("2024-11-05"));
    assertEquals("2024-11-05", ResponseDateExtractor.isoDate("05-NOV-2024"));
    assertNull(ResponseDateExtractor.isoDate("31/02/2024"));
  }

  @Test
  void theLettersDateNotTheRequestsOrADeadline() {
    assertEquals("2025-01-30", date("Thank you for your request dated 2 January 2025.\nDate: 30 January 2025"));
    assertEquals("2025-01-30", date("Request date: 02/01/2025\nDate of response: 30/01/2025"));
    assertEquals("2022-08-19", date("We received your e-mail on 28 July 2022 and must reply by 25 August 2022.\n19 August 2022\nDear Mr Hale"));
    assertEquals("2023-04-11", date("Date:\nTuesday 11 April 2023"));
  }

  @Test
  void anEmailsSentDateBeforeDatesInItsBody() {
    assertEquals("2021-06-02", ResponseDateExtractor.responseDate("Thank you for your email of 3 May 2021.", "", "2021-06-02T10:12:00Z"));
    assertEquals("2021-06-04", ResponseDateExtractor.responseDate("Date: 4 June 2021", "", "2021-06-02T10:12:00Z"));
  }

  @Test
  void aDateInATableRowIsDataNotTheLetters() {
    String rows = "Camera\tInstalled\nCivic car park\t14/06/2018";
    assertNull(ResponseDateExtractor.responseDate(rows, "", null));
    assertEquals("2024-02-01", ResponseDateExtractor.responseDate("Date\t01/02/2024\n" + rows, "", null));
  }

  @Test
  void anEnquiryDateIsNotTheLetters() {
    assertEquals("2023-03-02", date("Many thanks for your enquiry dated 09-02-2023.\nWe reply on 2 March 2023."));
  }

  @Test
  void noDateIsNull() {
    assertNull(date("Dear Ms Quill, thank you for your request of 4 March 2024."));
  }
}
