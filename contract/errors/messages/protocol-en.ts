/**
 * English text of the signalling host's refusals of a malformed or out-of-turn request (a client
 * of our own never sends one), and of the judge's seat sign-in. Also the host's log text.
 */
export const protocolMessagesEn = {
  'signalling.unknown-transport': 'Unknown transport.',
  'signalling.transport-for-sending': 'That transport is for sending.',
  'signalling.transport-for-receiving': 'That transport is for receiving.',
  'signalling.unknown-producer': 'Unknown producer.',
  'signalling.unknown-consumer': 'Unknown consumer.',
  'signalling.too-many-transports': 'Too many transports for one participant.',
  'signalling.transport-connected': 'That transport is already connected.',
  'signalling.too-many-tracks-sent': 'Too many tracks from one participant.',
  'signalling.codec-kind': 'A track must use codecs of its own kind (audio or video).',
  'signalling.no-ssrc': 'The track has no SSRC; simulcast is not supported.',
  'signalling.capabilities-first': 'Send setRtpCapabilities before consuming.',
  'signalling.too-many-tracks-received': 'Too many tracks received by one participant.',
  'signalling.witness-reports-only': 'Only the protected witness reports its pipelines.',
  'signalling.already-joined': 'This connection has already joined.',
  'signalling.join-first': 'Join the hearing first.',
  'signalling.no-court-session': 'There is no court session on this host.',
  'court.judge-sign-in-required':
    "Sign in on this screen with a judge operator's name and passphrase to run the hearing.",
  'court.judge-operator-only':
    'Only a judge operator can run the hearing. The attempt was recorded in the audit log.',
} as const;
