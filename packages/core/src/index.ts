// @govchat/core — the public surface. Anything not exported here (and all of src/internal/) may
// change without notice.

// Errors
export { GovchatError, isGovchatError, toGovchatError } from './govchat-error.js';
export type { ErrorCode, ErrorLocation, GovchatErrorOptions } from './govchat-error.js';

// Corpus
export { BOT_ID_PATTERN, CORPUS_LANGS, FAQ_ID_PATTERN, botConfigSchema, faqEntrySchema, isFaqEntry } from './corpus-schema.js';
export type { BotConfig, Corpus, CorpusLang, FaqEntry } from './corpus-schema.js';
export { CSV_COLUMNS, findBotDirs, loadCorpus, parseBotConfig, parseFaqCsv, parseFaqJsonl } from './corpus-loader.js';
export type { LoadCorpusOptions } from './corpus-loader.js';

// Language
export { normaliseText, toSimplified, toTraditional } from './normalise-text.js';
export type { NormalisedText } from './normalise-text.js';
export { CANTONESE_LEXICON, countCantoneseMarkers, toWrittenChinese } from './cantonese-lexicon.js';
export type { LexiconEntry } from './cantonese-lexicon.js';
export { detectLanguage, isAnswerLang, isQueryLang } from './detect-language.js';
export type { AnswerLang, LanguageDetection, QueryLang } from './detect-language.js';
export { analyseText } from './analyse-text.js';
export type { AnalysedText } from './analyse-text.js';
export { expandQuery } from './expand-query.js';
export { formalWords } from './english-colloquial.js';
export { hongKongWordsIn } from './chinese-colloquial.js';
export type { QueryTerm } from './expand-query.js';
export { fitsRange, numbersIn, rangesIn } from './number-ranges.js';
export { chineseNumberValue, quantitiesIn, quantityTerms } from './quantities.js';
export type { Quantity } from './quantities.js';
export type { NumberRange } from './number-ranges.js';
export { segmentChinese } from './chinese-segmenter.js';
export { loadConceptSpace } from './concept-space.js';
export type { ConceptSpace } from './concept-space.js';

// Embedders and indexes
export { assertSameEmbedder, describeEmbedder, isTextEmbedder } from './embedder.js';
export type { EmbedderInfo, TextEmbedder } from './embedder.js';
export {
  COOCCURRENCE_EMBEDDER_NAME,
  createCooccurrenceEmbedder,
  fitCooccurrenceModel,
  isCooccurrenceEmbedder,
} from './cooccurrence-embedder.js';
export type { CooccurrenceEmbedder, CooccurrenceModel, CooccurrenceOptions } from './cooccurrence-embedder.js';
export { buildHnswIndex, loadHnswIndex } from './hnsw-index.js';
export type { HnswOptions, VectorHit, VectorIndex } from './hnsw-index.js';
export { buildBm25Index, loadBm25Index } from './bm25-index.js';
export type { Bm25Index } from './bm25-index.js';
export { buildIndex, loadIndex } from './bot-index.js';
export type { BotIndex, BuildStats, IndexManifest } from './bot-index.js';
export { currentGeneration, listIndexedBots, writeFileAtomically } from './index-store.js';
export { ingestCorpus } from './ingest-corpus.js';
export type { IngestOptions, IngestReport } from './ingest-corpus.js';

// Retrieval
export { createHybridRetriever } from './hybrid-retriever.js';
export type { HybridOptions, RetrievalMode } from './hybrid-retriever.js';
export { CONFIDENCE_FEATURES, fitConfidenceWeights, scoreConfidence } from './confidence-model.js';
export type { ConfidenceFeature, ConfidenceFeatures, ConfidenceWeights } from './confidence-model.js';
export { RETRIEVAL_CALIBRATION } from './retrieval-calibration.js';
export { CALIBRATION_FILE, calibrationKeyOf, calibrationOfIndex, describeCalibration, describeCalibrations, matchCalibration, readCalibration, writeCalibration } from './calibration-file.js';
export type { CalibrationMatch, CalibrationRecord, IndexCalibration, ModeConfidence, RetrievalCalibration } from './calibration-file.js';
export type { RetrievalHit, RetrievalQuery, RetrievalResult, Retriever, RetrieveOptions } from './retriever.js';

// Answers
export { createBotEngine } from './bot-engine.js';
export type { AbstainReason, AnswerPlan, AnswerSource, AskInput, AskResult, BotEngine, BotEngineOptions, RelatedQuestion } from './bot-engine.js';
export { createExtractiveAnswerer, localiseAnswer, localiseQuestion, streamText } from './extractive-answerer.js';
export { answerEvents } from './answerer.js';
export type { Answerer, AnswerContext, AnswerEvent, AnswerResetReason, ConversationTurn } from './answerer.js';
export { ANSWER_MESSAGES } from './answer-messages.js';

// Generative answers (docs/generative.md)
export { createChatModel, DEFAULT_BASE_URLS, LLM_PROVIDERS } from './chat-model-factory.js';
export type { ChatModelOptions, LlmProvider } from './chat-model-factory.js';
export { createLlmAnswerer, LLM_ANSWERER_NAME } from './llm-answerer.js';
export type { AnswererLogger, LlmAnswererOptions } from './llm-answerer.js';
export {
  ANSWERER_DEFAULTS,
  ANSWERER_KINDS,
  answererBlockSchema,
  createAnswerer,
  createConfiguredAnswerer,
  describeAnswererConfig,
  resolveAnswererConfig,
} from './answerer-config.js';
export type { AnswererBlock, AnswererConfig, AnswererKind, AnswererOverrides } from './answerer-config.js';
export { buildLlmPrompt } from './llm-prompt.js';
export type { LlmPrompt, LlmPromptOptions, PromptMessage } from './llm-prompt.js';
export { CITATION_EXAMPLE, createCitationStripper, extractCitations } from './llm-citations.js';
export type { CitationScan, CitationStripper } from './llm-citations.js';
export { createScriptStream, toAnswerScript } from './answer-script.js';
export type { ScriptStream } from './answer-script.js';
export { estimateTokens, trimToTokenBudget } from './token-budget.js';

// Transformer embeddings (docs/generative.md); @huggingface/transformers loads on first use
export {
  createTransformerEmbedder,
  DEFAULT_TRANSFORMER_MODEL,
  fetchTransformerModel,
  isTransformerEmbedder,
  TRANSFORMER_EMBEDDER_VERSION,
} from './transformer-embedder.js';
export type { TransformerDtype, TransformerEmbedder, TransformerEmbedderOptions } from './transformer-embedder.js';
export { embedderBlockSchema, loadConfiguredEmbedder, resolveEmbedderConfig } from './embedder-config.js';
export type { EmbedderConfig, EmbedderKind } from './embedder-config.js';

// Guardrails
export { isLuhnValid, isValidHkid, maskPersonalData } from './pii-mask.js';
export type { MaskResult, PiiKind, PiiMatch } from './pii-mask.js';
export { checkInput, isInjectionAttempt } from './injection-guard.js';
export { detectSmallTalk } from './small-talk.js';
export { isGibberish } from './detect-gibberish.js';
export { detectNonQuestion } from './non-question.js';
export type { GuardVerdict, InputGuardOptions } from './injection-guard.js';
export type { SmallTalkKind } from './small-talk.js';
export type { NonQuestion } from './non-question.js';
export { collectAllowedDomains, createPromptLeakDetector, findOffDomainUrls, findUrls } from './output-guard.js';
export type { PromptLeakDetector } from './output-guard.js';
