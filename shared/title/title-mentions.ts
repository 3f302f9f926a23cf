import type { Entity, Result, TitleMention } from '../result.ts';

/**
 * Where the article's entities are named in its title, when the title is not part of `text` (an HTML page's
 * `<title>` or `og:title`, a JSON export's `title`): spans into `title`, each with the entity's type and name.
 * A text file's title line opens `text`, so its names are facts grounded there already. The title is matched
 * against the names and aliases of the entities the text has, whole words, longest first: a title is a short
 * line about the article, and the names in it are the article's (an entity named only in the title, which the
 * text never names, is not found).
 */

/** A title of at most 500 characters holds few names; the cap only bounds a hostile one. */
export const MAX_TITLE_MENTIONS = 50;

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const isWordEdge = (title: string, index: number) =>
  index <= 0 ||
  index >= title.length ||
  !WORD_CHARACTER.test(title[index - 1] ?? '') ||
  !WORD_CHARACTER.test(title[index] ?? '');

interface Candidate extends TitleMention {
  readonly order: number;
}

function candidatesOf(title: string, entities: readonly Entity[]): Candidate[] {
  const found: Candidate[] = [];
  entities.forEach((entity, order) => {
    for (const written of new Set([entity.name, ...(entity.aliases ?? [])])) {
      if (written.trim() === '') continue;
      for (let start = title.indexOf(written); start >= 0; start = title.indexOf(written, start + 1)) {
        const end = start + written.length;
        if (isWordEdge(title, start) && isWordEdge(title, end)) {
          found.push({ start, end, type: entity.type, name: entity.name, order });
        }
      }
    }
  });
  return found;
}

/** The title's mentions of the entities, in title order, none overlapping (the longer, then the more salient, wins). */
export function findTitleMentions(title: string, entities: readonly Entity[]): TitleMention[] {
  const chosen: Candidate[] = [];
  const byStrength = candidatesOf(title, entities).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start,
  );
  for (const candidate of byStrength) {
    if (chosen.some((taken) => candidate.start < taken.end && taken.start < candidate.end)) continue;
    chosen.push(candidate);
  }
  return chosen
    .sort((a, b) => a.start - b.start)
    .slice(0, MAX_TITLE_MENTIONS)
    .map(({ start, end, type, name }) => ({ start, end, type, name }));
}

/** The Result with `titleMentions` when its title is not part of its text and names some of its entities. */
export function withTitleMentions(result: Result, titleInText: boolean): Result {
  if (result.title === undefined || titleInText || result.status !== 'DONE') return result;
  const titleMentions = findTitleMentions(result.title, result.facts.entities);
  return titleMentions.length === 0 ? result : { ...result, titleMentions };
}
