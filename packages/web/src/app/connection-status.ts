import { useSyncExternalStore } from 'react';

/** The live (WebSocket) connection as the interface shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

let status: ConnectionStatus = 'connecting';
const listeners = new Set<() => void>();

export function setConnectionStatus(next: ConnectionStatus): void {
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => status,
  );
}
