import { describe, expect, it } from 'vitest';
import {
  canBeVerb,
  followsPerceptionVerb,
  isAdverb,
  readsAsVerb,
  tagOf,
} from '#shared/summarise/word-classes.ts';

const at = (
  previous: string | undefined,
  next: string | undefined,
  afterContentWord = false,
  afterPerceptionVerb = false,
) => ({ previous, next, afterContentWord, afterPerceptionVerb });

describe('readsAsVerb', () => {
  it('reads a noun-or-verb word after a subject pronoun as a verb, after a determiner as a noun', () => {
    expect(readsAsVerb('stop', at('who', 'work'))).toBe(true);
    expect(readsAsVerb('work', at('the', '.'))).toBe(false);
  });

  it('reads a word compromise knows only as a verb as a verb in the object of a perception verb', () => {
    expect(readsAsVerb('scream', at('child', '.', true, true))).toBe(true);
    expect(readsAsVerb('scream', at('child', '.', true, false))).toBe(false);
  });

  it('reads a verb-only word after a noun as a noun', () => {
    expect(readsAsVerb('exit', at('fire', 'was', true))).toBe(false);
    expect(readsAsVerb('messages', at('text', ',', true))).toBe(false);
  });

  it('finds a perception verb before the determiner that opens a phrase', () => {
    expect(followsPerceptionVerb(['they', 'heard', 'the', 'child', 'scream'], 3)).toBe(true);
    expect(followsPerceptionVerb(['they', 'found', 'the', 'child', 'scream'], 3)).toBe(false);
  });

  it('reads a noun-or-verb word after another noun as a noun unless an object follows', () => {
    expect(readsAsVerb('deal', at('peace', 'was', true))).toBe(false);
    expect(readsAsVerb('arrest', at('police', 'the', true))).toBe(true);
  });

  it('never reads a plain noun as a verb', () => {
    expect(readsAsVerb('income', at('to', 'the'))).toBe(false);
  });
});

describe('word classes', () => {
  it('tells adverbs from adjectives and nouns in -ly', () => {
    expect(isAdverb('certainly')).toBe(true);
    expect(isAdverb('very')).toBe(true);
    expect(['family', 'friendly', 'assembly'].some(isAdverb)).toBe(false);
  });

  it('knows the words that can be verbs', () => {
    expect(['push', 'scream', 'reports'].every(canBeVerb)).toBe(true);
    expect(['income', 'china'].some(canBeVerb)).toBe(false);
  });

  it('gives a neighbour the tag compromise would give it', () => {
    expect(tagOf('the')).toBe('Determiner');
    expect(tagOf('will')).toBe('Modal');
    expect(tagOf('divorcees')).toBe('Plural');
    expect(tagOf('Paris')).toBe('ProperNoun');
    expect(tagOf('12')).toBe('Value');
    expect(tagOf(',')).toBeUndefined();
  });
});
