import { v7 as uuidv7 } from 'uuid';

/** Server-assigned ids are UUIDv7: unique, and ordered by creation, which gives lists a stable order. */
export const newId = (): string => uuidv7();
