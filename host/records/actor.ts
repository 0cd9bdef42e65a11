/** Who does something to the records, as written into the audit log. */
export type Actor = { name: string; role: 'clerk' | 'judge' | 'administrator' };

/** The two audit-log fields that name who did something. */
export function auditedBy(actor: { name: string; role: string }): {
  actor: string;
  actorRole: string;
} {
  return { actor: actor.name, actorRole: actor.role };
}
