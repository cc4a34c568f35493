import { randomUUID } from 'node:crypto';

/** App-generated ids: identical on both databases, and never guessable from a neighbour's id. */
export const newId = (): string => randomUUID();
