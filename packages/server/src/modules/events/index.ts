/*
 * The events feature as other features and the composition root see it: the only file they
 * import. Everything else in this folder is private to the feature.
 */
export { Event, EventParticipant, EventStatus } from './events.entity.js';
export { authenticateGuest, GUEST_TOKEN_DAYS_AFTER_EVENT } from './audience.service.js';
export {
  eventRights,
  mayManageEvent,
  mayModerateQuestions,
  type EventRights,
} from './events.policy.js';
export { eventLoader } from './events.reads.js';
export { eventTopic, type EventLiveEvent } from './events.live.js';
