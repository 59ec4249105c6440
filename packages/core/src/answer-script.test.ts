import { describe, expect, it } from 'vitest';
import { createScriptStream, toAnswerScript, toSimplified, toTraditional } from './index.js';
import { splitIntoTokens } from './test-helpers/fake-openai-server.js';

describe('toAnswerScript', () => {
  it('converts to the answer language’s script and leaves English alone', () => {
    expect(toAnswerScript('請帶同身份證', 'zh-CN')).toBe('请带同身份证');
    expect(toAnswerScript('请带同身份证', 'zh-HK')).toBe('請帶同身份證');
    expect(toAnswerScript('Bring your HKID (身份證)', 'en')).toBe('Bring your HKID (身份證)');
  });
});

describe('createScriptStream', () => {
  const traditional = '請帶同香港身份證前往登記服務點，例如郵政局。遙距登記請下載應用程式後按指示辦理；如有查詢，請致電熱線。';

  it('converts a stream, whatever its cuts, into exactly the whole text’s conversion', () => {
    for (const [lang, convert] of [['zh-CN', toSimplified], ['zh-HK', toTraditional]] as const) {
      const source = lang === 'zh-CN' ? traditional : toSimplified(traditional);
      for (const pieces of [splitIntoTokens(source), [...source]]) {
        const stream = createScriptStream(lang);
        const out = pieces.map((p) => stream.push(p)).join('') + stream.flush();
        expect(out).toBe(convert(source));
      }
    }
  });

  it('holds text back only until a boundary or a short limit', () => {
    const stream = createScriptStream('zh-CN');
    expect(stream.push('請帶同香港')).toBe('');
    expect(stream.push('身份證。然後')).toBe('请带同香港身份证。');
    expect(stream.push('等候'.repeat(20)).length).toBeGreaterThan(0);
  });
});
