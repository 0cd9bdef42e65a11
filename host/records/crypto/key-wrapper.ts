/**
 * An extra, machine-bound wrap of the data key (inside Electron: safeStorage, implemented in
 * electron/). The host never imports Electron; it is handed one of these, or none.
 */
export type KeyWrapper = {
  /** Stored with the key, so a database wrapped on one kind of machine is recognised. */
  readonly name: string;
  wrap(data: Buffer): Buffer;
  unwrap(data: Buffer): Buffer;
};
