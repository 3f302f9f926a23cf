import { type CleanedDocument, cleanDocument } from './clean/clean-document.ts';
import { DEFAULT_MAX_INPUT_BYTES } from './config.ts';
import { InputError } from './errors.ts';
import { extractFacts } from './facts/extract-facts.ts';
import { boundResult } from './limits/bound-result.ts';
import type { ErrorCode, Result, Source } from './result.ts';
import { EMPTY_FACTS, PIPELINE_VERSION } from './result-values.ts';
import { summarise } from './summarise/summarise.ts';
import { summaryLength } from './summarise/summary-length.ts';
import type { SummaryModel } from './summarise/word-model.ts';
import { withTitleMentions } from './title/title-mentions.ts';

export interface ArticleInput {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly source: Source;
  /** The article's URL when the caller knows it. */
  readonly url?: string;
  /** The language the sender declared (Content-Language, JSONL `language`): it wins over detection. */
  readonly language?: string;
}

export interface ProcessOptions {
  /** Summary length in sentences; undefined lets the summariser choose. */
  readonly sentences?: number;
  /** Summary length in words (whole sentences within it); undefined for no word limit. */
  readonly words?: number;
  /** The summariser's word model; the committed one unless an evaluation trains its own. */
  readonly summaryModel?: SummaryModel;
  /** Largest input, in bytes, before and after decompression. @default DEFAULT_MAX_INPUT_BYTES (5 MiB) */
  readonly maxInputBytes?: number;
  /** Clock for processedAt; injected so results are reproducible in tests. */
  readonly now?: () => Date;
}

/**
 * The pure core: bytes and metadata in, a Result out. Never throws for bad input: an InputError becomes a
 * FAILED Result with its code. Anything else is a bug or an outage and propagates.
 */
export function processArticle(input: ArticleInput, options: ProcessOptions = {}): Result {
  const processedAt = (options.now?.() ?? new Date()).toISOString();
  const base = { id: input.id, source: input.source, pipelineVersion: PIPELINE_VERSION, processedAt };
  try {
    const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (input.bytes.byteLength > maxInputBytes) {
      throw new InputError(
        'TOO_LARGE',
        `Input is ${input.bytes.byteLength} bytes; the limit is ${maxInputBytes} bytes`,
      );
    }
    const document = cleanDocument({
      bytes: input.bytes,
      contentType: input.source.contentType,
      fileName: input.source.key,
      url: input.url,
      language: input.language,
      maxBytes: maxInputBytes,
    });
    // The standfirst and the asides only steer the summary; the Result keeps them as part of `text`.
    const { standfirst: _standfirst, asides: _asides, titleLeads, region: _region, ...published } = document;
    const result = boundResult({ ...base, status: 'DONE', ...published, ...analyse(document, options) });
    return withTitleMentions(result, titleLeads === true);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return failedResult(base, error);
  }
}

/** The language the summariser's word lists, the tagger and the fact patterns were built for. */
const ANALYSED_LANGUAGE = 'en';

/**
 * English (declared, detected, or assumed when detection could not tell) is analysed fully. Other languages
 * get a basic summary and headline (position and word frequency carry over; English word lists do not) and
 * no facts or key phrases, rather than wrong ones.
 */
function analyse(document: CleanedDocument, options: ProcessOptions) {
  const bodyStart = document.titleLeads && document.title ? document.title.length : 0;
  const { summary, headline, keyPhrases } = summarise(
    { ...document, bodyStart },
    {
      ...summaryLength(options.sentences, options.words),
      ...(options.summaryModel === undefined ? {} : { model: options.summaryModel }),
    },
  );
  const full = document.language === ANALYSED_LANGUAGE;
  const withHeadline = { summary, ...(headline === undefined ? {} : { headline }) };
  if (!full) {
    return { ...withHeadline, facts: EMPTY_FACTS, analysis: { summary: 'basic', facts: 'none' } as const };
  }
  return {
    ...withHeadline,
    facts: extractFacts(document),
    analysis: { summary: 'full', facts: 'full' } as const,
    ...(keyPhrases === undefined ? {} : { keyPhrases }),
  };
}

/** A FAILED Result for `base`, with the code and message of the error that ended it. */
export function failedResult(
  base: Pick<Result, 'id' | 'source' | 'pipelineVersion' | 'processedAt'>,
  error: { readonly code: ErrorCode; readonly message: string },
): Result {
  return {
    ...base,
    status: 'FAILED',
    text: '',
    summary: [],
    facts: EMPTY_FACTS,
    error: { code: error.code, message: error.message },
  };
}
