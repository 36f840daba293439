/**
 * One read shared by every caller that asks while it has not started yet: a caller never
 * gets a result read before it asked (a read already under way when it arrives is not
 * its read; it joins the next one, started as soon as that one ends). Under load, the
 * stamp query of 100 concurrent public pulls becomes one or two statements instead of
 * 100 (on PGlite every statement queues behind every other on the single connection).
 */
export class FreshReads<T> {
  private readonly flights = new Map<string, { current?: Promise<T>; next?: Promise<T> }>();

  constructor(private readonly read: (key: string) => Promise<T>) {}

  get(key: string): Promise<T> {
    let flight = this.flights.get(key);
    if (!flight) {
      flight = {};
      this.flights.set(key, flight);
    }
    const current = flight.current;
    if (!current) return this.start(key, flight);
    const f = flight;
    f.next ??= current.then(noop, noop).then(() => {
      f.next = undefined;
      return this.start(key, f);
    });
    return f.next;
  }

  private start(key: string, flight: { current?: Promise<T>; next?: Promise<T> }): Promise<T> {
    const p = this.read(key);
    flight.current = p;
    const done = () => {
      if (flight.current !== p) return;
      flight.current = undefined;
      if (!flight.next) this.flights.delete(key);
    };
    p.then(done, done);
    return p;
  }
}

function noop(): void {}
