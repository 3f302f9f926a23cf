import { PutObjectCommand } from '@aws-sdk/client-s3';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RESULT_LIMITS } from '#shared/limits/bound-result.ts';
import { errorCodeSchema, type Result } from '#shared/result.ts';
import { LOCAL_NAMES } from '../../local/settings.ts';
import { eventually, startTestStack, type TestStack } from '../helpers/local-stack.ts';

/**
 * Inputs that grow every stored string, through the whole local stack (S3 emulator, notifier, queue, real
 * process handler, dynalite with its 400 KB items, the HTTP API). Each once left its Result PROCESSING for
 * ever (a 2 MB "sentence" as summary and headline, a 1 MB title, a 14.7 MB Result JSON). Each must now end in
 * exactly one terminal Result, DONE or FAILED with a stable code, with nothing dead-lettered and nothing left
 * in flight. How long processing takes is not asserted (bench:large measures it).
 */

/** A 5 MB article takes ~10 s of CPU alone; a shared machine may be several times slower. */
const TERMINAL_WITHIN_MS = 240_000;
const TEST_TIMEOUT_MS = 300_000;

const WORDS =
  'the council said that residents of the northern district would see new budget changes next spring according to officials'.split(
    ' ',
  );
const PARAGRAPH =
  'The council approved the new budget on Tuesday evening, Mayor Jane Smith said. Residents of Springfield ' +
  'will see the changes next spring, according to the finance office.\n\n';
const ARTICLE =
  '<p>The council approved the new budget on Tuesday evening. Residents will see the changes next spring.</p>' +
  '<p>A second paragraph says more about the budget.</p>';

/** Words with no sentence punctuation at all, to `bytes`. */
function oneSentence(bytes: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index += 1) {
    const word = WORDS[index % WORDS.length] as string;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

const repeated = (unit: string, bytes: number): string => unit.repeat(Math.floor(bytes / unit.length));

const CASES = [
  [
    'a 2 MB text with no sentence punctuation',
    'incoming/one sentence.txt',
    oneSentence(2_000_000),
    'text/plain',
  ],
  [
    'a page whose <title> is 1 MB',
    'incoming/huge title.html',
    `<html><head><title>${repeated('Budget ', 1_000_000)}</title></head><body>${ARTICLE}</body></html>`,
    'text/html',
  ],
  ['a 4.9 MB repetitive article', 'incoming/repetitive.txt', repeated(PARAGRAPH, 4_900_000), 'text/plain'],
] as const;

let local: TestStack;

beforeAll(async () => {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
  local = await startTestStack();
});

afterAll(async () => {
  await local?.dispose();
  vi.unstubAllEnvs();
});

async function resultsFor(key: string): Promise<Result[]> {
  const response = await fetch(`${local.stack.endpoints.api}/articles?key=${encodeURIComponent(key)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Result[] }).items;
}

async function fullResult(id: string): Promise<Result> {
  const response = await fetch(`${local.stack.endpoints.api}/articles/${encodeURIComponent(id)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Result;
}

async function deadLetters(): Promise<number> {
  const { Attributes = {} } = await local.clients.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: local.stack.deadLetterQueue.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
}

describe('oversized inputs on the local stack', () => {
  it.each(CASES)(
    'ends %s in exactly one terminal Result, with every stored string capped',
    async (_name, key, body, contentType) => {
      await local.clients.s3.send(
        new PutObjectCommand({ Bucket: LOCAL_NAMES.bucket, Key: key, Body: body, ContentType: contentType }),
      );

      const [listed] = await eventually(
        async () => {
          const results = await resultsFor(key);
          return results.every((r) => r.status === 'DONE' || r.status === 'FAILED') && results.length > 0
            ? results
            : undefined;
        },
        { what: `a terminal Result for ${key}`, timeoutMs: TERMINAL_WITHIN_MS, intervalMs: 500 },
      );
      const results = await resultsFor(key);
      const result = await fullResult(listed?.id ?? '');

      expect(results).toHaveLength(1);
      expect(await deadLetters()).toBe(0);
      if (result.status === 'FAILED') {
        expect(errorCodeSchema.options).toContain(result.error?.code);
      } else {
        expect(result.status).toBe('DONE');
        // Over the API's answer limit a Result is answered with its summary view: text counted, not sent.
        const view = result as Result & { truncated?: boolean; totals?: { textLength: number } };
        expect(view.truncated ? view.totals?.textLength : result.text.length).toBeGreaterThan(0);
      }
      expect(result.title?.length ?? 0).toBeLessThanOrEqual(RESULT_LIMITS.titleChars);
      expect(result.headline?.length ?? 0).toBeLessThanOrEqual(RESULT_LIMITS.headlineChars);
      for (const sentence of result.summary ?? []) {
        expect(sentence.length).toBeLessThanOrEqual(RESULT_LIMITS.summarySentenceChars);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
