/**
 * The subscribers that wake for one published event, gathered for one turn of the event loop so
 * that the work they share (one access check for all of them, reading the changed rows) runs
 * once instead of once per subscriber. Every transport hands all local subscribers of a topic
 * the same event object, which is the key. A subscriber that wakes later (still busy with the
 * previous event) starts the next gathering for the same event. Subscribers arriving together
 * (a hall opening the page) are gathered the same way, keyed by what they subscribe to.
 */
export class Gathering<K, J, R> {
  private readonly open = new Map<K, Array<{ job: J; settle: (r: Promise<R>) => void }>>();

  constructor(private readonly work: (event: K, jobs: J[]) => Promise<R[]>) {}

  join(event: K, job: J): Promise<R> {
    let group = this.open.get(event);
    if (!group) {
      const members: Array<{ job: J; settle: (r: Promise<R>) => void }> = [];
      group = members;
      this.open.set(event, members);
      setImmediate(() => {
        if (this.open.get(event) === members) this.open.delete(event);
        const results = Promise.resolve().then(() =>
          this.work(
            event,
            members.map((member) => member.job),
          ),
        );
        members.forEach((member, index) => member.settle(results.then((all) => all[index] as R)));
      });
    }
    return new Promise((resolve) => group.push({ job, settle: resolve }));
  }
}
