package org.computerwa.examples.quickstart;

/** One step of the story: it does something real, narrates it and checks every figure it produced. */
interface Act {
  /**
   * The step's one-line title.
   *
   * @return the title
   */
  String title();

  /**
   * Plays the step.
   *
   * @param story what earlier steps produced, and the report to narrate and check into
   */
  void play(Story story);
}
