/** Who does something to the records, as written into the audit log. */
export type Actor = { name: string; role: 'clerk' | 'judge' | 'administrator' };
