import { describe, expect, it } from 'vitest';
import { RESULT_LIMITS } from '#shared/limits/bound-result.ts';
import { processArticle } from '#shared/process-article.ts';
import type { ErrorCode, Result, Span } from '#shared/result.ts';
import { createRandom, type FuzzInput, GENERATORS } from '#tests/helpers/fuzz-inputs.ts';

/**
 * Seeded property tests of the pure core: whatever bytes arrive, processArticle returns a DONE or FAILED
 * Result (never throws), a FAILED one carries an error code, and a DONE one quotes its summary from its text
 * and grounds every fact inside it. Each case is reproducible from its seed alone.
 */

const CASES_PER_GENERATOR = 40;
const ERROR_CODES: readonly ErrorCode[] = ['EMPTY', 'UNSUPPORTED_CONTENT', 'TOO_LARGE', 'INVALID_INPUT'];
function run(input: FuzzInput): Result {
  return processArticle(
    {
      id: 'fuzz',
      bytes: input.bytes,
      source: { bytes: input.bytes.byteLength, key: input.key, contentType: input.contentType },
    },
    { now: () => new Date('2026-01-01T00:00:00Z') },
  );
}

/** Every way a DONE Result could point outside its own text, as readable messages (none expected). */
function groundingProblems(result: Result): string[] {
  const { text, facts } = result;
  const problems: string[] = [];
  const inText = (span: Span) => span.start >= 0 && span.start <= span.end && span.end <= text.length;
  const checkSpan = (what: string, span: Span & { readonly text?: string }) => {
    if (!inText(span)) problems.push(`${what} span ${span.start}-${span.end} is outside [0, ${text.length}]`);
    else if (span.text !== undefined && text.slice(span.start, span.end) !== span.text)
      problems.push(`${what} ${JSON.stringify(span.text)} does not match its span`);
  };
  for (const sentence of result.summary) {
    // A sentence over the cap is cut at a word with an ellipsis (RESULT_LIMITS): its beginning is verbatim.
    const verbatim = sentence.endsWith('…') ? sentence.slice(0, -1) : sentence;
    if (sentence.length > RESULT_LIMITS.summarySentenceChars || !text.includes(verbatim))
      problems.push(`summary sentence not in text: ${JSON.stringify(sentence)}`);
  }
  for (const entity of facts.entities) {
    for (const mention of entity.mentions) checkSpan(`mention of ${entity.name}`, mention);
  }
  for (const date of facts.dates) checkSpan('date', date);
  for (const number of facts.numbers) checkSpan('number', number);
  for (const quote of facts.quotes) {
    checkSpan('quote', quote);
    if (quote.speakerMention) checkSpan('speaker', quote.speakerMention);
  }
  return problems;
}

/** A UTF-16 surrogate without its partner: JSON and UTF-8 (DynamoDB, S3) cannot carry it faithfully. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The paths of the Result's strings that are not well-formed UTF-16. */
function malformedStrings(value: unknown, path = 'result'): string[] {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, index) => malformedStrings(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => malformedStrings(item, `${path}.${key}`));
  }
  return [];
}

describe('processArticle on seeded random input', () => {
  describe.each(Object.entries(GENERATORS))('%s', (_name, generate) => {
    const seeds = Array.from({ length: CASES_PER_GENERATOR }, (_, index) => index + 1);

    it('returns DONE with grounded summary and facts, or FAILED with an error code, for every seed', () => {
      const failures: string[] = [];

      for (const seed of seeds) {
        const input = generate(createRandom(seed));
        let result: Result;
        try {
          result = run(input);
        } catch (error) {
          failures.push(`seed ${seed}: threw ${String(error)}`);
          continue;
        }
        for (const path of malformedStrings(result))
          failures.push(`seed ${seed}: ${path} has a lone surrogate`);
        if (result.status === 'FAILED') {
          if (!result.error || !ERROR_CODES.includes(result.error.code) || result.error.message === '')
            failures.push(`seed ${seed}: FAILED without a clear error: ${JSON.stringify(result.error)}`);
          continue;
        }
        if (result.status !== 'DONE' || result.text.trim() === '') {
          failures.push(
            `seed ${seed}: status ${result.status} with ${result.text.length} characters of text`,
          );
          continue;
        }
        if (input.forbidden !== undefined && result.text.includes(input.forbidden))
          failures.push(`seed ${seed}: hidden script content reached the text`);
        failures.push(...groundingProblems(result).map((problem) => `seed ${seed}: ${problem}`));
      }

      expect(failures).toEqual([]);
    });
  });
});
