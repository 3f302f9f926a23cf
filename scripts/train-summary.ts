/**
 * Trains the summariser's word model on the 268 CNN/DailyMail articles of ../shared/data/summaries (never
 * copied into the repo) and writes shared/summarise/summary-model.json. Deterministic: the same data gives
 * the same file. bench:summary reports the model out-of-fold (each fold's model trained on the others).
 *
 *   npm run train:summary
 */
import { writeFileSync } from 'node:fs';
import { readEvaluationData } from '../bench/evaluation-data.ts';
import { type SummaryRecord, trainingArticle, trainSummaryModel } from './summary-training.ts';

export const SUMMARY_DATA = ['summaries/cnndm-dev.jsonl', 'summaries/cnndm-more.jsonl'] as const;
const OUTPUT = new URL('../shared/summarise/summary-model.json', import.meta.url);

function main(): void {
  const records: SummaryRecord[] = [];
  for (const file of SUMMARY_DATA) {
    const lines = readEvaluationData<SummaryRecord>(file);
    if (lines === undefined) return;
    records.push(...lines);
  }
  const model = trainSummaryModel(records.map(trainingArticle));
  // Number lists on one line, as the formatter (biome) writes them.
  const json = JSON.stringify(model, null, 2).replace(
    /\[\s+([-\d.e,\s]+?)\s+\]/g,
    (_, items: string) => `[${items.split(/,\s*/).join(', ')}]`,
  );
  writeFileSync(OUTPUT, `${json}\n`);
  console.log(
    `trained on ${records.length} articles; lead window ${model.leadWindow}; wrote ${OUTPUT.pathname}`,
  );
}

main();
