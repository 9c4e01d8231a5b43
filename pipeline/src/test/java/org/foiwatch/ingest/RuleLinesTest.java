package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.foiwatch.testing.ScannedLetters;
import org.junit.jupiter.api.Test;

/** Ruling lines erased from page images drawn in the test; letters and filled areas kept. */
class RuleLinesTest {

  private static final int WIDTH = 2480;
  private static final int HEIGHT = 1200;

  /** A page: a dark filled band with white text, a line of text, grey rules across and down, slightly skewed. */
  private static BufferedImage page() {
    BufferedImage page = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setColor(new Color(30, 30, 30));
    g.fillRect(200, 100, 2000, 90);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
    g.drawString("CCTV ASSET REGISTER", 260, 170);
    g.setColor(new Color(25, 25, 25));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 42));
    g.drawString("Uniview IPC2124LB-SF28KM-G   Bosch NBE-3502-AL   37", 300, 500);
    g.setColor(new Color(150, 150, 150));
    g.setStroke(new BasicStroke(3));
    g.drawLine(250, 530, 2250, 540); // under the text, dropping ten pixels over its length
    g.drawLine(280, 400, 282, 700);
    g.drawLine(2250, 400, 2248, 700);
    g.dispose();
    return page;
  }

  private static BufferedImage erased(BufferedImage page) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(RuleLines.erase(ScannedLetters.png(page))));
  }

  private static int ink(BufferedImage image, int x0, int y0, int x1, int y1) {
    int ink = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        ink += (image.getRaster().getSample(x, y, 0) < 220) ? 1 : 0;
      }
    }
    return ink;
  }

  @Test
  void rulesAcrossAndDownArePaperAgain() throws Exception {
    BufferedImage before = page();
    BufferedImage after = erased(before);
    int rule = ink(before, 250, 526, 2250, 546);
    assertTrue(rule > 5000, "the drawn rule has ink");
    // Skewed, the rule is drawn in steps; all but a step at an end shorter than a rule are erased.
    assertTrue(ink(after, 250, 526, 2250, 546) < rule / 20, "the rule across is erased");
    for (int x : new int[] {276, 2244}) {
      int down = ink(before, x, 400, x + 12, 700);
      assertTrue(down > 600, "the drawn rule down has ink");
      assertTrue(ink(after, x, 400, x + 12, 700) < down / 20, "the rule down at " + x + " is erased");
    }
  }

  @Test
  void lettersAndFilledAreasStay() throws Exception {
    BufferedImage before = page();
    BufferedImage after = erased(before);
    // The line of text sits above the rule: every one of its letters' pixels is still ink.
    assertEquals(ink(before, 300, 440, 2240, 518), ink(after, 300, 440, 2240, 518));
    // The dark band is an area, not a rule: the ink between its white letters stays (all but a
    // few specks; taken for rules, the gaps between letters lose a twentieth of the band's ink).
    int band = ink(before, 200, 100, 2200, 190);
    assertTrue(band - ink(after, 200, 100, 2200, 190) < band / 1000, "the band keeps its ink");
  }

  @Test
  void bytesThatAreNoImageAreReturnedAsTheyWere() throws Exception {
    byte[] text = "not an image".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(text, RuleLines.erase(text));
  }
}
