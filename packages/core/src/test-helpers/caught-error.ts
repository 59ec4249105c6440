import { GovchatError } from '../index.js';

/** Runs `fn` and returns the GovchatError it throws; fails the test if it throws nothing or something else. */
export function caughtGovchatError(fn: () => unknown): GovchatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GovchatError) return error;
    throw error;
  }
  throw new Error('expected a GovchatError');
}
