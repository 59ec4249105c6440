import { describe, expect, it } from 'vitest';
import { createProgressBar } from '@govchat/eval';

describe('createProgressBar', () => {
  it('redraws one line in place with count, percentage and label', () => {
    const out: string[] = [];
    const bar = createProgressBar((t) => out.push(t), { width: 10, minIntervalMs: 0 });
    bar.update(1, 4, 'full');
    bar.update(2, 4, 'full');
    expect(out).toEqual(['\r\x1b[2K[###       ] 1/4  25%  full', '\r\x1b[2K[#####     ] 2/4  50%  full']);
  });

  it('skips redraws within the interval, but always draws the last step', () => {
    const out: string[] = [];
    let clock = 0;
    const bar = createProgressBar((t) => out.push(t), { width: 4, minIntervalMs: 100, now: () => clock });
    bar.update(1, 4);
    clock = 50;
    bar.update(2, 4); // too soon
    clock = 160;
    bar.update(3, 4);
    clock = 170;
    bar.update(4, 4); // the last step, however soon
    expect(out.map((t) => t.replace('\r\x1b[2K', ''))).toEqual(['[#   ] 1/4  25%', '[### ] 3/4  75%', '[####] 4/4 100%']);
  });

  it('skips identical redraws and clears the line when finished', () => {
    const out: string[] = [];
    const bar = createProgressBar((t) => out.push(t), { width: 4 });
    bar.update(4, 4);
    bar.update(4, 4);
    bar.finish();
    expect(out).toEqual(['\r\x1b[2K[####] 4/4 100%', '\r\x1b[2K']);
  });

  it('writes nothing on finish when it never drew', () => {
    const out: string[] = [];
    createProgressBar((t) => out.push(t)).finish();
    expect(out).toEqual([]);
  });
});
