/** The CLI's help in Russian, keyed by the English text in the command definitions. */
export const helpRu: Readonly<Record<string, string>> = {
  'InCamera: protected in-camera remote testimony for courts.':
    'InCamera: защищённые дистанционные показания в закрытом судебном заседании.',
  'display help for command': 'показать справку по команде',
  'print the version': 'показать версию',
  'show help for a command': 'показать справку по команде',
  'the language of messages and help: en, ru or ky (default: INCAMERA_LANG, else LANG)':
    'язык сообщений и справки: en, ru или ky (по умолчанию: INCAMERA_LANG, иначе LANG)',
  'run the hearing host headless: serves the UI and the API until Ctrl+C':
    'запустить хост заседаний без окна: обслуживает интерфейс и API до Ctrl+C',
  'address to listen on': 'адрес, на котором принимать подключения',
  'port to listen on (0 picks a free one)': 'порт для подключений (0 — выбрать свободный)',
  'the records database (default: INCAMERA_DB or ~/.incamera/records.db)':
    'база записей (по умолчанию: INCAMERA_DB или ~/.incamera/records.db)',
  'also serve other machines over HTTPS/WSS here, e.g. 0.0.0.0:4443 (default: INCAMERA_LAN)':
    'также обслуживать другие компьютеры по HTTPS/WSS на этом адресе, например 0.0.0.0:4443 (по умолчанию: INCAMERA_LAN)',
  'with --lan: the address other machines reach this one at (default: INCAMERA_ANNOUNCE_IP, else found)':
    'с --lan: адрес, по которому другие компьютеры достигают этот (по умолчанию: INCAMERA_ANNOUNCE_IP, иначе определяется сам)',
  'a training host for mock trials: opens the separate training database, never the real records':
    'учебный хост для учебных процессов: открывает отдельную учебную базу, никогда — настоящие записи',
  'the training database (default: INCAMERA_TRAINING_DB or training.db beside the records)':
    'учебная база (по умолчанию: INCAMERA_TRAINING_DB или training.db рядом с записями)',
  'development and tests only: accept join tokens lab.<role>.<name> without a hearing':
    'только для разработки и тестов: принимать токены входа lab.<роль>.<имя> без заседания',
  'tests only: drop/delay what the SFU sends, e.g. loss=0.05,delay=20,jitter=10; burst=MS: on SIGUSR2 drop everything for MS':
    'только для тестов: терять/задерживать то, что отправляет SFU, например loss=0.05,delay=20,jitter=10; burst=МС: по SIGUSR2 терять всё в течение МС',
  'the protected-hearing records database': 'база записей защищённых заседаний',
  'create a records database sealed with the court passphrase (INCAMERA_PASSPHRASE or asked)':
    'создать базу записей, запечатанную парольной фразой суда (INCAMERA_PASSPHRASE или запрос)',
  'the records database file': 'файл базы записей',
  'protected witnesses': 'защищаемые свидетели',
  'register a protected witness; prints {"id":…,"pseudonym":"…"}':
    'зарегистрировать защищаемого свидетеля; выводит {"id":…,"pseudonym":"…"}',
  'the case number (created if it does not exist)': 'номер дела (создаётся, если его нет)',
  "the witness's full name (sealed)": 'полное имя свидетеля (запечатывается)',
  'date of birth (sealed)': 'дата рождения (запечатывается)',
  'phone, e-mail or other contact (sealed)': 'телефон, e-mail или другой контакт (запечатывается)',
  'ordered measures: voice,face,pseudonym,closed-session':
    'назначенные меры: voice,face,pseudonym,closed-session',
  'show a sealed identity (judges only, with a reason; audited)':
    'показать запечатанную личность (только судьи, с указанием причины; записывается в аудит)',
  'the witness id': 'номер свидетеля',
  'your role': 'ваша роль',
  'why the identity must be revealed (recorded)': 'почему нужно раскрыть личность (записывается)',
  'people who sign in to the app (clerks, judges)':
    'пользователи, входящие в приложение (секретари, судьи)',
  'add an operator; passphrase from INCAMERA_OPERATOR_PASSPHRASE or asked':
    'добавить оператора; парольная фраза из INCAMERA_OPERATOR_PASSPHRASE или по запросу',
  'the name they sign in with': 'имя для входа',
  'their role': 'его роль',
  'the tamper-evident audit log': 'журнал аудита, защищённый от подделки',
  'check the audit hash chain; exit 0 and "intact", or exit 1 naming the first bad entry':
    'проверить цепочку хешей аудита; код 0 и «цепочка цела» или код 1 с первой повреждённой записью',
  'write a consistent copy of a records database while it is in use (still sealed)':
    'записать согласованную копию используемой базы записей (остаётся запечатанной)',
  'the backup file to write (must not exist)': 'файл резервной копии (не должен существовать)',
  'face masking, offline': 'скрытие лиц, без сети',
  'mask every face in an image (png, jpg) or video (mp4, webm, mkv, y4m); audio is dropped':
    'скрыть все лица на изображении (png, jpg) или в видео (mp4, webm, mkv, y4m); звук не сохраняется',
  'solid, pixelate or blur': 'solid, pixelate или blur',
  'back256 or front128': 'back256 или front128',
  'image or video to mask': 'изображение или видео для скрытия лиц',
  'where to write the masked copy (same kind as the input)':
    'куда записать копию со скрытыми лицами (того же вида, что и исходный файл)',
  'voice anonymisation tools': 'средства обезличивания голоса',
  'disguise the voice in a recording with the same DSP as the live witness pipeline (WAV, FLAC, or any format ffmpeg reads; mono or stereo)':
    'изменить голос в записи той же обработкой, что и у свидетеля в прямом эфире (WAV, FLAC или любой формат, который читает ffmpeg; моно или стерео)',
  'how strongly to disguise': 'насколько сильно изменить голос',
  "the hearing's secret seed: the same seed gives the same voice (default: a random one-off voice)":
    'секретное зерно заседания: одно зерно даёт один и тот же голос (по умолчанию: случайный разовый голос)',
  'recording to disguise': 'запись, в которой нужно изменить голос',
  'where to write the disguised recording (.wav, .flac, …)':
    'куда записать запись с изменённым голосом (.wav, .flac, …)',
  "a hearing's evidence: recordings, manifest of hashes, audit excerpt, minutes":
    'доказательства заседания: записи, манифест хешей, выписка из аудита, протокол',
  'the records database file (the recordings sit beside it)':
    'файл базы записей (записи заседаний лежат рядом с ним)',
  'the hearing to export': 'заседание для выгрузки',
  'a new folder to write the export into': 'новая папка для выгрузки',
  "the minutes' language: en, ru, ky": 'язык протокола: en, ru, ky',
  'check every file of an export against its manifest; exit 1 naming any mismatch':
    'сверить каждый файл выгрузки с её манифестом; код 1 с перечнем несовпадений',
  'your operator name (a judge); asked for your own passphrase':
    'ваше имя оператора (судьи); будет запрошена ваша собственная парольная фраза',
  'solid, pixelate, blur (the head) or silhouette (the whole person)':
    'solid, pixelate, blur (голова) или silhouette (весь человек)',
  'one witness is expected in every frame: a frame in which no face is found is hidden whole (default for videos)':
    'в каждом кадре ожидается свидетель: кадр, в котором лицо не найдено, скрывается целиком (по умолчанию для видео)',
  'leave frames in which no face is found as they are (default for images)':
    'оставлять кадры, в которых лицо не найдено, как есть (по умолчанию для изображений)',
  'also look for faces on about N x N overlapping tiles of every frame, each seen larger: small faces and faces half covered by a hand (0: the whole frame only; each tile costs a detection)':
    'искать лица ещё и на примерно N x N перекрывающихся фрагментах каждого кадра, каждый в увеличении: маленькие лица и лица, наполовину закрытые рукой (0 — только кадр целиком; каждый фрагмент стоит одного поиска)',
  "check an export's signature, every file's hash and (with --db) its audit entry; exit 1 naming each problem":
    'проверить подпись выгрузки, хеш каждого файла и (с --db) её запись в журнале аудита; код 1 с перечнем каждой проблемы',
  'check only the hash links, without the court passphrase (weaker)':
    'проверить только цепочку хешей, без парольной фразы суда (слабее)',
  'check the audit chain and its seals under the court key (INCAMERA_PASSPHRASE or asked); exit 0 and "intact", or exit 1 naming the first bad entry':
    'проверить цепочку аудита и её печати ключом суда (INCAMERA_PASSPHRASE или запрос); код 0 и «цепочка цела» или код 1 с первой испорченной записью',
  'open a copy of a sealed closed-session file (judges only, with a reason; audited)':
    'открыть копию запечатанного файла закрытого заседания (только судья, с указанием причины; фиксируется в аудите)',
  "the court key's fingerprint, as printed in the minutes":
    'отпечаток ключа суда, как он напечатан в протоколе',
  'the records database whose court key sealed it':
    'база записей, ключом суда которой файл запечатан',
  'the records database: its court key and its audit entry of the export':
    'база записей: её ключ суда и запись аудита об этой выгрузке',
  'where to write the opened copy (must not exist)':
    'куда записать открытую копию (файла ещё не должно быть)',
  'why the closed session must be opened (recorded)':
    'почему нужно открыть закрытое заседание (записывается)',
};
