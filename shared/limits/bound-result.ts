import type { Entity, Facts, HistoryEntry, Removal, Result } from '../result.ts';

/**
 * Caps on every stored string and list of a Result that grows with the input, so that a pathological
 * article (a 2 MB text with no sentence punctuation, a 1 MB <title>, 60,000 bare URLs) still yields a Result
 * that fits where it is stored: a DynamoDB item (400 KB), an S3 object, a Lambda response (6 MB). Real
 * articles are far below every cap; the text itself is not capped (it lives in S3 when it is large).
 */
export const RESULT_LIMITS = {
  /** Page titles run to about 100 characters; 500 leaves room for long ones. */
  titleChars: 500,
  /** Byline, site name, dateline and section: short metadata that a hostile page can make huge. */
  metadataChars: 500,
  /** A longer source URL or image URL is dropped rather than cut (a cut URL points elsewhere). */
  sourceUrlChars: 2_048,
  /** The page's tags or keywords: the first ones, each cut short. */
  tags: 20,
  tagChars: 60,
  headlineChars: 300,
  /** Per summary sentence: a longer "sentence" is unpunctuated text, cut at a word. */
  summarySentenceChars: 1_000,
  /** Removal audit: entries kept per rule, and characters kept per entry. */
  removedPerRule: 20,
  removedTextChars: 300,
  /** Facts: the most salient entities, each with its first mentions (`count` keeps the total). */
  entities: 500,
  mentionsPerEntity: 200,
  namesPerEntity: 20,
  /** Dates, numbers and quotes: the first ones in text order. */
  factsPerKind: 1_000,
  /** A longer "quotation" is text between two stray quotation marks, not a quote: it is left out. */
  quoteChars: 2_000,
  /** Earlier runs an article's Result remembers (the most recent ones). */
  historyEntries: 20,
} as const;

const ELLIPSIS = '…';
/** A cut looks back this far (share of the cap) for a space, so that words are not split. */
const WORD_BREAK_WINDOW = 0.2;

/** `text` cut to at most `max` characters at a word, with an ellipsis; unchanged when it fits. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', end);
  if (space > end * (1 - WORD_BREAK_WINDOW)) end = space;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** At most `removedPerRule` entries per rule, each cut to `removedTextChars`; counts what was left out. */
export function boundRemoved(removed: readonly Removal[]): {
  removed: Removal[];
  omitted: Record<string, number>;
} {
  const kept: Removal[] = [];
  const perRule = new Map<string, number>();
  const omitted: Record<string, number> = {};
  for (const removal of removed) {
    const count = perRule.get(removal.rule) ?? 0;
    perRule.set(removal.rule, count + 1);
    if (count < RESULT_LIMITS.removedPerRule) {
      kept.push({ ...removal, text: truncate(removal.text, RESULT_LIMITS.removedTextChars) });
    } else {
      omitted[removal.rule] = (omitted[removal.rule] ?? 0) + 1;
    }
  }
  return { removed: kept, omitted };
}

/** Per kind, how many facts the caps left out. */
export type FactsOmitted = Partial<Record<keyof Facts, number>>;

function boundEntity(entity: Entity): Entity {
  const { mentions, aliases, roles } = entity;
  const cut = (names: readonly string[] | undefined) =>
    names !== undefined && names.length > RESULT_LIMITS.namesPerEntity
      ? names.slice(0, RESULT_LIMITS.namesPerEntity)
      : names;
  if (
    mentions.length <= RESULT_LIMITS.mentionsPerEntity &&
    cut(aliases) === aliases &&
    cut(roles) === roles
  ) {
    return entity;
  }
  return {
    ...entity,
    mentions: mentions.slice(0, RESULT_LIMITS.mentionsPerEntity),
    count: entity.count ?? mentions.length,
    ...(aliases === undefined ? {} : { aliases: cut(aliases) }),
    ...(roles === undefined ? {} : { roles: cut(roles) }),
  };
}

/** Facts within the caps, and how many of each kind were left out. */
export function boundFacts(facts: Facts): { facts: Facts; omitted: FactsOmitted } {
  const salient = new Set(
    [...facts.entities]
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0))
      .slice(0, RESULT_LIMITS.entities),
  );
  const quotes = facts.quotes.filter((quote) => quote.text.length <= RESULT_LIMITS.quoteChars);
  const bounded: Facts = {
    entities: facts.entities.filter((entity) => salient.has(entity)).map(boundEntity),
    dates: facts.dates.slice(0, RESULT_LIMITS.factsPerKind),
    numbers: facts.numbers.slice(0, RESULT_LIMITS.factsPerKind),
    quotes: quotes.slice(0, RESULT_LIMITS.factsPerKind),
  };
  const omitted: FactsOmitted = {};
  for (const kind of ['entities', 'dates', 'numbers', 'quotes'] as const) {
    const left = facts[kind].length - bounded[kind].length;
    if (left > 0) omitted[kind] = left;
  }
  return { facts: bounded, omitted };
}

const METADATA_FIELDS = ['byline', 'siteName', 'dateline', 'section'] as const;

/** The Result with every capped field within RESULT_LIMITS (see there). */
export function boundResult(result: Result): Result {
  const { title, headline, removed, sourceUrl, image, tags, ...rest } = result;
  const metadata = Object.fromEntries(
    METADATA_FIELDS.flatMap((field) => {
      const value = result[field];
      return value === undefined ? [] : [[field, truncate(value, RESULT_LIMITS.metadataChars)]];
    }),
  );
  const audit = removed === undefined ? undefined : boundRemoved(removed);
  const omitted = { ...result.removedOmitted };
  const facts = boundFacts(result.facts);
  for (const [rule, count] of Object.entries(audit?.omitted ?? {}))
    omitted[rule] = (omitted[rule] ?? 0) + count;
  return {
    ...rest,
    ...(sourceUrl === undefined || sourceUrl.length > RESULT_LIMITS.sourceUrlChars ? {} : { sourceUrl }),
    ...(image === undefined || image.length > RESULT_LIMITS.sourceUrlChars ? {} : { image }),
    ...(tags === undefined
      ? {}
      : { tags: tags.slice(0, RESULT_LIMITS.tags).map((tag) => truncate(tag, RESULT_LIMITS.tagChars)) }),
    ...metadata,
    ...(title === undefined ? {} : { title: truncate(title, RESULT_LIMITS.titleChars) }),
    ...(headline === undefined ? {} : { headline: truncate(headline, RESULT_LIMITS.headlineChars) }),
    summary: result.summary.map((sentence) => truncate(sentence, RESULT_LIMITS.summarySentenceChars)),
    ...(audit === undefined ? {} : { removed: audit.removed }),
    ...(Object.keys(omitted).length === 0 ? {} : { removedOmitted: omitted }),
    facts: facts.facts,
    ...(Object.keys(facts.omitted).length === 0 ? {} : { factsOmitted: facts.omitted }),
  };
}

/**
 * The history a Result carries after `previous` (the item it replaces, if any): the previous one's history,
 * plus the previous run itself when it had ended (DONE or FAILED), the most recent RESULT_LIMITS.historyEntries.
 */
export function historyAfter(
  previous: Pick<Result, 'status' | 'pipelineVersion' | 'processedAt' | 'history'> | undefined,
): HistoryEntry[] {
  if (previous === undefined) return [];
  const history = [...(previous.history ?? [])];
  if (previous.status === 'DONE' || previous.status === 'FAILED') {
    const { pipelineVersion, processedAt, status } = previous;
    history.push({ pipelineVersion, processedAt, status });
  }
  return history.slice(-RESULT_LIMITS.historyEntries);
}

/** `result` with `history`, or without the field when there is none. */
export function withHistory(result: Result, history: readonly HistoryEntry[]): Result {
  const { history: _replaced, ...rest } = result;
  return history.length === 0 ? rest : { ...rest, history };
}
