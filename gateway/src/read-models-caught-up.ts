import { DomainError } from '@samabay/domain-kit';
import type { EventStore } from '@samabay/event-store';
import type { ProjectionRunner } from '@samabay/projections';

/**
 * A wait for "the read models include every event appended so far": reads the store's head position
 * and waits (at most `timeoutMs`) for the projection runner to reach it. Services await it before they
 * decide on what their own projections say (lending's eligibility facts and day-end loan list,
 * membership's open loans at exit). `runner` is resolved lazily because the runner is built from the
 * services' projections after the services.
 * @throws DomainError READ_MODEL_BEHIND when the runner does not get there in time (retry the command).
 */
export function readModelsCaughtUp(store: EventStore, runner: () => ProjectionRunner, timeoutMs: number): () => Promise<void> {
  return async () => {
    const head = await store.headPosition();
    if (!(await runner().waitForPosition(head, timeoutMs))) {
      throw new DomainError('READ_MODEL_BEHIND', `the read models did not catch up within ${timeoutMs} ms; try again`);
    }
  };
}
