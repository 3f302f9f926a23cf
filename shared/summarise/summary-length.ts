import * as z from 'zod';

/**
 * How long a summary may be, the one definition every entry point validates against: the CLI (`--sentences`,
 * `--words`), the API (`?sentences=`, `?words=`, a JSON body's `sentences`/`words`), S3 object metadata
 * (`summary-sentences`, `summary-words`) and the environment (`SUMMARY_SENTENCES`, `SUMMARY_WORDS`).
 */
export const SUMMARY_SENTENCES_RANGE = { min: 1, max: 20 } as const;
export const SUMMARY_WORDS_RANGE = { min: 10, max: 500 } as const;

/**
 * A summary length: at most `sentences` sentences and at most `words` words, whole sentences always. Either,
 * both or neither may be given; neither lets the summariser choose (DEFAULT_LENGTH).
 */
export interface SummaryLength {
  readonly sentences?: number;
  readonly words?: number;
}

/**
 * The length when none is asked for: three sentences, whatever the article's length. News highlights are
 * about that long (CNN/DailyMail's average 3.6 sentences and 49 words, and barely grow with the article), and
 * three sentences is what Lead-3, the standard baseline, gives.
 */
export const DEFAULT_SUMMARY_SENTENCES = 3;
export const DEFAULT_LENGTH = `${DEFAULT_SUMMARY_SENTENCES} sentences`;

const DIGITS = /^\d+$/;

function wholeNumberIn(range: { readonly min: number; readonly max: number }, unit: string) {
  return z
    .number({ error: `Expected a whole number of ${unit} from ${range.min} to ${range.max}` })
    .int(`Expected a whole number of ${unit} from ${range.min} to ${range.max}`)
    .min(range.min, `Expected at least ${range.min} ${unit}`)
    .max(range.max, `Expected at most ${range.max} ${unit}`);
}

/** As digits, the way a query parameter, a CLI flag, S3 user metadata or an environment variable carries it. */
function digitsOf(schema: z.ZodNumber, unit: string) {
  return z.string().regex(DIGITS, `Expected a whole number of ${unit}`).transform(Number).pipe(schema);
}

export const summarySentencesSchema = wholeNumberIn(SUMMARY_SENTENCES_RANGE, 'sentences');
export const summaryWordsSchema = wholeNumberIn(SUMMARY_WORDS_RANGE, 'words');
export const summarySentencesTextSchema = digitsOf(summarySentencesSchema, 'sentences');
export const summaryWordsTextSchema = digitsOf(summaryWordsSchema, 'words');

/** Both limits written as digits (query parameters, metadata); absent ones stay absent. */
export const summaryLengthTextSchema = z.object({
  sentences: summarySentencesTextSchema.optional(),
  words: summaryWordsTextSchema.optional(),
});

/** Drops absent limits, so `{ sentences: undefined }` and `{}` are the same length. */
export function summaryLength(sentences: number | undefined, words: number | undefined): SummaryLength {
  return {
    ...(sentences === undefined ? {} : { sentences }),
    ...(words === undefined ? {} : { words }),
  };
}

export const isLengthGiven = (length: SummaryLength): boolean =>
  length.sentences !== undefined || length.words !== undefined;

const summaryLengthSchema = z.object({
  sentences: summarySentencesSchema.optional(),
  words: summaryWordsSchema.optional(),
});

/** The length unchanged, or a RangeError naming the limit out of range (for lengths set in code: stack props). */
export function checkedSummaryLength(length: SummaryLength): SummaryLength {
  const parsed = summaryLengthSchema.safeParse(length);
  if (parsed.success) return length;
  const issue = parsed.error.issues[0];
  throw new RangeError(`Summary length ${issue?.path.join('.')}: ${issue?.message}`);
}
