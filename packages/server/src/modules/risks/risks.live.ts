import type { Context } from '../../platform/graphql/context.js';
import { spaceTopic, type SpaceEvent } from '../discussions/index.js';

/** Tells the space's live subscribers about a risk, once the change is committed. */
export function publishSpaceActivity(context: Context, event: SpaceEvent) {
  context.db.afterCommit(() => context.pubsub.publish(spaceTopic(event.spaceId), event));
}
