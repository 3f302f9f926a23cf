/**
 * `npm run bench:ner-pairs -- --against DIR [--pairs N] [--model FILE]`: the NER tagger (`tagEntities`) of this
 * tree (with `--model`, this tree's tagger over the model file FILE, e.g. one `train:ner -- --prune` wrote)
 * against the one of another worktree (DIR, e.g. a `git worktree` of main), both loaded in this process and timed
 * alternately, so that the load of this shared machine moves both alike. Two measures, CPU time:
 * - a stream of new text, as a Lambda container meets it (first): every document of CoNLL train, PolNeAR dev,
 *   TBAQ and the 268 CNN/DM articles tagged once by each tree, in that order, the trees alternating which goes
 *   first document by document, after GUM dev as the warm-up; no text is tagged twice by one tree, so the
 *   tagger's caches of token texts help only as much as new text repeats itself;
 * - repeated passes, as bench:stages makes them: N pairs (default 8), each two passes over the 268 CNN/DM
 *   articles (cleaned once, as processArticle feeds them) per tree in mirrored order, after two warm-up rounds;
 *   a pass over articles already tagged finds their token texts scored, so this measures the tagger warm.
 * Both trees' mentions are compared on every document of both: the documents that differ are counted.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { tagWithModel } from '#shared/facts/ner/model.ts';
import { decodeModel } from '#shared/facts/ner/model-file.ts';
import { tagEntities } from '#shared/facts/ner/tag-entities.ts';
import { readCnndmArticles } from './cnndm.ts';
import { readEvaluationData } from './evaluation-data.ts';
import { cpuTimed, loadNote, median } from './measure.ts';

const WARM_UP_ROUNDS = 2;
const STREAM_FILES = [
  'ner/conll2003-train.jsonl.gz',
  'quotes/polnear-dev.jsonl',
  'dates/tempeval3-tbaq.jsonl',
  'summaries/cnndm-dev.jsonl',
  'summaries/cnndm-more.jsonl',
];

type Tag = typeof tagEntities;

/** The text of each record of a dev set (`text`, or `article` for CNN/DM), or [] when it is absent. */
const textsOf = (file: string): string[] =>
  (readEvaluationData<{ text?: string; article?: string }>(file) ?? []).map(
    (row) => row.text ?? row.article ?? '',
  );

const signature = (tag: Tag, text: string): string => JSON.stringify(tag(text));

/** CPU ms of each tree over the stream, alternating which tree tags a document first. */
function stream(here: Tag, other: Tag, texts: readonly string[]): { hereMs: number; otherMs: number } {
  let hereMs = 0;
  let otherMs = 0;
  texts.forEach((text, index) => {
    const order = index % 2 === 0 ? [other, here] : [here, other];
    for (const tag of order) {
      const ms = cpuTimed(() => tag(text)).cpuSeconds * 1000;
      if (tag === here) hereMs += ms;
      else otherMs += ms;
    }
  });
  return { hereMs, otherMs };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { against: { type: 'string' }, pairs: { type: 'string' }, model: { type: 'string' } },
  });
  if (values.against === undefined) {
    console.error('usage: bench:ner-pairs -- --against DIR [--pairs N] [--model FILE]');
    process.exit(2);
  }
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  const other: Tag = (await import(`${values.against}/shared/facts/ner/tag-entities.ts`)).tagEntities;
  const model = values.model === undefined ? undefined : decodeModel(readFileSync(values.model));
  const here: Tag = model === undefined ? tagEntities : (text) => tagWithModel(model, text);
  const streamTexts = STREAM_FILES.flatMap(textsOf);
  for (const text of textsOf('ner/gum-dev.jsonl')) {
    here(text);
    other(text);
  }
  const { hereMs, otherMs } = stream(here, other, streamTexts);
  const characters = streamTexts.reduce((sum, text) => sum + text.length, 0);
  console.log(
    `stream of ${streamTexts.length} new documents (${(characters / 1e6).toFixed(2)} M characters), each tagged ` +
      `once: ${otherMs.toFixed(0)} ms there, ${hereMs.toFixed(0)} here: ${(otherMs / hereMs).toFixed(2)}x ` +
      `(${loadNote()})`,
  );
  const texts = articles.map(
    (article) =>
      cleanDocument({
        bytes: new TextEncoder().encode(article.text),
        contentType: 'text/plain',
        ...(article.url ? { url: article.url } : {}),
      }).text,
  );
  const differing = [...streamTexts, ...texts].filter(
    (text) => signature(here, text) !== signature(other, text),
  ).length;
  console.log(`documents whose mentions differ between the trees: ${differing}`);
  const timed = (tag: Tag) =>
    cpuTimed(() => {
      for (const text of texts) tag(text);
    }).cpuSeconds * 1000;
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    timed(here);
    timed(other);
  }
  const pairs = Number(values.pairs ?? 8);
  const ratios: number[] = [];
  // A pass right after the other tree's runs faster than one right after its own (the same texts were just
  // read): each pair runs the trees in mirrored order (A B B A, then B A A B) and adds each tree's two passes.
  for (let round = 0; round < pairs; round++) {
    const [outer, inner] = round % 2 === 0 ? [other, here] : [here, other];
    const outerMs = timed(outer);
    const innerMs = timed(inner) + timed(inner);
    const totalOuterMs = outerMs + timed(outer);
    const [thereMs, hereRoundMs] = outer === other ? [totalOuterMs, innerMs] : [innerMs, totalOuterMs];
    ratios.push(thereMs / hereRoundMs);
    console.log(
      `pair ${round + 1}: two passes over the ${texts.length} CNN/DM articles ${thereMs.toFixed(0)} ms there, ` +
        `${hereRoundMs.toFixed(0)} here: ${(thereMs / hereRoundMs).toFixed(2)}x (${loadNote()})`,
    );
  }
  // Which tree runs in the middle still moves a pair (up to 1.4x at load 9): the geometric mean over an even
  // number of pairs weighs both orders alike.
  const geometric = Math.exp(ratios.reduce((sum, ratio) => sum + Math.log(ratio), 0) / ratios.length);
  console.log(
    `tagEntities, repeated passes, this tree against ${values.against}: median ` +
      `${median(ratios).toFixed(2)}x, geometric mean ${geometric.toFixed(2)}x over ${pairs} pairs ` +
      `(${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x)`,
  );
}

await main();
