/**
 * English text of what `audit verify` and `export verify` report (CLI) and of each problem they
 * find (also shown in the evidence panel). `{{file}}` names the file a problem is about. Counts are
 * numbers (written in the reader's format); entry and hearing numbers are identifiers, given as text.
 */
export const verificationMessagesEn = {
  // Evidence export check (host/evidence/verify-export.ts)
  'verify.not-signed':
    '{{file}}: not signed (made before exports were signed, or the signature was removed)',
  'verify.bad-signing-key': '{{file}}: the signing key it names is not a public key',
  'verify.other-key': "{{file}}: signed by the key {{actual}}, not the court's key {{expected}}",
  'verify.signature-missing': '{{file}}: missing, so manifest.json cannot be checked',
  'verify.signature-mismatch':
    '{{file}}: the signature does not match (the manifest was changed after it was signed)',
  'verify.entry-not-signed':
    '{{file}}: its entry in the manifest (hash or size) is not the one the court key signed',
  'verify.file-missing': '{{file}}: missing',
  'verify.hash-mismatch': '{{file}}: SHA-256 does not match the manifest',
  'verify.not-in-manifest': '{{file}}: not in the manifest',
  'verify.no-audit-entry':
    '{{file}}: the audit log records no export of hearing {{hearing}} with this manifest (SHA-256 {{hash}})',
  'verify.export-intact_one': 'intact ({{count}} file, signed by {{fingerprint}})',
  'verify.export-intact_other': 'intact ({{count}} files, signed by {{fingerprint}})',
  'verify.export-key-unchecked':
    'note: compare that fingerprint with the one in the printed minutes, or give --fingerprint; anyone can sign with a key of their own.',
  // Audit chain check (host/records/audit.ts)
  'audit.entry-missing': 'entry {{seq}} is missing (deleted); the next entry is {{next}}',
  'audit.entry-out-of-order': 'entry {{seq}} is out of order',
  'audit.entry-not-linked':
    'entry {{seq}} does not follow entry {{previous}} (inserted, reordered or the previous entry was altered)',
  'audit.entry-altered': 'entry {{seq}} was altered after it was written',
  'audit.entry-seal-mismatch':
    'entry {{seq}} was altered after it was written (its seal under the court key does not match)',
  'audit.entry-foreign-seal': 'entry {{seq}} carries a seal that the court key did not make',
  'audit.tail-missing': 'entries {{from}} to {{to}} are missing (deleted from the end)',
  'audit.head-mismatch': 'entry {{seq}} does not match the recorded head of the chain',
  'audit.sealed-head-mismatch':
    "the chain's sealed head (entry {{seq}}) does not match under the court key: the log was rewritten",
  'verify.audit-broken': 'broken at entry {{seq}}: {{problem}}',
  'verify.audit-intact_one': 'intact ({{count}} entry)',
  'verify.audit-intact_other': 'intact ({{count}} entries)',
  'verify.audit-seals-unchecked':
    'note: the seals under the court key were not checked; a log rewritten by someone who can write the file would pass this check.',
  'verify.audit-unsealed_one':
    'note: the last {{count}} entry was written while the records were locked; it is sealed at the next unlock and checked here only by its hash.',
  'verify.audit-unsealed_other':
    'note: the last {{count}} entries were written while the records were locked; they are sealed at the next unlock and checked here only by their hashes.',
} as const;
