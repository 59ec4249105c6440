import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Builds a tiny sentence-embedding model on disk, laid out exactly as @huggingface/transformers
 * expects a hub model (`<modelsDir>/<org>/<name>/{config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx}`), so tests exercise the real loading, tokenising,
 * pooling and normalising path offline. The ONNX graph is written as protobuf bytes by hand (no
 * Python `onnx` here): token-embedding table lookup (Gather), masked by the attention mask — the
 * shape of a transformer's `last_hidden_state`, without the layers in between. The tokenizer is a
 * BERT-style WordPiece over a small English and Chinese vocabulary (each Chinese character is a
 * token, as in BERT).
 */

export interface TinyModelOptions {
  /** Hub-style id, e.g. 'govchat-test/tiny-e5' (default). */
  readonly id?: string;
  /** Embedding width (default 64). */
  readonly dimension?: number;
  /** Seed of the embedding table (default 7); a different seed is a different model. */
  readonly seed?: number;
  /** File name under onnx/ (default 'model.onnx'; 'model_quantized.onnx' for dtype q8). */
  readonly onnxFile?: string;
}

export interface TinyModel {
  readonly id: string;
  readonly dir: string;
  readonly dimension: number;
  readonly vocabulary: readonly string[];
}

const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]'];
const WORDS = [
  'query', 'passage', ':', '?', '.', ',', 'how', 'do', 'i', 'can', 'my', 'the', 'a', 'to', 'for', 'of', 'is', 'what', 'much', 'does',
  'register', 'renew', 'passport', 'identity', 'card', 'smart', 'iam', 'phone', 'lost', 'cost', 'fee', 'apply', 'online', 'app',
  'remotely', 'person', 'office', 'password', 'forgot', 'housing', 'rent', 'flat', 'public', 'job', 'employment', 'leave', 'holiday',
  'elderly', 'voucher', 'health', 'data', 'open', 'download', '##s', '##ing', '##ed',
];
const CHARACTERS = [...'如何點樣登記智方便護照續期身份證遺失手機費用多少錢申請網上公屋租金職位假期長者醫療券資料下載忘記密碼嘅咗唔係我的是'];

/**
 * Writes the tiny model under `modelsDir` and returns where.
 *
 * @example
 * const model = await writeTinyEmbeddingModel(modelsDir);
 * const embedder = await createTransformerEmbedder({ model: model.id, modelsDir });
 */
export async function writeTinyEmbeddingModel(modelsDir: string, options: TinyModelOptions = {}): Promise<TinyModel> {
  const id = options.id ?? 'govchat-test/tiny-e5';
  const dimension = options.dimension ?? 64;
  const vocabulary = [...SPECIAL, ...WORDS, ...CHARACTERS];
  const dir = join(modelsDir, ...id.split('/'));
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const table = embeddingTable(vocabulary, dimension, options.seed ?? 7);
  await writeFile(join(dir, 'onnx', options.onnxFile ?? 'model.onnx'), buildEmbeddingOnnx(table, vocabulary.length, dimension));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(wordPieceTokenizer(vocabulary)));
  await writeFile(
    join(dir, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 128,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      cls_token: '[CLS]',
      sep_token: '[SEP]',
    }),
  );
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: dimension, vocab_size: vocabulary.length, max_position_embeddings: 128 }),
  );
  return { id, dir, dimension, vocabulary };
}

// Words that carry little meaning get short vectors, as a trained model's would in effect: the
// prefixes, punctuation and function words then do not drown the content words in mean pooling.
const LIGHT = new Set([...SPECIAL, 'query', 'passage', ':', '?', '.', ',', 'how', 'do', 'i', 'can', 'my', 'the', 'a', 'to', 'for', 'of', 'is', 'what', 'does', '##s', '##ing', '##ed', ...'如何點樣嘅咗唔係我的是']);

/** A deterministic pseudo-random table; light tokens get vectors a tenth as long. */
function embeddingTable(vocabulary: readonly string[], dimension: number, seed: number): Float32Array {
  const table = new Float32Array(vocabulary.length * dimension);
  let state = seed >>> 0;
  for (let i = 0; i < table.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const value = (state / 2 ** 32 - 0.5) * 2;
    table[i] = LIGHT.has(vocabulary[Math.floor(i / dimension)]!) ? value * 0.1 : value;
  }
  return table;
}

function wordPieceTokenizer(vocabulary: readonly string[]): Record<string, unknown> {
  const vocab = Object.fromEntries(vocabulary.map((token, i) => [token, i]));
  const special = (content: string): Record<string, unknown> => ({
    id: vocab[content],
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [vocab['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [vocab['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab },
  };
}

// ---------------------------------------------------------------------------------------------
// ONNX protobuf, by hand. Field numbers from onnx/onnx.proto (IR version 7, opset 13).
// ---------------------------------------------------------------------------------------------

const FLOAT = 1;
const INT64 = 7;
const ATTRIBUTE_INT = 2;

/**
 * input_ids [batch, seq] int64, attention_mask [batch, seq] int64 →
 * last_hidden_state [batch, seq, dim] float = Gather(table, input_ids) * Unsqueeze(Cast(mask), -1)
 */
export function buildEmbeddingOnnx(table: Float32Array, rows: number, dimension: number): Uint8Array {
  const tableTensor = message([
    ...[rows, dimension].map((d) => varintField(1, d)),
    varintField(2, FLOAT),
    stringField(8, 'embeddings'),
    bytesField(9, new Uint8Array(table.buffer, table.byteOffset, table.byteLength)),
  ]);
  const axes = new BigInt64Array([-1n]);
  const axesTensor = message([varintField(1, 1), varintField(2, INT64), stringField(8, 'unsqueeze_axes'), bytesField(9, new Uint8Array(axes.buffer))]);
  const nodes = [
    node('Gather', ['embeddings', 'input_ids'], ['token_vectors'], [intAttribute('axis', 0)]),
    node('Cast', ['attention_mask'], ['mask_float'], [intAttribute('to', FLOAT)]),
    node('Unsqueeze', ['mask_float', 'unsqueeze_axes'], ['mask_3d'], []),
    node('Mul', ['token_vectors', 'mask_3d'], ['last_hidden_state'], []),
  ];
  const graph = message([
    ...nodes.map((n) => bytesField(1, n)),
    stringField(2, 'tiny_embedding'),
    bytesField(5, tableTensor),
    bytesField(5, axesTensor),
    bytesField(11, valueInfo('input_ids', INT64, ['batch', 'sequence'])),
    bytesField(11, valueInfo('attention_mask', INT64, ['batch', 'sequence'])),
    bytesField(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dimension])),
  ]);
  const opset = message([stringField(1, ''), varintField(2, 13)]);
  return message([varintField(1, 7), stringField(2, 'govchat-test'), bytesField(7, graph), bytesField(8, opset)]);
}

function node(opType: string, inputs: string[], outputs: string[], attributes: Uint8Array[]): Uint8Array {
  return message([
    ...inputs.map((name) => stringField(1, name)),
    ...outputs.map((name) => stringField(2, name)),
    stringField(3, `${opType.toLowerCase()}_node`),
    stringField(4, opType),
    ...attributes.map((a) => bytesField(5, a)),
  ]);
}

function intAttribute(name: string, value: number): Uint8Array {
  return message([stringField(1, name), varintField(3, value), varintField(20, ATTRIBUTE_INT)]);
}

function valueInfo(name: string, elementType: number, shape: Array<string | number>): Uint8Array {
  const dims = shape.map((d) => bytesField(1, message([typeof d === 'number' ? varintField(1, d) : stringField(2, d)])));
  const tensorType = message([varintField(1, elementType), bytesField(2, message(dims))]);
  return message([stringField(1, name), bytesField(2, message([bytesField(1, tensorType)]))]);
}

function message(fields: Uint8Array[]): Uint8Array {
  const total = fields.reduce((sum, f) => sum + f.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const field of fields) {
    out.set(field, offset);
    offset += field.length;
  }
  return out;
}

function varint(value: number | bigint): number[] {
  // Negative int64 values are encoded as 10-byte two's complement varints.
  let v = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v !== 0n);
  return bytes;
}

function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint((field << 3) | 0), ...varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  const head = Uint8Array.from([...varint((field << 3) | 2), ...varint(bytes.length)]);
  return message([head, bytes]);
}

function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(text));
}
