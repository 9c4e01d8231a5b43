package org.foiwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class ParserLimitsTest {

  @Test
  void defaultsAreWhatBeamsOptionsFactoryGives() {
    assertEquals(ParserLimits.from(PipelineOptionsFactory.as(ParserOptions.class)), ParserLimits.defaults());
  }
}
