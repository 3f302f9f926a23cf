import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import { DependencyError } from '../errors.ts';
import { ARTICLE_EVENT_SOURCE, type ArticleEvent } from '../events/article-events.ts';
import { toAdapterError } from './aws-errors.ts';

/** The EventBridge bus precis announces completed articles on (see shared/events/article-events.ts). */
export function createEventBus(client: EventBridgeClient, busName: string) {
  return {
    publish: async (event: ArticleEvent): Promise<void> => {
      let output: PutEventsCommandOutput;
      try {
        output = await client.send(
          new PutEventsCommand({
            Entries: [
              {
                EventBusName: busName,
                Source: ARTICLE_EVENT_SOURCE,
                DetailType: event.detailType,
                Detail: JSON.stringify(event.detail),
              },
            ],
          }),
        );
      } catch (error) {
        throw toAdapterError(error, `PutEvents ${event.detailType} ${event.detail.id} on bus ${busName}`);
      }
      if ((output.FailedEntryCount ?? 0) > 0) {
        throw new DependencyError(
          `PutEvents refused ${event.detailType} ${event.detail.id} on bus ${busName}`,
        );
      }
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
