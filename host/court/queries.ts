/**
 * Where the court's statements used to live; they are in host/records/queries/ now. Kept only for
 * court-handlers.ts, which is moving to host/api/ and will import those modules directly.
 */
export * from '../records/queries/join-codes.js';
export { linkedWitnessId, linkWitness } from '../records/queries/hearing-witnesses.js';
