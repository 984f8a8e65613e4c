/**
 * Runs a task at most once per window for each key, at the end of the window, so that a storm
 * of changes (votes on one question) becomes a few updates per second carrying the latest state.
 */
export class Coalescer {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly windowMs: number) {}

  schedule(key: string, task: () => void | Promise<void>): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      void Promise.resolve()
        .then(task)
        .catch(() => undefined);
    }, this.windowMs);
    timer.unref?.();
    this.pending.set(key, timer);
  }

  clear(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
