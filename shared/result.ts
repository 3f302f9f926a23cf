/**
 * The Result: the one contract carried by the CLI, the DynamoDB item and the API.
 * Later work enriches it (new optional fields) and never breaks it.
 * Offsets are UTF-16 code-unit offsets into `text` (JavaScript string indices), end exclusive.
 */

export const PIPELINE_VERSION = '0.1.0';

export type Status = 'PENDING' | 'PROCESSING' | 'DONE' | 'FAILED';

/** Stable error codes of a FAILED Result. */
export type ErrorCode =
  | 'EMPTY'
  | 'UNSUPPORTED_CONTENT'
  | 'TOO_LARGE'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'INTERNAL';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Source {
  readonly bucket?: string;
  readonly key?: string;
  readonly versionId?: string;
  readonly etag?: string;
  readonly contentType?: string;
  readonly bytes: number;
}

export type EntityType = 'person' | 'organization' | 'place' | 'other';

export interface Entity {
  readonly type: EntityType;
  readonly name: string;
  readonly mentions: readonly Span[];
  readonly aliases?: readonly string[];
  readonly roles?: readonly string[];
  readonly count?: number;
  readonly salience?: number;
}

export interface DateFact extends Span {
  readonly text: string;
  /** ISO 8601 date (YYYY-MM-DD), or a coarser YYYY-Www / YYYY-MM / YYYY when that is all the text says. */
  readonly value: string;
  readonly kind: 'absolute' | 'relative';
  /** How precise `value` is; absent means it follows from the shape of `value`. */
  readonly granularity?: 'day' | 'week' | 'month' | 'year';
  /** For relative dates: the ISO date they were resolved against, and where it came from. */
  readonly anchor?: { readonly value: string; readonly from: 'metadata' | 'text' };
}

export interface NumberFact extends Span {
  readonly text: string;
  readonly kind: 'money' | 'percent' | 'count' | 'quantity' | 'duration';
  readonly value: number;
  readonly unit?: string;
}

export interface QuoteFact extends Span {
  /** The quoted words without the quotation marks. */
  readonly text: string;
  readonly speaker?: string;
  readonly speakerMention?: Span;
  readonly verb?: string;
  /** True when the quotation is a fragment woven into the writer's sentence rather than a whole one. */
  readonly partial?: boolean;
}

export interface Facts {
  readonly entities: readonly Entity[];
  readonly dates: readonly DateFact[];
  readonly numbers: readonly NumberFact[];
  readonly quotes: readonly QuoteFact[];
}

export interface Removal {
  readonly rule: string;
  readonly text: string;
}

export interface ResultError {
  readonly code: ErrorCode;
  readonly message: string;
}

/** What the analysis covered: English is analysed fully; other languages are cleaned and summarised only. */
export interface Analysis {
  /** 'full': every scoring signal; 'basic': position and word frequency only (no English word lists). */
  readonly summary: 'full' | 'basic';
  /** 'full': entities, dates, numbers and quotes; 'none': not extracted for this language. */
  readonly facts: 'full' | 'none';
}

export interface Result {
  readonly id: string;
  readonly status: Status;
  readonly source: Source;
  readonly title?: string;
  readonly sourceUrl?: string;
  readonly language?: string;
  readonly publishedAt?: string;
  /** Where publishedAt came from: page metadata, a byline/PUBLISHED line, or the date of a removed photo caption. */
  readonly publishedAtSource?: 'metadata' | 'byline' | 'caption';
  readonly byline?: string;
  readonly siteName?: string;
  readonly dateline?: string;
  /** The cleaned article text. */
  readonly text: string;
  /** Sentences, each verbatim from text, in text order. */
  readonly summary: readonly string[];
  readonly headline?: string;
  readonly facts: Facts;
  readonly keyPhrases?: readonly string[];
  /** Set on DONE Results: what the summary and facts cover for the article's language. */
  readonly analysis?: Analysis;
  readonly removed?: readonly Removal[];
  readonly error?: ResultError;
  readonly pipelineVersion: string;
  readonly processedAt: string;
}

export const EMPTY_FACTS: Facts = { entities: [], dates: [], numbers: [], quotes: [] };
