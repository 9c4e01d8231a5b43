package org.foiwatch.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.foiwatch.testing.Fixtures;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** MatchInputs hands on every listed input entry exactly once, with its listed size, spread or not. */
public class MatchInputsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private List<KV<String, Long>> listed() throws Exception {
    Path dir = temp.getRoot().toPath();
    for (int i = 0; i < 20; i++) {
      Fixtures.writeTo(dir, "reply-" + i + ".txt", Fixtures.txt(List.of("Reply " + i, "We hold " + i + " cameras.")));
    }
    Files.createDirectory(dir.resolve("sub"));
    Fixtures.writeTo(dir.resolve("sub"), "sites.csv", Fixtures.csv(List.of(List.of("Site", "Cameras"), List.of("Depot", "4"))));
    List<KV<String, Long>> files = InputFiles.list(dir.toString());
    org.junit.Assert.assertEquals(21, files.size());
    return files;
  }

  @Test
  public void everyListedFileOnceWhereKeysAreBundles() throws Exception {
    List<KV<String, Long>> files = listed();
    PCollection<KV<String, Long>> matched = pipeline.apply(new MatchInputs(files, true));
    PAssert.that(matched).containsInAnyOrder(files);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void everyListedFileOnceWithAKeyPerFile() throws Exception {
    List<KV<String, Long>> files = listed();
    PCollection<KV<String, Long>> matched = pipeline.apply(new MatchInputs(files, false));
    PAssert.that(matched).containsInAnyOrder(files);
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void noInputNoElements() {
    PAssert.that(pipeline.apply(new MatchInputs(List.of(), true))).empty();
    pipeline.run().waitUntilFinish();
  }
}
