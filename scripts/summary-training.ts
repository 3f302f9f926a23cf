/**
 * Training the summariser's word model (shared/summarise/word-model.ts) on articles with human highlights:
 * every word type of an article is an example, labelled by whether the highlights use it. Shared by
 * `npm run train:summary` (all articles, the committed model) and bench:summary (each fold's model, trained
 * on the other folds).
 */
import { cleanDocument } from '#shared/clean/clean-document.ts';
import { splitSentences } from '#shared/sentences/split-sentences.ts';
import { selectSentences } from '#shared/summarise/select-sentences.ts';
import { DEFAULT_SUMMARY_SENTENCES } from '#shared/summarise/summary-length.ts';
import { type SummaryModel, WORD_FEATURES, wordFeatures, wordTokens } from '#shared/summarise/word-model.ts';
import { scoreSummary, splitReference } from '../bench/rouge.ts';
import { type Example, fitLogisticRegression } from './logistic-regression.ts';

/** One line of the CNN/DailyMail files in ../shared/data/summaries. */
export interface SummaryRecord {
  readonly id: string;
  readonly article: string;
  /** The original highlights, sentences separated by " . ". */
  readonly reference: string;
}

export interface TrainingArticle {
  readonly id: string;
  /** The article as the pipeline cleans it. */
  readonly text: string;
  readonly reference: string;
}

/** L2 penalty of the regression: light, as there are tens of thousands of examples for eight weights. */
const LAMBDA = 1;
/** Candidate pools the training articles choose between (how many lead sentences selection considers). */
const LEAD_WINDOWS = [4, 5, 6, 8, 10] as const;

/** The article cleaned exactly as `precis process --jsonl` cleans a {"id", "text"} line. */
export function trainingArticle(record: SummaryRecord): TrainingArticle {
  const bytes = new TextEncoder().encode(record.article);
  const document = cleanDocument({ bytes, contentType: 'text/plain; charset=utf-8' });
  return { id: record.id, text: document.text, reference: record.reference };
}

function examplesOf(article: TrainingArticle): { features: number[]; label: 0 | 1 }[] {
  const tokens = splitSentences(article.text).map((sentence) => wordTokens(sentence.text));
  const highlighted = new Set(wordTokens(article.reference));
  return [...wordFeatures(tokens)].map(([token, features]) => ({
    features,
    label: highlighted.has(token) ? 1 : 0,
  }));
}

function standardisation(examples: readonly { features: readonly number[] }[]) {
  const count = Math.max(1, examples.length);
  const mean = WORD_FEATURES.map(
    (_, j) => examples.reduce((sum, e) => sum + (e.features[j] ?? 0), 0) / count,
  );
  const scale = WORD_FEATURES.map((_, j) => {
    const variance =
      examples.reduce((sum, e) => sum + ((e.features[j] ?? 0) - (mean[j] ?? 0)) ** 2, 0) / count;
    return Math.sqrt(variance) || 1;
  });
  return { mean, scale };
}

/** Mean ROUGE-1, -2 and -Lsum F1 of the default-length summaries the model gives the articles. */
export function meanRouge(articles: readonly TrainingArticle[], model: SummaryModel): number {
  let total = 0;
  for (const article of articles) {
    const summary = selectSentences(
      splitSentences(article.text),
      { sentences: DEFAULT_SUMMARY_SENTENCES },
      model,
    );
    const scores = scoreSummary(
      splitReference(article.reference),
      summary.sentences.map((sentence) => sentence.text),
    );
    total += (scores.rouge1.f1 + scores.rouge2.f1 + scores.rougeLsum.f1) / 3;
  }
  return total / Math.max(1, articles.length);
}

const rounded = (value: number) => Number(value.toPrecision(6));

/**
 * The word model fitted to the articles: weights by logistic regression, the expected summary length from
 * the highlights' mean length, and the candidate window that gives these articles the best summaries.
 */
export function trainSummaryModel(articles: readonly TrainingArticle[]): SummaryModel {
  const examples = articles.flatMap(examplesOf);
  const { mean, scale } = standardisation(examples);
  const standardised: Example[] = examples.map((example) => ({
    features: example.features.map((value, j) => (value - (mean[j] ?? 0)) / (scale[j] ?? 1)),
    label: example.label,
  }));
  const fit = fitLogisticRegression(standardised, LAMBDA);
  const highlightTokens =
    articles.reduce((sum, article) => sum + wordTokens(article.reference).length, 0) /
    Math.max(1, articles.length);
  const base = {
    features: [...WORD_FEATURES],
    mean: mean.map(rounded),
    scale: scale.map(rounded),
    weights: fit.weights.map(rounded),
    bias: rounded(fit.bias),
    referenceTokensPerSentence: rounded(highlightTokens / DEFAULT_SUMMARY_SENTENCES),
  };
  let best: { model: SummaryModel; rouge: number } | undefined;
  for (const leadWindow of LEAD_WINDOWS) {
    const model = { ...base, leadWindow };
    const rouge = meanRouge(articles, model);
    if (best === undefined || rouge > best.rouge) best = { model, rouge };
  }
  return (best as { model: SummaryModel }).model;
}
