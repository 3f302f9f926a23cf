/**
 * `npm run bench:summariser-pairs -- --against DIR [--pairs N] [--core]`: the summariser of this tree against the
 * one of another worktree (DIR, e.g. a `git worktree` of main), both loaded in this process and timed
 * alternately, so that the load of this shared machine moves both alike. Each round times three passes of
 * `summarise()` over the 268 CNN/DM dev articles (cleaned once, as processArticle feeds them) for one tree, then
 * for the other (the order alternating), after two warm-up rounds; it prints each pair's CPU ms per article and
 * the median ratio. `--core` times `processArticle` on the raw articles the same way. Both trees' summaries are
 * compared first: any difference is printed.
 */
import { parseArgs } from 'node:util';
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { processArticle } from '#shared/process-article.ts';
import { summarise } from '#shared/summarise/summarise.ts';
import { readCnndmArticles } from './cnndm.ts';
import { cpuTimed, loadNote, median } from './measure.ts';

const PASSES = 3;
const WARM_UP_ROUNDS = 2;

interface Tree {
  readonly summarise: typeof summarise;
  readonly processArticle: typeof processArticle;
}

async function otherTree(dir: string): Promise<Tree> {
  const summariser = await import(`${dir}/shared/summarise/summarise.ts`);
  const pipeline = await import(`${dir}/shared/process-article.ts`);
  return { summarise: summariser.summarise, processArticle: pipeline.processArticle };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { against: { type: 'string' }, pairs: { type: 'string' }, core: { type: 'boolean' } },
  });
  if (values.against === undefined) {
    console.error('usage: bench:summariser-pairs -- --against DIR [--pairs N] [--core]');
    process.exit(2);
  }
  const articles = readCnndmArticles();
  if (articles === undefined) return;
  const here: Tree = { summarise, processArticle };
  const other = await otherTree(values.against);
  const bytes = articles.map((article) => new TextEncoder().encode(article.text));
  const inputs = bytes.map((body, index) => {
    const url = articles[index]?.url;
    const document = cleanDocument({ bytes: body, contentType: 'text/plain', ...(url ? { url } : {}) });
    return { ...document, bodyStart: document.titleLeads && document.title ? document.title.length : 0 };
  });
  const differing = inputs.filter(
    (input) => JSON.stringify(here.summarise(input)) !== JSON.stringify(other.summarise(input)),
  ).length;
  console.log(`summaries that differ between the trees: ${differing} of ${inputs.length}`);
  const pass = values.core
    ? (tree: Tree) => {
        for (const body of bytes) {
          tree.processArticle({
            id: 'bench',
            bytes: body,
            source: { contentType: 'text/plain', bytes: body.byteLength },
          });
        }
      }
    : (tree: Tree) => {
        for (const input of inputs) tree.summarise(input);
      };
  /** CPU ms per article of PASSES passes over the articles. */
  const timed = (tree: Tree) =>
    (cpuTimed(() => {
      for (let repeat = 0; repeat < PASSES; repeat++) pass(tree);
    }).cpuSeconds *
      1000) /
    (PASSES * inputs.length);
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    timed(here);
    timed(other);
  }
  const pairs = Number(values.pairs ?? 9);
  const ratios: number[] = [];
  const what = values.core ? 'processArticle' : 'summarise()';
  for (let round = 0; round < pairs; round++) {
    const [first, second] = round % 2 === 0 ? [other, here] : [here, other];
    const firstMs = timed(first);
    const secondMs = timed(second);
    const [otherMs, hereMs] = first === other ? [firstMs, secondMs] : [secondMs, firstMs];
    ratios.push(otherMs / hereMs);
    console.log(
      `pair ${round + 1}: ${what} ${otherMs.toFixed(3)} ms per article there, ${hereMs.toFixed(3)} here: ` +
        `${(otherMs / hereMs).toFixed(2)}x (${loadNote()})`,
    );
  }
  console.log(
    `${what}, this tree against ${values.against}: median ${median(ratios).toFixed(2)}x over ${pairs} pairs ` +
      `(${Math.min(...ratios).toFixed(2)}x to ${Math.max(...ratios).toFixed(2)}x)`,
  );
}

await main();
