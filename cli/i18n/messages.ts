/**
 * The CLI's own words in en, ru and ky (errors come from contract/errors): results, prompts, the
 * progress bar, help titles, and commander's usage errors. Keys as in `cliMessagesEn`.
 */
export const cliMessagesEn = {
  'unexpected-error': 'unexpected error: {{message}}',
  'debug-hint': 'Run again with INCAMERA_DEBUG=1 for details.',
  'prompt.court-passphrase': 'Court passphrase: ',
  'prompt.new-court-passphrase': 'New court passphrase: ',
  'prompt.operator-passphrase': 'Passphrase for {{name}}: ',
  'records-ready': 'Records database ready: {{path}}',
  'operator-added': 'Operator {{name}} ({{role}}) added.',
  'backup-written': 'Backup written: {{path}}',
  'lan-joins': 'Other machines join at {{url}}\nCertificate fingerprint (SHA-256): {{fingerprint}}',
  'progress.done': 'done',
  'progress.finalising': 'finalising {{label}}, part {{part}}',
  'progress.redacting': 'redacting {{label}}, part {{part}}',
  'progress.audit-excerpt': 'audit excerpt',
  'progress.minutes': 'minutes',
  'progress.minutes-pdf': 'minutes PDF',
  'export.note': 'note',
  'face.masked':
    'Masked {{input}} -> {{output}} ({{kind}}, {{width}}x{{height}}, style {{style}}).',
  'face.frames': '  frames: {{count}}',
  'face.faces-found': '  faces found: {{count}} (in {{frames}} frames)',
  'face.heads-by-pose': '  heads placed by body pose: in {{frames}} frames',
  'face.persons-masked':
    '  people masked whole (too small, or no face or head found on them): {{count}} (in {{frames}} frames)',
  'face.masked-whole': '  frames masked whole (fail-closed): {{count}}',
  'face.person-expected':
    '  person expected: yes (frames with nobody located, hidden whole: {{count}})',
  'face.person-not-expected':
    '  person expected: no (frames in which no face is found are left as they are)',
  'face.audio-not-copied': '  audio: not copied (the voice is not anonymised offline)',
  'face.time': '  time: {{seconds}} s',
  'voice.disguised':
    'Disguised {{input}} -> {{output}} (preset {{preset}}; channels: {{channels}}, {{rate}} Hz, {{seconds}} s)',
  'voice.one-off-seed': '  a one-off random voice (no --seed given)',
  'help.usage': 'Usage:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.arguments': 'Arguments:',
  'help.global-options': 'Global Options:',
  'help.language': 'Language:',
  'help.options-token': '[options]',
  'help.command-token': '[command]',
  'help.default': 'default:',
  'help.choices': 'choices:',
  'commander.unknown-option': "error: unknown option '{{option}}'",
  'commander.missing-option': "error: required option '{{option}}' not specified",
  'commander.missing-argument': "error: missing required argument '{{argument}}'",
  'commander.option-argument-missing': "error: option '{{option}}' argument missing",
  'commander.invalid-choice':
    "error: option '{{option}}' argument '{{value}}' is invalid. Allowed choices are {{choices}}.",
  'commander.invalid-argument':
    "error: option '{{option}}' argument '{{value}}' is invalid. {{why}}",
  'commander.unknown-command': "error: unknown command '{{command}}'",
  'commander.too-many-arguments': 'error: too many arguments',
} as const;

export type CliMessageKey = keyof typeof cliMessagesEn;

export const cliMessagesRu: Record<CliMessageKey, string> = {
  'unexpected-error': 'непредвиденная ошибка: {{message}}',
  'debug-hint': 'Запустите снова с INCAMERA_DEBUG=1, чтобы увидеть подробности.',
  'prompt.court-passphrase': 'Парольная фраза суда: ',
  'prompt.new-court-passphrase': 'Новая парольная фраза суда: ',
  'prompt.operator-passphrase': 'Парольная фраза для {{name}}: ',
  'records-ready': 'База записей готова: {{path}}',
  'operator-added': 'Оператор {{name}} ({{role}}) добавлен.',
  'backup-written': 'Резервная копия записана: {{path}}',
  'lan-joins':
    'Другие компьютеры подключаются по адресу {{url}}\nОтпечаток сертификата (SHA-256): {{fingerprint}}',
  'progress.done': 'готово',
  'progress.finalising': 'сборка записи: {{label}}, часть {{part}}',
  'progress.redacting': 'скрытие фрагментов: {{label}}, часть {{part}}',
  'progress.audit-excerpt': 'выписка из журнала аудита',
  'progress.minutes': 'протокол',
  'progress.minutes-pdf': 'протокол в PDF',
  'export.note': 'примечание',
  'face.masked':
    'Скрыто: {{input}} -> {{output}} ({{kind}}, {{width}}x{{height}}, стиль {{style}}).',
  'face.frames': '  кадров: {{count}}',
  'face.faces-found': '  найдено лиц: {{count}} (в кадрах: {{frames}})',
  'face.heads-by-pose': '  головы найдены по позе тела: в кадрах: {{frames}}',
  'face.persons-masked':
    '  людей скрыто целиком (слишком малы или лицо и голова не найдены): {{count}} (в кадрах: {{frames}})',
  'face.masked-whole': '  кадров скрыто целиком (при сомнении): {{count}}',
  'face.person-expected':
    '  человек ожидается: да (кадров, где никто не найден, скрыто целиком: {{count}})',
  'face.person-not-expected':
    '  человек ожидается: нет (кадры, где лицо не найдено, остаются как есть)',
  'face.audio-not-copied': '  звук: не скопирован (голос офлайн не обезличивается)',
  'face.time': '  время: {{seconds}} с',
  'voice.disguised':
    'Голос изменён: {{input}} -> {{output}} (профиль {{preset}}; каналов: {{channels}}, {{rate}} Гц, {{seconds}} с)',
  'voice.one-off-seed': '  разовый случайный голос (--seed не задан)',
  'help.usage': 'Использование:',
  'help.options': 'Параметры:',
  'help.commands': 'Команды:',
  'help.arguments': 'Аргументы:',
  'help.global-options': 'Общие параметры:',
  'help.language': 'Язык:',
  'help.options-token': '[параметры]',
  'help.command-token': '[команда]',
  'help.default': 'по умолчанию:',
  'help.choices': 'варианты:',
  'commander.unknown-option': 'ошибка: неизвестный параметр «{{option}}»',
  'commander.missing-option': 'ошибка: не указан обязательный параметр «{{option}}»',
  'commander.missing-argument': 'ошибка: не указан обязательный аргумент «{{argument}}»',
  'commander.option-argument-missing': 'ошибка: у параметра «{{option}}» нет значения',
  'commander.invalid-choice':
    'ошибка: недопустимое значение «{{value}}» параметра «{{option}}». Допустимые варианты: {{choices}}.',
  'commander.invalid-argument':
    'ошибка: недопустимое значение «{{value}}» параметра «{{option}}». {{why}}',
  'commander.unknown-command': 'ошибка: неизвестная команда «{{command}}»',
  'commander.too-many-arguments': 'ошибка: слишком много аргументов',
};

export const cliMessagesKy: Record<CliMessageKey, string> = {
  'unexpected-error': 'күтүлбөгөн ката: {{message}}',
  'debug-hint': 'Чоо-жайын көрүү үчүн INCAMERA_DEBUG=1 менен кайра иштетиңиз.',
  'prompt.court-passphrase': 'Соттун сырсөзү: ',
  'prompt.new-court-passphrase': 'Соттун жаңы сырсөзү: ',
  'prompt.operator-passphrase': '{{name}} үчүн сырсөз: ',
  'records-ready': 'Жазуулар базасы даяр: {{path}}',
  'operator-added': '{{name}} ({{role}}) оператору кошулду.',
  'backup-written': 'Камдык көчүрмө жазылды: {{path}}',
  'lan-joins':
    'Башка компьютерлер бул дарек аркылуу кошулат: {{url}}\nСертификаттын манжа изи (SHA-256): {{fingerprint}}',
  'progress.done': 'даяр',
  'progress.finalising': 'жазууну чогултуу: {{label}}, {{part}}-бөлүк',
  'progress.redacting': 'үзүндүлөрдү жашыруу: {{label}}, {{part}}-бөлүк',
  'progress.audit-excerpt': 'аудит журналынан үзүндү',
  'progress.minutes': 'протокол',
  'progress.minutes-pdf': 'PDF түрүндөгү протокол',
  'export.note': 'эскертүү',
  'face.masked':
    'Жашырылды: {{input}} -> {{output}} ({{kind}}, {{width}}x{{height}}, стили {{style}}).',
  'face.frames': '  кадрлар: {{count}}',
  'face.faces-found': '  табылган жүздөр: {{count}} (кадрларда: {{frames}})',
  'face.heads-by-pose': '  баштар дененин абалы боюнча табылды: кадрларда: {{frames}}',
  'face.persons-masked':
    '  толугу менен жашырылган адамдар (өтө кичине же жүзү жана башы табылган жок): {{count}} (кадрларда: {{frames}})',
  'face.masked-whole': '  толугу менен жашырылган кадрлар (шектенгенде): {{count}}',
  'face.person-expected':
    '  адам күтүлөт: ооба (эч ким табылбаган, толугу менен жашырылган кадрлар: {{count}})',
  'face.person-not-expected': '  адам күтүлбөйт: жок (жүз табылбаган кадрлар өзгөрүүсүз калат)',
  'face.audio-not-copied': '  үн: көчүрүлгөн жок (үн офлайн режимде жашырылбайт)',
  'face.time': '  убакыт: {{seconds}} сек',
  'voice.disguised':
    'Үн өзгөртүлдү: {{input}} -> {{output}} (профиль {{preset}}; каналдар: {{channels}}, {{rate}} Гц, {{seconds}} сек)',
  'voice.one-off-seed': '  бир жолку кокус үн (--seed берилген жок)',
  'help.usage': 'Колдонуу:',
  'help.options': 'Параметрлер:',
  'help.commands': 'Буйруктар:',
  'help.arguments': 'Аргументтер:',
  'help.global-options': 'Жалпы параметрлер:',
  'help.language': 'Тил:',
  'help.options-token': '[параметрлер]',
  'help.command-token': '[буйрук]',
  'help.default': 'демейки:',
  'help.choices': 'тандоолор:',
  'commander.unknown-option': 'ката: белгисиз параметр «{{option}}»',
  'commander.missing-option': 'ката: милдеттүү «{{option}}» параметри көрсөтүлгөн жок',
  'commander.missing-argument': 'ката: милдеттүү «{{argument}}» аргументи көрсөтүлгөн жок',
  'commander.option-argument-missing': 'ката: «{{option}}» параметринин мааниси жок',
  'commander.invalid-choice':
    'ката: «{{option}}» параметринин «{{value}}» мааниси жараксыз. Тандоого болот: {{choices}}.',
  'commander.invalid-argument':
    'ката: «{{option}}» параметринин «{{value}}» мааниси жараксыз. {{why}}',
  'commander.unknown-command': 'ката: белгисиз буйрук «{{command}}»',
  'commander.too-many-arguments': 'ката: аргументтер өтө көп',
};
