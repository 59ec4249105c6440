/** The outcome of `--min-accuracy`. */
export interface GateResult {
  readonly passed: boolean;
  readonly accuracy: number;
  readonly minAccuracy: number;
  /** How far below the threshold accuracy is (0 when it passed). */
  readonly shortBy: number;
  /** One line for a maintainer reading CI output. */
  readonly message: string;
}

/**
 * The regression gate: accuracy must be at least `minAccuracy` (both 0–1).
 *
 * @example checkAccuracyGate(0.87, 0.9).message
 * // 'accuracy 0.8700 is below --min-accuracy 0.9000 by 0.0300 (3.0 points)'
 */
export function checkAccuracyGate(accuracy: number, minAccuracy: number): GateResult {
  const passed = accuracy >= minAccuracy;
  // Rounded so that float noise (0.9 - 0.87 = 0.030000000000000027) never reaches the message.
  const shortBy = passed ? 0 : Math.round((minAccuracy - accuracy) * 1e4) / 1e4;
  const message = passed
    ? `accuracy ${accuracy.toFixed(4)} meets --min-accuracy ${minAccuracy.toFixed(4)}`
    : `accuracy ${accuracy.toFixed(4)} is below --min-accuracy ${minAccuracy.toFixed(4)} by ${shortBy.toFixed(4)} (${(shortBy * 100).toFixed(1)} points)`;
  return { passed, accuracy, minAccuracy, shortBy, message };
}
