/**
 * Written by `npm run calibrate` (eval/calibrate): the abstention threshold that maximises
 * accuracy on the dev set. Do not edit by hand; re-run the script after changing retrieval.
 */
export const RETRIEVAL_CALIBRATION = {
  abstainBelow: 0.5,
  fittedOn: 'initial default',
} as const;
