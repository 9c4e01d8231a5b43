package org.foiwatch.extract;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The time one document's extraction may take (--extractTimeoutSeconds). Extraction asks it
 * between units of work and stops once it is spent, keeping what it found; the document is then
 * recorded as truncated by {@code extract_timeout}.
 */
final class ExtractionBudget {

  private final LongSupplier nanoClock;
  private final long deadline;
  private boolean spent;

  ExtractionBudget(Duration budget, LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
    this.deadline = nanoClock.getAsLong() + budget.toNanos();
  }

  /** True once the budget is spent; the caller then stops. */
  boolean isSpent() {
    spent = spent || nanoClock.getAsLong() - deadline >= 0;
    return spent;
  }

  /** True when a call to {@link #isSpent} has said so, that is when work was left undone. */
  boolean stoppedWork() {
    return spent;
  }
}
