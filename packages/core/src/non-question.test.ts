import { beforeAll, describe, expect, it } from 'vitest';
import { detectNonQuestion, loadIndex, type BotIndex } from '@govchat/core';
import { copyCorpora, ingestAll } from './test-helpers/temp-corpora.js';

describe('detectNonQuestion', () => {
  let index: BotIndex;
  beforeAll(async () => {
    const { dataDir } = await ingestAll(await copyCorpora(['immigration']));
    index = await loadIndex(dataDir, 'immigration');
  });

  it('names small talk with its kind, and mashing as unclear', () => {
    expect(detectNonQuestion('thanks, have a nice day', index)).toEqual({ reason: 'small-talk', kind: 'thanks' });
    expect(detectNonQuestion('你係咪真人嚟㗎？', index)).toEqual({ reason: 'small-talk', kind: 'identity' });
    expect(detectNonQuestion('hjkhjkhjk 護護護 ！！！ 12345', index)).toEqual({ reason: 'unclear' });
  });

  it('leaves questions to retrieval, greeting or not', () => {
    expect(detectNonQuestion('點樣續期護照', index)).toBeUndefined();
    expect(detectNonQuestion('hi, how do I renew my passport?', index)).toBeUndefined();
    expect(detectNonQuestion('asdf 護照', index)).toBeUndefined();
  });
});
