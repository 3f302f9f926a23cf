import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type _Object, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { S3Event, S3EventRecord } from 'aws-lambda';

/**
 * S3 event notifications for the local stack. The emulator cannot notify, so this watches the bucket:
 * it lists `prefix` and sends one notification, shaped exactly as S3 sends it, for every object it has not
 * notified yet. What was notified is kept in a ledger file, so objects uploaded while the stack was down are
 * notified when it comes back. Delivery is at least once, as in AWS: a crash between sending and recording
 * sends that notification again.
 */

export interface NotifierOptions {
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly bucket: string;
  readonly prefix: string;
  readonly queueUrl: string;
  readonly region: string;
  /** JSON file recording what was notified. */
  readonly ledgerPath: string;
  /** Pause between two scans of the bucket. */
  readonly intervalMs: number;
  readonly onError: (error: unknown) => void;
}

export interface Notifier {
  /** Notifies every object not notified yet; resolves to how many it notified. */
  scan(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

/** What was notified, kept across restarts. */
interface Ledger {
  /** The last sequencer sent; the next one is larger. */
  sequencer: string;
  /** Key -> the version notified (ETag|LastModified): a new upload to the same key changes it. */
  objects: Record<string, string>;
}

export interface NotifiedObject {
  readonly key: string;
  readonly size: number;
  /** Without the quotes S3 puts around it in HTTP headers. */
  readonly eTag: string;
  readonly versionId?: string;
  readonly lastModified: Date;
  readonly sequencer: string;
}

const SEQUENCER_DIGITS = 18;
const SEQUENCER_TICKS_PER_MS = 1000n;
/** ETags of multipart uploads end in -<number of parts>. */
const MULTIPART_ETAG = /-\d+$/;
/** Characters that Java's URLEncoder, which S3 uses for event keys, leaves as they are. */
const UNESCAPED_KEY_CHARACTERS = /^[A-Za-z0-9.\-*_/]$/;
const LOCAL_PRINCIPAL = 'AWS:LOCAL';

/**
 * Encodes a key as S3 does in event notifications: form encoding (space as '+', other bytes as %XX of their
 * UTF-8), slashes kept.
 */
export function encodeEventKey(key: string): string {
  return Array.from(key, (character) => {
    if (character === ' ') return '+';
    if (UNESCAPED_KEY_CHARACTERS.test(character)) return character;
    return Array.from(
      Buffer.from(character, 'utf8'),
      (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    ).join('');
  }).join('');
}

/** Sequencers increase with every event, across restarts (the last one is in the ledger). */
export function nextSequencer(previous: string, now: number): string {
  const afterPrevious = BigInt(`0x${previous || '0'}`) + 1n;
  const fromClock = BigInt(now) * SEQUENCER_TICKS_PER_MS;
  const next = afterPrevious > fromClock ? afterPrevious : fromClock;
  return next.toString(16).toUpperCase().padStart(SEQUENCER_DIGITS, '0');
}

export function buildS3EventRecord(bucket: string, region: string, object: NotifiedObject): S3EventRecord {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: object.lastModified.toISOString(),
    eventName: MULTIPART_ETAG.test(object.eTag)
      ? 'ObjectCreated:CompleteMultipartUpload'
      : 'ObjectCreated:Put',
    userIdentity: { principalId: LOCAL_PRINCIPAL },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': object.sequencer, 'x-amz-id-2': 'local' },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'precis-incoming',
      bucket: {
        name: bucket,
        ownerIdentity: { principalId: LOCAL_PRINCIPAL },
        arn: `arn:aws:s3:::${bucket}`,
      },
      object: {
        key: encodeEventKey(object.key),
        size: object.size,
        eTag: object.eTag,
        ...(object.versionId === undefined ? {} : { versionId: object.versionId }),
        sequencer: object.sequencer,
      },
    },
  };
}

export function buildS3Event(bucket: string, region: string, object: NotifiedObject): S3Event {
  return { Records: [buildS3EventRecord(bucket, region, object)] };
}

function unquote(eTag: string): string {
  return eTag.replaceAll('"', '');
}

function versionOf(object: _Object): string {
  return `${unquote(object.ETag ?? '')}|${object.LastModified?.toISOString() ?? ''}`;
}

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

export function createNotifier(options: NotifierOptions): Notifier {
  const ledger = readLedger(options.ledgerPath);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = true;

  async function notify(object: _Object): Promise<void> {
    const sequencer = nextSequencer(ledger.sequencer, Date.now());
    const event = buildS3Event(options.bucket, options.region, {
      key: object.Key ?? '',
      size: object.Size ?? 0,
      eTag: unquote(object.ETag ?? ''),
      lastModified: object.LastModified ?? new Date(),
      sequencer,
    });
    await options.sqs.send(
      new SendMessageCommand({ QueueUrl: options.queueUrl, MessageBody: JSON.stringify(event) }),
    );
    ledger.sequencer = sequencer;
  }

  async function scanOnce(): Promise<number> {
    const objects = await listObjects(options.s3, options.bucket, options.prefix);
    const fresh = objects.filter(
      (object) => object.Key !== undefined && ledger.objects[object.Key] !== versionOf(object),
    );
    const present = new Set(objects.map((object) => object.Key));
    const gone = Object.keys(ledger.objects).filter((key) => !present.has(key));
    try {
      for (const object of fresh) {
        await notify(object);
        ledger.objects[object.Key as string] = versionOf(object);
      }
    } finally {
      for (const key of gone) delete ledger.objects[key];
      if (fresh.length > 0 || gone.length > 0) writeLedger(options.ledgerPath, ledger);
    }
    return fresh.length;
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
