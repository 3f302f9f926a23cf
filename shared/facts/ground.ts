import type { Entity, Facts, Span } from '../result.ts';

/**
 * The last step of extraction: a fact is kept only if its spans point at real text. A date, number or quote
 * whose `text` is not exactly `text.slice(start, end)` is dropped; so is an entity mention that does not
 * read as the entity's name or one of its aliases (and an entity left with no mention), and a speaker
 * whose mention is out of bounds or blank.
 */
export function groundFacts(text: string, facts: Facts): Facts {
  return {
    entities: facts.entities
      .map((entity) => groundEntity(text, entity))
      .filter((entity) => entity !== undefined),
    dates: facts.dates.filter((date) => readsAsWritten(text, date)),
    numbers: facts.numbers.filter((number) => readsAsWritten(text, number)),
    quotes: facts.quotes
      .filter((quote) => readsAsWritten(text, quote))
      .map((quote) => {
        if (quote.speakerMention === undefined) return quote;
        if (
          isSpanIn(text, quote.speakerMention) &&
          text.slice(quote.speakerMention.start, quote.speakerMention.end).trim()
        ) {
          return quote;
        }
        const {
          speaker: _speaker,
          speakerType: _type,
          speakerMention: _mention,
          verb: _verb,
          ...rest
        } = quote;
        return rest;
      }),
  };
}

function readsAsWritten(text: string, fact: Span & { readonly text: string }): boolean {
  return isSpanIn(text, fact) && text.slice(fact.start, fact.end) === fact.text;
}

/**
 * The entity with only the mentions that read as its name or an alias. Its fields are read once (entities come
 * in several object shapes), and the names are compared as they are, with no set built per entity.
 */
function groundEntity(text: string, entity: Entity): Entity | undefined {
  const { name, aliases, mentions: all } = entity;
  const mentions = all.filter((mention) => {
    if (!isSpanIn(text, mention)) return false;
    const written = text.slice(mention.start, mention.end);
    return written === name || aliases?.includes(written) === true;
  });
  if (mentions.length === 0) return undefined;
  if (mentions.length === all.length) return entity;
  return { ...entity, mentions, count: mentions.length };
}

function isSpanIn(text: string, span: Span): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end <= text.length &&
    span.start < span.end
  );
}
