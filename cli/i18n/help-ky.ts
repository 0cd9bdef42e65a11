/** The CLI's help in Kyrgyz, keyed by the English text in the command definitions. */
export const helpKy: Readonly<Record<string, string>> = {
  'InCamera: protected in-camera remote testimony for courts.':
    'InCamera: жабык сот отурумунда алыстан берилүүчү корголгон күбөлөндүрүүлөр.',
  'display help for command': 'буйрук боюнча жардамды көрсөтүү',
  'print the version': 'версияны көрсөтүү',
  'show help for a command': 'буйрук боюнча жардамды көрсөтүү',
  'the language of messages and help: en, ru or ky (default: INCAMERA_LANG, else LANG)':
    'билдирүүлөрдүн жана жардамдын тили: en, ru же ky (демейки: INCAMERA_LANG, болбосо LANG)',
  'run the hearing host headless: serves the UI and the API until Ctrl+C':
    'отурумдар хостун терезесиз иштетүү: Ctrl+C басылганга чейин интерфейсти жана API тейлейт',
  'address to listen on': 'туташууларды кабыл ала турган дарек',
  'port to listen on (0 picks a free one)': 'туташуулар үчүн порт (0 — бош портту тандайт)',
  'the records database (default: INCAMERA_DB or ~/.incamera/records.db)':
    'жазуулар базасы (демейки: INCAMERA_DB же ~/.incamera/records.db)',
  'also serve other machines over HTTPS/WSS here, e.g. 0.0.0.0:4443 (default: INCAMERA_LAN)':
    'ушул даректе башка компьютерлерди да HTTPS/WSS аркылуу тейлөө, мисалы 0.0.0.0:4443 (демейки: INCAMERA_LAN)',
  'with --lan: the address other machines reach this one at (default: INCAMERA_ANNOUNCE_IP, else found)':
    '--lan менен: башка компьютерлер бул компьютерге жете турган дарек (демейки: INCAMERA_ANNOUNCE_IP, болбосо өзү табылат)',
  'a training host for mock trials: opens the separate training database, never the real records':
    'окуу сот процесстери үчүн окуу хосту: өзүнчө окуу базасын ачат, чыныгы жазууларды эч качан ачпайт',
  'the training database (default: INCAMERA_TRAINING_DB or training.db beside the records)':
    'окуу базасы (демейки: INCAMERA_TRAINING_DB же жазуулардын жанындагы training.db)',
  'development and tests only: accept join tokens lab.<role>.<name> without a hearing':
    'иштеп чыгуу жана тесттер үчүн гана: lab.<роль>.<ат> кирүү токендерин отурумсуз кабыл алуу',
  'tests only: drop/delay what the SFU sends, e.g. loss=0.05,delay=20,jitter=10; burst=MS: on SIGUSR2 drop everything for MS':
    'тесттер үчүн гана: SFU жөнөткөндү жоготуу/кечиктирүү, мисалы loss=0.05,delay=20,jitter=10; burst=МС: SIGUSR2 келгенде МС бою баарын жоготуу',
  'the protected-hearing records database': 'корголгон отурумдардын жазуулар базасы',
  'create a records database sealed with the court passphrase (INCAMERA_PASSPHRASE or asked)':
    'соттун сырсөзү менен мөөрлөнгөн жазуулар базасын түзүү (INCAMERA_PASSPHRASE же суралат)',
  'the records database file': 'жазуулар базасынын файлы',
  'protected witnesses': 'корголуучу күбөлөр',
  'register a protected witness; prints {"id":…,"pseudonym":"…"}':
    'корголуучу күбөнү каттоо; {"id":…,"pseudonym":"…"} чыгарат',
  'the case number (created if it does not exist)': 'иштин номери (жок болсо түзүлөт)',
  "the witness's full name (sealed)": 'күбөнүн толук аты-жөнү (мөөрлөнөт)',
  'date of birth (sealed)': 'туулган күнү (мөөрлөнөт)',
  'phone, e-mail or other contact (sealed)': 'телефон, e-mail же башка байланыш (мөөрлөнөт)',
  'ordered measures: voice,face,pseudonym,closed-session':
    'дайындалган чаралар: voice,face,pseudonym,closed-session',
  'show a sealed identity (judges only, with a reason; audited)':
    'мөөрлөнгөн инсандыкты көрсөтүү (судьялар гана, себеби менен; аудитке жазылат)',
  'the witness id': 'күбөнүн номери',
  'your role': 'сиздин ролуңуз',
  'why the identity must be revealed (recorded)': 'инсандык эмне үчүн ачылышы керек (жазылат)',
  'people who sign in to the app (clerks, judges)':
    'тиркемеге кирүүчү адамдар (катчылар, судьялар)',
  'add an operator; passphrase from INCAMERA_OPERATOR_PASSPHRASE or asked':
    'оператор кошуу; сырсөз INCAMERA_OPERATOR_PASSPHRASE ичинен же суралат',
  'the name they sign in with': 'кирүү үчүн аты',
  'their role': 'анын ролу',
  'the tamper-evident audit log': 'бурмалоодон корголгон аудит журналы',
  'check the audit hash chain; exit 0 and "intact", or exit 1 naming the first bad entry':
    'аудиттин хеш чынжырын текшерүү; 0 коду жана «чынжыр бүтүн», же биринчи бузук жазуу менен 1 коду',
  'write a consistent copy of a records database while it is in use (still sealed)':
    'колдонулуп жаткан жазуулар базасынын шайкеш көчүрмөсүн жазуу (мөөрлөнгөн бойдон калат)',
  'the backup file to write (must not exist)': 'камдык көчүрмө файлы (мурда болбошу керек)',
  'face masking, offline': 'жүздү жашыруу, тармаксыз',
  'mask every face in an image (png, jpg) or video (mp4, webm, mkv, y4m); audio is dropped':
    'сүрөттөгү (png, jpg) же видеодогу (mp4, webm, mkv, y4m) бардык жүздөрдү жашыруу; үн сакталбайт',
  'solid, pixelate or blur': 'solid, pixelate же blur',
  'back256 or front128': 'back256 же front128',
  'image or video to mask': 'жүздөрү жашырыла турган сүрөт же видео',
  'where to write the masked copy (same kind as the input)':
    'жүздөрү жашырылган көчүрмөнү кайда жазуу (баштапкы файл менен бир түрдө)',
  'voice anonymisation tools': 'үндү таанылгыс кылуу куралдары',
  'disguise the voice in a recording with the same DSP as the live witness pipeline (WAV, FLAC, or any format ffmpeg reads; mono or stereo)':
    'жазуудагы үндү күбөнүн түз эфириндегидей эле иштетүү менен өзгөртүү (WAV, FLAC же ffmpeg окуй турган каалаган формат; моно же стерео)',
  'how strongly to disguise': 'үндү канчалык катуу өзгөртүү',
  "the hearing's secret seed: the same seed gives the same voice (default: a random one-off voice)":
    'отурумдун жашыруун уругу: бир эле уруктан бир эле үн чыгат (демейки: кокустан тандалган бир жолку үн)',
  'recording to disguise': 'үнү өзгөртүлө турган жазуу',
  'where to write the disguised recording (.wav, .flac, …)':
    'үнү өзгөртүлгөн жазууну кайда жазуу (.wav, .flac, …)',
  "a hearing's evidence: recordings, manifest of hashes, audit excerpt, minutes":
    'отурумдун далилдери: жазуулар, хештердин манифести, аудиттен үзүндү, протокол',
  'the records database file (the recordings sit beside it)':
    'жазуулар базасынын файлы (отурумдардын жазуулары анын жанында)',
  'the hearing to export': 'экспорттоло турган отурум',
  'a new folder to write the export into': 'экспорт жазыла турган жаңы папка',
  "the minutes' language: en, ru, ky": 'протоколдун тили: en, ru, ky',
  'check every file of an export against its manifest; exit 1 naming any mismatch':
    'экспорттун ар бир файлын манифести менен салыштыруу; дал келбегендерди атап, 1 коду',
  'your operator name (a judge); asked for your own passphrase':
    'оператордун атыңыз (судья); өзүңүздүн сырсөзүңүз суралат',
  'solid, pixelate, blur (the head) or silhouette (the whole person)':
    'solid, pixelate, blur (баш) же silhouette (бүт адам)',
  'one witness is expected in every frame: a frame in which no face is found is hidden whole (default for videos)':
    'ар бир кадрда күбө күтүлөт: бет табылбаган кадр толугу менен жашырылат (видео үчүн демейки)',
  'leave frames in which no face is found as they are (default for images)':
    'бет табылбаган кадрларды ошол бойдон калтыруу (сүрөттөр үчүн демейки)',
  'also look for faces on about N x N overlapping tiles of every frame, each seen larger: small faces and faces half covered by a hand (0: the whole frame only; each tile costs a detection)':
    'беттерди ар бир кадрдын болжол менен N x N бири-бирин жапкан бөлүктөрүнөн да издөө, ар бири чоңойтулуп: кичинекей беттер жана колу менен жарым-жартылай жабылган беттер (0 — кадр толугу менен гана; ар бир бөлүк бир издөөгө турат)',
  "check an export's signature, every file's hash and (with --db) its audit entry; exit 1 naming each problem":
    'экспорттун колун, ар бир файлдын хешин жана (--db менен) анын аудит жазуусун текшерүү; ар бир көйгөйдү атап, 1 коду менен чыгуу',
  'check only the hash links, without the court passphrase (weaker)':
    'хеш байланыштарын гана текшерүү, соттун сырсөзүсүз (алсызыраак)',
  'check the audit chain and its seals under the court key (INCAMERA_PASSPHRASE or asked); exit 0 and "intact", or exit 1 naming the first bad entry':
    'аудит чынжырын жана анын мөөрлөрүн соттун ачкычы менен текшерүү (INCAMERA_PASSPHRASE же суралат); 0 коду жана «чынжыр бүтүн», же биринчи бузулган жазууну атап 1 коду',
  'open a copy of a sealed closed-session file (judges only, with a reason; audited)':
    'мөөрлөнгөн жабык отурум файлынын көчүрмөсүн ачуу (судья гана, себеби менен; аудитке жазылат)',
  "the court key's fingerprint, as printed in the minutes":
    'соттун ачкычынын манжа изи, протоколдо басылгандай',
  'the records database whose court key sealed it':
    'файлды соттун ачкычы менен мөөрлөгөн жазуулар базасы',
  'the records database: its court key and its audit entry of the export':
    'жазуулар базасы: анын соттун ачкычы жана ушул экспорттун аудит жазуусу',
  'where to write the opened copy (must not exist)':
    'ачылган көчүрмөнү кайда жазуу (файл мурда болбошу керек)',
  'why the closed session must be opened (recorded)':
    'жабык отурум эмне үчүн ачылышы керек (жазылат)',
};
