import type Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/** A connection that queries may read through. */
export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
/** A connection that may also write: only write queries ask for it. */
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

/** SQLite's application_id for InCamera records ("INCA"), so foreign SQLite files are refused. */
export const RECORDS_APPLICATION_ID = 0x494e4341;
