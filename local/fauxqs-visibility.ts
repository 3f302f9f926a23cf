import type { DatabaseSync } from 'node:sqlite';

/**
 * A fix for fauxqs 2.4.1, which the local stack runs with SQLite persistence. ChangeMessageVisibility with a
 * timeout of 0 must make the message visible at once (as AWS does, and as the dead-letter consumer and
 * `precis redrive` rely on). fauxqs takes the message out of flight, then saves it as ready with a NULL receive
 * count, which its own NOT NULL column refuses: the request fails after the message left the in-flight set and
 * before it was queued again, so the message is gone until the emulator restarts. The replacement below clears
 * only the receipt handle and the visibility deadline, as the method means to. Remove it once fauxqs fixes
 * `updateMessageReady`; tests/local/fauxqs-visibility.test.ts fails if the fix stops applying.
 */

interface Persistence {
  readonly db: DatabaseSync;
  updateMessageReady(messageId: string): void;
}

let fixed = false;

export async function fixVisibilityReset(): Promise<void> {
  if (fixed) return;
  // Not among fauxqs's exported paths: found beside its entry point.
  const url = new URL('./persistence.js', import.meta.resolve('fauxqs'));
  const { PersistenceManager } = (await import(url.href)) as {
    PersistenceManager: { prototype: Persistence };
  };
  PersistenceManager.prototype.updateMessageReady = function updateMessageReady(
    this: Persistence,
    messageId,
  ) {
    this.db
      .prepare(
        'UPDATE sqs_messages SET receipt_handle = NULL, visibility_deadline = NULL WHERE message_id = ?',
      )
      .run(messageId);
  };
  fixed = true;
}
