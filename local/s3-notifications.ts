import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type _Object,
  CopyObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event } from 'aws-lambda';
import { buildS3EventRecord, encodeEventKey, type NotifiedObject } from '#shared/events/s3-event-record.ts';
import { type KeyLocks, newVersionId, versionKey } from './s3-versions.ts';

export { buildS3EventRecord, encodeEventKey, type NotifiedObject };

/**
 * S3 event notifications for the local stack, shaped exactly as S3 sends them. The emulator cannot notify:
 * the versioning proxy (s3-versions.ts) calls `notifyWrite` after every write under `prefix`, and a scan
 * of the bucket catches up whatever was written but not notified (a crash in between, a write that did not
 * go through the proxy). What was notified is kept in a ledger file, so this holds across restarts.
 * Delivery is at least once, as in AWS: a crash between sending and recording sends that notification again.
 */

export interface NotifierOptions {
  /** Talks to the emulator itself, not through the versioning proxy. */
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly bucket: string;
  readonly prefix: string;
  readonly queueUrl: string;
  readonly region: string;
  /** JSON file recording what was notified. */
  readonly ledgerPath: string;
  /** Pause between two catch-up scans of the bucket. */
  readonly intervalMs: number;
  /** Shared with the versioning proxy: one write or notification of a key at a time. */
  readonly locks: KeyLocks;
  readonly onError: (error: unknown) => void;
}

export interface Notifier {
  /**
   * Snapshots the object now under `key` as a new version and notifies it, unless it was notified already;
   * resolves to its version id (undefined when the object is gone). The caller holds the key's lock.
   */
  notifyWrite(key: string): Promise<string | undefined>;
  /** The version notified for the object now under `key`, if that object has ETag `eTag`. */
  currentVersion(key: string, eTag: string): string | undefined;
  /** Notifies every object not notified yet; resolves to how many it notified. */
  scan(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/** What was notified for a key: the live object (ETag|LastModified), its version, and whether it was sent. */
interface LedgerEntry {
  readonly object: string;
  readonly versionId?: string;
  readonly sent: boolean;
}

/** What was notified, kept across restarts. */
interface Ledger {
  /** The last sequencer sent; the next one is larger. */
  sequencer: string;
  /** Key -> what was notified for it (a bare string: an object notified before versions existed). */
  objects: Record<string, LedgerEntry | string>;
}

const SEQUENCER_DIGITS = 18;
const SEQUENCER_TICKS_PER_MS = 1000n;

/** Sequencers increase with every event, across restarts (the last one is in the ledger). */
export function nextSequencer(previous: string, now: number): string {
  const afterPrevious = BigInt(`0x${previous || '0'}`) + 1n;
  const fromClock = BigInt(now) * SEQUENCER_TICKS_PER_MS;
  const next = afterPrevious > fromClock ? afterPrevious : fromClock;
  return next.toString(16).toUpperCase().padStart(SEQUENCER_DIGITS, '0');
}

export function buildS3Event(bucket: string, region: string, object: NotifiedObject): S3Event {
  return { Records: [buildS3EventRecord(bucket, region, object)] };
}

function unquote(eTag: string): string {
  return eTag.replaceAll('"', '');
}

function versionOf(object: { ETag?: string; LastModified?: Date }): string {
  return `${unquote(object.ETag ?? '')}|${object.LastModified?.toISOString() ?? ''}`;
}

const entryOf = (entry: LedgerEntry | string | undefined): LedgerEntry | undefined =>
  typeof entry === 'string' ? { object: entry, sent: true } : entry;

const isNotFound = (error: unknown): boolean =>
  error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404;

function readLedger(path: string): Ledger {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Ledger;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { sequencer: '', objects: {} };
    throw error;
  }
}

/** Write-then-rename, so a crash leaves the old ledger or the new one, never half of one. */
function writeLedger(path: string, ledger: Ledger): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(ledger));
  renameSync(temporary, path);
}

async function listObjects(s3: S3Client, bucket: string, prefix: string): Promise<_Object[]> {
  const objects: _Object[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken }),
    );
    objects.push(...(page.Contents ?? []));
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken !== undefined);
  return objects;
}

/**
 * Notifies each object written under the prefix once: `notifyWrite` right after a write (the versioning
 * proxy calls it before answering the writer), and a scan on start and every `intervalMs` catches what a
 * crash left between the write and the notification. Each version is snapshotted under `.versions/` before
 * it is notified, and the ledger records the version before the message is sent, so a crash in between
 * sends the same version again (a duplicate the pipeline absorbs), never a second version of one upload.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const ledger = readLedger(options.ledgerPath);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;
  const save = () => writeLedger(options.ledgerPath, ledger);

  async function head(key: string) {
    try {
      return await options.s3.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async function send(key: string, versionId: string): Promise<void> {
    const snapshot = await options.s3.send(
      new HeadObjectCommand({ Bucket: options.bucket, Key: versionKey(key, versionId) }),
    );
    const sequencer = nextSequencer(ledger.sequencer, Date.now());
    ledger.sequencer = sequencer;
    const event = buildS3Event(options.bucket, options.region, {
      key,
      size: snapshot.ContentLength ?? 0,
      eTag: unquote(snapshot.ETag ?? ''),
      versionId,
      lastModified: snapshot.LastModified ?? new Date(),
      sequencer,
    });
    await options.sqs.send(
      new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify(event) }),
    );
  }

  async function notifyWrite(key: string): Promise<string | undefined> {
    const live = await head(key);
    if (live === undefined) return undefined;
    const object = versionOf(live);
    const known = entryOf(ledger.objects[key]);
    if (known?.object === object && known.sent) return known.versionId;
    let versionId = known?.object === object ? known.versionId : undefined;
    if (versionId === undefined) {
      versionId = newVersionId();
      await options.s3.send(
        new CopyObjectCommand({
          Bucket: options.bucket,
          Key: versionKey(key, versionId),
          CopySource: `${options.bucket}/${encodeURIComponent(key)}`,
        }),
      );
      ledger.objects[key] = { object, versionId, sent: false };
      save();
    }
    await send(key, versionId);
    ledger.objects[key] = { object, versionId, sent: true };
    save();
    return versionId;
  }

  async function scanOnce(): Promise<number> {
    const objects = await listObjects(options.s3, options.bucket, options.prefix);
    const fresh = objects.filter((object) => {
      const known = entryOf(ledger.objects[object.Key ?? '']);
      return object.Key !== undefined && !(known?.object === versionOf(object) && known.sent);
    });
    const present = new Set(objects.map((object) => object.Key));
    let notified = 0;
    for (const object of fresh) {
      const key = object.Key as string;
      const before = entryOf(ledger.objects[key]);
      await options.locks.run(key, () => notifyWrite(key));
      if (entryOf(ledger.objects[key]) !== before) notified += 1;
    }
    // A key missing from the listing may have been written since: forget it only if it is still gone.
    const missing = Object.keys(ledger.objects).filter((key) => !present.has(key));
    for (const key of missing) {
      await options.locks.run(key, async () => {
        if ((await head(key)) !== undefined) return;
        delete ledger.objects[key];
        save();
      });
    }
    return notified;
  }

  function scan(): Promise<number> {
    running ??= scanOnce().finally(() => {
      running = undefined;
    });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      scan().catch(options.onError).finally(schedule);
    }, options.intervalMs);
  }

  return {
    notifyWrite,
    currentVersion(key, eTag) {
      const known = entryOf(ledger.objects[key]);
      return known?.object.startsWith(`${eTag}|`) ? known.versionId : undefined;
    },
    scan,
    start() {
      stopped = false;
      schedule();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
