import { randomUUID } from 'node:crypto';
import { createSqlEventStore, type EventStore, type RecordedEvent } from '@samabay/event-store';
import { openPglite, type SqlDatabase } from '@samabay/sql';
import { ProcessManagerRunner, type ProcessManager } from './process-manager-runner';
import type { RunnerLogger } from './runner-logger';

const quiet: RunnerLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Records every delivery of a `Requested` event; can fail a number of times first (as a dead database would). */
class RecordingManager implements ProcessManager {
  readonly name = 'recording';
  readonly deliveries: string[] = [];
  failuresLeft = 0;

  handles(event: RecordedEvent): boolean {
    return event.type === 'Requested';
  }

  async handle(event: RecordedEvent): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new Error('database went away (test)');
    }
    this.deliveries.push((event.data as { id: string }).id);
  }
}

let db: SqlDatabase;
let store: EventStore;
beforeEach(async () => {
  db = await openPglite();
  store = await createSqlEventStore({ db });
});
afterEach(async () => {
  await store.close();
  await db.close();
});

const append = async (type: string, id: string) =>
  (await store.appendToStream(`thing-${id}`, [{ id: randomUUID(), type, data: { id }, metadata: {} }], { expectedRevision: 'any' })).position;

describe('ProcessManagerRunner (process managers off the store subscription)', () => {
  it('delivers the events a manager handles in order, live ones too, and resumes after its stored checkpoint', async () => {
    await append('Requested', 'a');
    await append('Other', 'x');
    const manager = new RecordingManager();
    const runner = new ProcessManagerRunner({ db, store, managers: [manager], logger: quiet, retryDelayMs: 1 });
    await runner.start();
    const live = await append('Requested', 'b');
    expect(await runner.waitForPosition(live, 5_000)).toBe(true);
    expect(manager.deliveries).toEqual(['a', 'b']);
    await runner.stop();

    const restarted = new RecordingManager();
    const again = new ProcessManagerRunner({ db, store, managers: [restarted], logger: quiet });
    await again.start();
    const next = await append('Requested', 'c');
    expect(await again.waitForPosition(next, 5_000)).toBe(true);
    expect(restarted.deliveries).toEqual(['c']);
    await again.stop();
  });

  it('retries a failing event with backoff and then goes on', async () => {
    const manager = new RecordingManager();
    manager.failuresLeft = 2;
    const runner = new ProcessManagerRunner({ db, store, managers: [manager], logger: quiet, retryDelayMs: 1 });
    await runner.start();
    const position = await append('Requested', 'a');
    expect(await runner.waitForPosition(position, 5_000)).toBe(true);
    expect(manager.deliveries).toEqual(['a']);
    expect(runner.status()).toBe('running');
    await runner.stop();
  });

  it('stops as failed on an event that keeps failing, never skipping it: a restart delivers it again', async () => {
    const manager = new RecordingManager();
    manager.failuresLeft = 3;
    const runner = new ProcessManagerRunner({ db, store, managers: [manager], logger: quiet, retryDelayMs: 1, maxAttempts: 3 });
    await runner.start();
    const position = await append('Requested', 'a');
    expect(await runner.waitForPosition(position, 5_000)).toBe(false);
    expect(runner.status()).toBe('failed');
    await runner.stop();
    const again = new ProcessManagerRunner({ db, store, managers: [manager], logger: quiet, retryDelayMs: 1 });
    await again.start();
    expect(await again.waitForPosition(position, 5_000)).toBe(true);
    expect(manager.deliveries).toEqual(['a']);
    await again.stop();
  });
});
