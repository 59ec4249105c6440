import { describe, expect, it } from 'vitest';
import { checkAccuracyGate } from '@govchat/eval';

describe('checkAccuracyGate', () => {
  it('fails below the threshold and says by how much, without float noise', () => {
    const gate = checkAccuracyGate(0.87, 0.9);
    expect(gate).toMatchObject({ passed: false, shortBy: 0.03 });
    expect(gate.message).toBe('accuracy 0.8700 is below --min-accuracy 0.9000 by 0.0300 (3.0 points)');
  });

  it('passes at and above the threshold', () => {
    expect(checkAccuracyGate(0.9, 0.9)).toMatchObject({ passed: true, shortBy: 0 });
    expect(checkAccuracyGate(0.95, 0.9).message).toBe('accuracy 0.9500 meets --min-accuracy 0.9000');
  });
});
