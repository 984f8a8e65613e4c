import { OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { overSocket } from './apollo';

const vote = { operationType: OperationTypeNode.MUTATION, operationName: 'UpvoteQuestion' };
const takeBack = { operationType: OperationTypeNode.MUTATION, operationName: 'RemoveUpvote' };
const open = (guestToken: string | null) => ({ open: true, guestToken });

describe('which operations go over the socket', () => {
  it('sends subscriptions over the socket, whatever its state', () => {
    const live = { operationType: OperationTypeNode.SUBSCRIPTION, operationName: 'EventUpdated' };
    expect(overSocket(live, { open: false, guestToken: null }, null)).toBe(true);
  });

  it("sends a guest's votes over the socket opened with its token", () => {
    expect(overSocket(vote, open('guest_a'), 'guest_a')).toBe(true);
    expect(overSocket(takeBack, open('guest_a'), 'guest_a')).toBe(true);
  });

  it('sends votes over HTTP while the socket is down or carries another identity', () => {
    expect(overSocket(vote, { open: false, guestToken: 'guest_a' }, 'guest_a')).toBe(false);
    // Opened before the guest joined (or for another event's token): HTTP carries the right one.
    expect(overSocket(vote, open(null), 'guest_a')).toBe(false);
    expect(overSocket(vote, open('guest_b'), 'guest_a')).toBe(false);
    // A signed-in person without a guest token votes over HTTP (its cookie session).
    expect(overSocket(vote, open(null), null)).toBe(false);
  });

  it('sends every other query and mutation over HTTP', () => {
    const ask = { operationType: OperationTypeNode.MUTATION, operationName: 'AskQuestion' };
    const query = { operationType: OperationTypeNode.QUERY, operationName: 'Questions' };
    expect(overSocket(ask, open('guest_a'), 'guest_a')).toBe(false);
    expect(overSocket(query, open('guest_a'), 'guest_a')).toBe(false);
    expect(overSocket({ operationType: OperationTypeNode.MUTATION }, open('g'), 'g')).toBe(false);
  });
});
