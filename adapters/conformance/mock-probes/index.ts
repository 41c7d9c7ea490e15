import { commandsAndKeysProbes } from './commands-and-keys.js';
import { listsAndErrorsProbes } from './lists-and-errors.js';
import type { DeviationProbes } from './probe.js';
import { pubsubAndServerProbes } from './pubsub-and-server.js';
import { sortedSetProbes } from './sorted-sets.js';
import { stringsAndHashesProbes } from './strings-and-hashes.js';
import { transactionAndScriptProbes } from './transactions-and-scripts.js';

export { createRawMock, type DeviationProbe } from './probe.js';

/** One probe per entry of `adapters/mock/deviations.ts`, by id. */
export const deviationProbes: DeviationProbes = {
  ...commandsAndKeysProbes,
  ...stringsAndHashesProbes,
  ...listsAndErrorsProbes,
  ...sortedSetProbes,
  ...transactionAndScriptProbes,
  ...pubsubAndServerProbes,
};
