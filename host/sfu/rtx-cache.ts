/** The last packets sent to one consumer, by outgoing sequence number, to answer its NACKs. */
export type CachedPacket = { payload: Buffer; timestamp: number; marker: boolean };

export class RtxCache {
  private readonly slots: (CachedPacket & { sequenceNumber: number })[] = [];

  constructor(private readonly size = 600) {}

  store(sequenceNumber: number, packet: CachedPacket): void {
    this.slots[sequenceNumber % this.size] = { sequenceNumber, ...packet };
  }

  get(sequenceNumber: number): CachedPacket | undefined {
    const slot = this.slots[sequenceNumber % this.size];
    return slot?.sequenceNumber === sequenceNumber ? slot : undefined;
  }
}
