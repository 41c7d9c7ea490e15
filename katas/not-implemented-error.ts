/**
 * Thrown by every starter function until you write it. The message names the step and
 * the README section to read: that spec is "not started yet", not broken.
 */
export class NotImplementedError extends Error {
  override name = 'NotImplementedError';
  readonly kata: string;
  readonly step: number;

  constructor(kata: string, step: number, what: string) {
    super(`Not started yet: ${what} (${kata}, step ${step}). Read katas/${kata}/README.md, "Step ${step}".`);
    this.kata = kata;
    this.step = step;
  }
}
