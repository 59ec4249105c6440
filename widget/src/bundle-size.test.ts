import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWidget, GZIP_BUDGET_BYTES, measureGzip, OUTFILE } from '../scripts/build.mjs';

describe('widget size budget', () => {
  it('fails the build when the gzipped bundle is over budget', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govchat-widget-build-'));
    const lines: string[] = [];
    try {
      await expect(buildWidget({ typecheck: false, outfile: join(dir, 'widget.js'), budgetBytes: 1_000, log: (l) => lines.push(l) })).rejects.toThrow(
        /over the 1000-byte budget/,
      );
      // The figure is printed either way.
      expect(lines.join('\n')).toMatch(/\d+ bytes gzipped/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Checked whenever a bundle has been built (the browser tests always build first).
describe.runIf(existsSync(OUTFILE))('built widget bundle', () => {
  const bundle = existsSync(OUTFILE) ? readFileSync(OUTFILE) : Buffer.alloc(0);

  it(`is at most ${GZIP_BUDGET_BYTES} bytes gzipped, socket client included`, () => {
    expect(measureGzip(bundle)).toBeLessThanOrEqual(GZIP_BUDGET_BYTES);
  });

  it('never parses strings as HTML or code', () => {
    expect(bundle.toString('utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });

  it('is a self-contained script (no module syntax, no require)', () => {
    const text = bundle.toString('utf8');
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(text).not.toMatch(/\brequire\(/);
  });
});
