/**
 * Colloquial Cantonese → standard written Chinese.
 *
 * Government FAQs are written in formal Traditional Chinese, but citizens type the way they speak
 * (點樣續牌、係咪要預約、幾多錢). Rewriting the colloquial words into their written equivalents
 * lets a query meet the FAQ text on the same words, and counting them tells language detection
 * that the citizen wrote Cantonese.
 *
 * The lexicon works on **Traditional** characters: callers convert Simplified to Traditional
 * first (opencc cn→hk), so 点样 arrives here as 點樣.
 *
 * How the rewrite works:
 * - Entries live in a trie built once at module load. The text is scanned left to right; at each
 *   position the **longest** entry starting there wins, its replacement is emitted and the scan
 *   jumps past it. So 幾多錢 beats 幾多, and 唔該 beats 唔.
 * - **Guard entries** are entries whose written form equals the colloquial form. They rewrite
 *   nothing; they exist so that a written word that happens to contain a colloquial character is
 *   consumed whole before the shorter colloquial entry can match inside it. 關係 is a guard, so
 *   the 係 in it never becomes 是. A guard may start before the colloquial character (旁邊 keeps
 *   旁邊個 from reading as 旁 + 邊個 "who"), which only works because matches are tried from the
 *   leftmost position first.
 * - A few entries are sentence-final: they end in a full-width question mark (咩？ → 嗎？). In the
 *   text that mark matches ？, an ASCII ?, or the end of the text (ignoring trailing spaces),
 *   because citizens often leave it out and normalisers strip punctuation: 唔使錢咩 ends like
 *   唔使錢咩？, so its 咩 is the question particle 嗎 and not 甚麼. The output keeps the mark the
 *   text really had; written forms of these entries end in ？ too (checked at load).
 *
 * The lexicon is deliberately conservative: a character that is also common in formal writing
 * (點、邊、定、使、食、行、講) is only rewritten inside a multi-character colloquial phrase, never on
 * its own. Every single-character entry is either absent from formal HK writing (嘅、咗、冇、喺) or
 * has guards for the formal words that contain it (係 → 關係、係數; 俾 → 俾能; 仲 → 仲裁).
 */

export interface LexiconEntry {
  readonly colloquial: string;
  readonly written: string;
}

/** Builds one frozen entry; `written` may be empty (a particle that is simply dropped). */
function entry(colloquial: string, written: string): LexiconEntry {
  return Object.freeze({ colloquial, written });
}

/** Guard entries: written words that contain a colloquial character and must stay intact. */
function guards(...words: string[]): LexiconEntry[] {
  return words.map((word) => entry(word, word));
}

// ─── Question words ────────────────────────────────────────────────────────────────────────────
// 點 alone is formal (地點、重點、點擊), so "how" is only recognised as 點樣 / 點解 or as 點 + a
// common service verb; the guards further down protect 地點申請, 重點解釋 and the like.
const QUESTION_WORDS: readonly LexiconEntry[] = [
  entry('點樣', '如何'),
  entry('點樣先', '如何才'),
  entry('點先', '如何才'),
  entry('點解', '為何'),
  entry('點去', '如何前往'),
  entry('點搞', '如何處理'),
  entry('點申請', '如何申請'),
  entry('點登記', '如何登記'),
  entry('點報名', '如何報名'),
  entry('點預約', '如何預約'),
  entry('點續', '如何續'),
  entry('點改', '如何更改'),
  entry('點查', '如何查詢'),
  entry('點交', '如何遞交'),
  entry('點用', '如何使用'),
  entry('點換', '如何更換'),
  entry('點攞', '如何領取'),
  entry('點填', '如何填寫'),
  entry('點做', '如何做'),
  entry('點處理', '如何處理'),
  entry('點算好', '怎麼辦'), // 點算 alone is formal "count" (點算選票)
  // 幾 alone is formal (幾個、幾乎), so only the colloquial compounds are listed; 幾多錢 and 幾錢 ask
  // about a fee, which FAQs phrase as 費用.
  entry('幾多錢', '多少費用'),
  entry('幾錢', '多少費用'),
  entry('使幾多錢', '需要多少費用'),
  entry('使幾錢', '需要多少費用'),
  entry('幾多', '多少'),
  entry('幾耐', '多久'),
  entry('幾時', '何時'),
  entry('幾遠', '多遠'),
  entry('幾長', '多長'),
  // 邊 alone is formal (旁邊、周邊); see the 邊 guards.
  entry('邊度', '哪裡'),
  entry('邊處', '哪裡'),
  entry('邊個', '誰'),
  entry('邊位', '哪位'),
  entry('邊間', '哪一間'),
  entry('邊區', '哪一區'),
  entry('邊一個', '哪一個'),
  entry('邊種', '哪一種'),
  entry('乜嘢', '甚麼'),
  entry('乜野', '甚麼'),
  entry('咩嘢', '甚麼'),
  entry('咩野', '甚麼'),
  entry('咩時候', '何時'),
  entry('為乜', '為何'),
  entry('做乜', '為何'),
  entry('做咩', '為何'),
];

// ─── 咩: "what" or the question particle ────────────────────────────────────────────────────
// Inside a sentence 咩 is "what" (要帶咩文件, 有咩資助). At the end it is usually the particle 嗎
// (唔使錢咩？) unless it follows a verb, where it is still "what" (要帶咩？). So the verb + 咩 forms
// are sentence-final entries (ending in ？): they start one character before 咩？ and win under
// leftmost-longest matching, yet cannot reach into 帶咩嘢 or 要咩證明 in mid-sentence.
const WHAT_OR_PARTICLE: readonly LexiconEntry[] = [
  entry('咩', '甚麼'),
  entry('咩？', '嗎？'),
  entry('帶咩？', '帶甚麼？'),
  entry('填咩？', '填甚麼？'),
  entry('交咩？', '交甚麼？'),
  entry('要咩？', '要甚麼？'),
  entry('用咩？', '用甚麼？'),
  entry('有咩？', '有甚麼？'),
  entry('冇咩？', '沒有甚麼？'),
  entry('係咩？', '是甚麼？'),
  entry('唔係咩？', '不是嗎？'),
  entry('得咩？', '可以嗎？'),
  entry('做咩嘢', '做甚麼'), // not 做咩 "why" + 嘢
  entry('做乜嘢', '做甚麼'),
];

// ─── A-not-A questions ─────────────────────────────────────────────────────────────────────────
// Cantonese asks yes/no questions as "V 唔 V"; written Chinese uses 是否 / 可否 / 會否.
// 系咪 / 系唔系 are the common mistyping of 係 (and what Simplified 系咪 converts back to).
const A_NOT_A: readonly LexiconEntry[] = [
  entry('係咪', '是否'),
  entry('係唔係', '是否'),
  entry('系咪', '是否'),
  entry('系唔系', '是否'),
  entry('得唔得', '可否'),
  entry('可唔可以', '可否'),
  entry('使唔使', '是否需要'),
  entry('洗唔洗', '是否需要'),
  entry('駛唔駛', '是否需要'),
  entry('要唔要', '是否需要'),
  entry('需唔需要', '是否需要'),
  entry('有冇', '有沒有'),
  entry('有冇得', '可否'),
  entry('識唔識', '懂不懂'),
  entry('會唔會', '會否'),
  entry('知唔知', '知不知道'),
  entry('知唔知道', '知不知道'),
  entry('啱唔啱', '對不對'),
  entry('能唔能夠', '能否'),
  entry('用唔用', '是否使用'),
  entry('用唔用得', '可否使用'),
  entry('收唔收', '是否收取'),
];

// ─── Negation ──────────────────────────────────────────────────────────────────────────────────
// 唔 → 不 and 冇 → 沒有 are safe on their own (neither occurs in formal writing); the compounds
// exist where plain substitution reads badly (唔知道 must not become 不知道道, 唔該 is "please").
const NEGATION: readonly LexiconEntry[] = [
  entry('唔', '不'),
  entry('唔該', '請'),
  entry('唔該晒', '非常感謝'),
  entry('多謝晒', '非常感謝'),
  entry('唔使', '不用'),
  entry('唔係', '不是'),
  entry('唔係好', '不太'),
  entry('唔得', '不可以'),
  entry('唔得閒', '沒有空'),
  entry('唔知', '不知道'),
  entry('唔知道', '不知道'),
  entry('唔明', '不明白'),
  entry('唔明白', '不明白'),
  entry('唔記得', '忘記'),
  entry('唔好', '不要'),
  entry('唔好意思', '不好意思'),
  entry('唔識', '不懂'),
  entry('唔緊要', '沒關係'),
  entry('唔見咗', '遺失了'),
  entry('冇', '沒有'),
  entry('冇咗', '沒有了'),
  entry('冇所謂', '無所謂'),
];

// ─── Copula and aspect ─────────────────────────────────────────────────────────────────────────
// 係 → 是 is guarded below (關係、係數、維係…). 定係 "or" is guarded against 決定係、規定係….
// 緊 alone is formal (緊急、要緊), so the progressive is only recognised after common verbs.
const COPULA_AND_ASPECT: readonly LexiconEntry[] = [
  entry('係', '是'),
  entry('定係', '還是'),
  entry('梗係', '當然是'),
  entry('淨係', '只是'),
  entry('真係', '真的'),
  entry('咗', '了'),
  entry('甩咗', '遺失了'),
  entry('做緊', '正在做'),
  entry('等緊', '正在等'),
  entry('辦緊', '正在辦理'),
  entry('處理緊', '正在處理'),
  entry('申請緊', '正在申請'),
  entry('嚟緊', '即將到來的'),
  entry('嚟緊嘅', '即將到來的'),
];

// ─── Pronouns and possession ───────────────────────────────────────────────────────────────────
// 我地 / 你地 / 佢地 are the everyday typing of 我哋…; "my address" (我地址) is a different phrase,
// so it has its own entry. Cantonese marks possession with a classifier (我張卡 = my card), but 部
// and 個 are too common in formal words (我部 = "this department", 我個人) to generalise.
const PRONOUNS: readonly LexiconEntry[] = [
  entry('佢', '他'),
  entry('佢哋', '他們'),
  entry('我哋', '我們'),
  entry('你哋', '你們'),
  entry('人哋', '別人'),
  entry('佢地', '他們'),
  entry('我地', '我們'),
  entry('你地', '你們'),
  entry('我地址', '我的地址'),
  entry('你地址', '你的地址'),
  entry('佢地址', '他的地址'),
  entry('我張', '我的'),
  entry('你張', '你的'),
  entry('佢張', '他的'),
  entry('我部手機', '我的手機'),
  entry('我部電話', '我的電話'),
  entry('我個仔', '我的兒子'),
  entry('我個女', '我的女兒'),
];

// ─── Demonstratives ────────────────────────────────────────────────────────────────────────────
// 呢 alone is also the written particle (你呢？), so "this" is only 呢 + classifier. 嗰 and 咁/噉
// are purely colloquial.
const DEMONSTRATIVES: readonly LexiconEntry[] = [
  entry('呢個', '這個'),
  entry('呢度', '這裡'),
  entry('呢啲', '這些'),
  entry('呢間', '這間'),
  entry('呢張', '這張'),
  entry('呢種', '這種'),
  entry('呢次', '這次'),
  entry('呢份', '這份'),
  entry('呢邊', '這邊'),
  entry('嗰', '那'),
  entry('嗰個', '那個'),
  entry('嗰度', '那裡'),
  entry('嗰啲', '那些'),
  entry('嗰間', '那間'),
  entry('嗰邊', '那邊'),
  entry('嗰陣', '那時'),
  entry('嗰陣時', '那時候'),
  entry('咁', '這樣'),
  entry('咁樣', '這樣'),
  entry('噉', '這樣'),
  entry('噉樣', '這樣'),
  entry('咁多', '這麼多'),
  entry('咁耐', '這麼久'),
  entry('咁貴', '這麼貴'),
  entry('咁就', '那就'),
];

// ─── Structural words ──────────────────────────────────────────────────────────────────────────
// 嘅、嘢、啲、喺 never occur in formal writing. 俾 / 畀 also appear in classical formal phrases
// (俾能、付畀), which are guarded; 俾人 is the passive "by someone" (俾人偷咗).
const STRUCTURAL: readonly LexiconEntry[] = [
  entry('嘅', '的'),
  entry('嘢', '東西'),
  entry('啲', '些'),
  entry('一啲', '一些'),
  entry('有啲', '有些'),
  entry('快啲', '快點'),
  entry('早啲', '早點'),
  entry('多啲', '多一點'),
  entry('少啲', '少一點'),
  entry('平啲', '便宜一點'),
  entry('喺', '在'),
  entry('喺度', '在這裡'),
  entry('俾', '給'),
  entry('畀', '給'),
  entry('俾錢', '付款'),
  entry('畀錢', '付款'),
  entry('俾人', '被人'),
  entry('畀人', '被人'),
  entry('同埋', '以及'),
];

// ─── Verbs ─────────────────────────────────────────────────────────────────────────────────────
// Only verbs whose character is purely colloquial stand alone (睇、搵、攞、嚟、諗、揀、嘥、啱、仲).
// Verbs shared with formal writing (食、返、搭、使、交) appear only in fixed phrases.
const VERBS: readonly LexiconEntry[] = [
  entry('睇', '看'),
  entry('睇吓', '看看'),
  entry('搵', '找'),
  entry('揾', '找'), // the variant most HK input methods produce; opencc cn→hk keeps it
  entry('搵工', '找工作'),
  entry('攞', '領取'),
  entry('攞返', '取回'),
  entry('攞籌', '取籌'),
  entry('攞表', '索取表格'),
  entry('攞牌', '領取牌照'),
  entry('補返', '補回'),
  entry('補返張', '補領'), // 補返張身份證: replace the card, the FAQs' 補領
  entry('拎', '拿'),
  entry('拎返', '取回'),
  entry('嚟', '來'),
  entry('返嚟', '回來'),
  entry('返去', '回去'),
  entry('返屋企', '回家'),
  entry('諗', '想'),
  entry('諗住', '打算'),
  entry('揀', '選擇'),
  entry('瞓覺', '睡覺'),
  entry('揸車', '駕車'),
  entry('做嘢', '工作'),
  entry('食飯', '吃飯'),
  entry('食藥', '服藥'),
  entry('搞掂', '辦妥'),
  entry('搞手續', '辦理手續'),
  entry('嘥', '浪費'),
  entry('使錢', '花錢'),
  entry('交錢', '繳費'),
  entry('碌卡', '刷卡'),
  entry('影相', '拍照'),
  entry('傾偈', '聊天'),
  entry('吓', '一下'),
  entry('等吓', '等一下'),
  entry('問吓', '問一下'),
  entry('試吓', '試一下'),
  entry('得閒', '有空'),
  entry('一齊', '一起'),
  entry('啱', '對'),
  entry('仲', '還'),
  entry('仲有', '還有'),
  entry('仲未', '還沒有'),
  // V親: hurt by doing V (整親隻腳 = injured a foot), the written V傷.
  entry('整親', '弄傷'),
  entry('跌親', '跌傷'),
  entry('撞親', '撞傷'),
  entry('燙親', '燙傷'),
  entry('爛咗', '損壞了'),
  entry('甩色', '褪色'),
  entry('甩晒色', '褪色'),
  entry('剷咗', '刪除了'),
  entry('夾埋', '合併'),
  entry('約時間', '預約時間'),
  entry('炒咗我', '解僱了我'),
  entry('俾人炒', '被解僱'),
  entry('畀人炒', '被解僱'),
];

// ─── Time ──────────────────────────────────────────────────────────────────────────────────────
// 前日 / 後日 are left out: they collide with 以前日本… and 日後日期… far more often than they help.
const TIME: readonly LexiconEntry[] = [
  entry('而家', '現在'),
  entry('依家', '現在'),
  entry('聽日', '明天'),
  entry('聽朝', '明早'),
  entry('琴日', '昨天'),
  entry('尋日', '昨天'),
  entry('琴晚', '昨晚'),
  entry('尋晚', '昨晚'),
  entry('今日', '今天'),
  entry('今朝', '今早'),
  entry('頭先', '剛才'),
  entry('啱啱', '剛剛'),
  entry('一陣間', '稍後'),
  entry('成日', '經常'),
];

// ─── People, family and work ───────────────────────────────────────────────────────────────────
// 人工 is "salary" in Cantonese but "artificial / manual / human agent" in formal text, so it
// carries the longest guard list below.
const PEOPLE_AND_WORK: readonly LexiconEntry[] = [
  entry('老細', '老闆'),
  entry('細路', '兒童'),
  entry('細路仔', '兒童'),
  entry('老人家', '長者'),
  entry('阿爺', '祖父'),
  entry('阿嫲', '祖母'),
  entry('阿媽', '母親'),
  entry('阿爸', '父親'),
  entry('老豆', '父親'),
  entry('老竇', '父親'),
  entry('屋企', '家'),
  entry('屋企人', '家人'),
  entry('兩公婆', '夫婦'),
  entry('仔女', '子女'),
  entry('男仔', '男孩'),
  entry('女仔', '女孩'),
  entry('人工', '工資'),
  entry('出糧', '發薪'),
  entry('雙糧', '年終雙薪'),
  entry('返工', '上班'),
  entry('返學', '上學'),
  entry('放工', '下班'),
  entry('收工', '下班'),
];

// ─── Everyday services ─────────────────────────────────────────────────────────────────────────
// Phrases citizens use for the services the FAQs describe, mapped to the FAQs' own terms
// (生果金 is the 高齡津貼, 劏房 the 分間單位).
const SERVICES: readonly LexiconEntry[] = [
  entry('續牌', '續領牌照'),
  entry('考牌', '考取駕駛執照'),
  entry('落雨', '下雨'),
  entry('搭車', '乘車'),
  entry('搭巴士', '乘搭巴士'),
  entry('搭地鐵', '乘搭港鐵'),
  entry('搭船', '乘船'),
  entry('搭飛機', '乘飛機'),
  entry('搭的士', '乘的士'),
  entry('着數', '優惠'),
  entry('著數', '優惠'),
  entry('銀包', '錢包'),
  entry('埋單', '結賬'),
  entry('生果金', '高齡津貼'),
  entry('劏房', '分間單位'),
  entry('差館', '警署'),
];

// ─── Sentence-final particles ──────────────────────────────────────────────────────────────────
// They carry tone, not content, so they are dropped; 咋 "only" becomes 而已 and 啩 "I guess"
// becomes 吧. 咋 is also the mainland colloquial "how" (咋辦), which Simplified text brings in, so
// those phrases are rewritten to standard 怎麼 before 咋 alone can match.
const PARTICLES: readonly LexiconEntry[] = [
  entry('呀', ''),
  entry('啊', ''),
  entry('啦', ''),
  entry('吖', ''),
  entry('喎', ''),
  entry('囉', ''),
  entry('嘞', ''),
  entry('喇', ''),
  entry('㗎', ''),
  entry('嘛', ''),
  entry('啫', ''),
  entry('咋', '而已'),
  entry('啩', '吧'),
  entry('咋辦', '怎麼辦'),
  entry('咋樣', '怎樣'),
];

// ─── Guards ────────────────────────────────────────────────────────────────────────────────────
// Written words that contain a colloquial entry. Each group names the entry it protects.
const GUARDS: readonly LexiconEntry[] = [
  // 係 → 是
  ...guards('關係', '聯係', '維係', '干係', '係數', '係屬'),
  // 邊個 / 邊度 / 邊間: a direction or side followed by a classifier (旁邊個、左邊度)
  ...guards('旁邊', '左邊', '右邊', '身邊', '周邊', '外邊', '東邊', '西邊', '南邊', '北邊'),
  ...guards('一邊', '兩邊', '海邊', '路邊'),
  // 點 + verb, 點解, 點樣: a noun ending in 點 followed by a verb (地點申請、重點解釋、幾點換).
  // Not 要點: 要點樣申請 ("how do I have to apply") is far commoner in queries than 要點 + verb.
  ...guards('地點', '重點', '特點', '景點', '站點', '起點', '終點', '觀點', '焦點'),
  ...guards('優點', '缺點', '據點', '一點', '幾點'),
  // 定係 → 還是: a verb ending in 定 followed by 係 (決定係咪、規定係)
  ...guards('一定', '肯定', '確定', '決定', '規定', '指定', '特定', '固定', '穩定', '否定'),
  ...guards('認定', '預定', '設定', '選定', '制定', '訂定'),
  // 有冇 → 有沒有: 所有冇登記的人 is 所有 + 冇
  ...guards('所有', '擁有', '具有'),
  // 人工 → 工資
  ...guards('人工智能', '人工智慧', '人工作', '人工資', '人工島', '人工湖', '人工呼吸'),
  ...guards('人工授精', '人工服務', '人工客服', '人工處理', '人工審批', '人工覆核', '轉人工'),
  // 成日 → 經常 (完成日期、落成日期)
  ...guards('成日期', '完成日'),
  // 返工 / 返學 / 返去 (重返工作、往返)
  ...guards('返工作', '返學校', '往返'),
  // 放工 → 下班 (發放工資)
  ...guards('放工作', '放工資'),
  // 而家 → 現在 (長者而家屬…)
  ...guards('而家長', '而家屬', '而家庭'),
  // 影相 → 拍照 (電影相關)
  ...guards('影相關'),
  // 申請緊 / 處理緊 / 做緊 (申請緊急援助)
  ...guards('申請緊急', '處理緊急', '做緊急'),
  // 俾 / 畀 → 給 (classical 俾能、俾使; 付畀 "entrust")
  ...guards('俾能', '俾使', '俾便', '付畀', '畀予'),
  // particles: 啦啦隊, 喇嘛, 喇叭, 囉嗦, 嘍囉, 咋舌
  ...guards('啦啦隊', '喇嘛', '喇叭', '囉嗦', '囉唆', '嘍囉', '咋舌'),
  // 仲 → 還 (仲裁、仲介、伯仲)
  ...guards('仲裁', '仲介', '伯仲'),
  // 揀 → 選擇 (挑揀)
  ...guards('挑揀'),
  ...guards('大約時間', '預約時間'),
  // 搭巴士 / 搭車 (乘搭巴士 is already written Chinese, and what 搭巴士 becomes)
  ...guards('乘搭'),
];

/**
 * Every colloquial Cantonese form the rewriter knows, with its written equivalent, grouped by
 * kind (question words, A-not-A questions, negation, …) and followed by the guard entries
 * (written === colloquial) that keep formal words intact.
 *
 * @example
 * CANTONESE_LEXICON.find((e) => e.colloquial === '點樣')?.written   // '如何'
 * CANTONESE_LEXICON.filter((e) => e.colloquial === e.written)        // the guards: 關係, 係數, …
 */
export const CANTONESE_LEXICON: readonly LexiconEntry[] = Object.freeze([
  ...QUESTION_WORDS,
  ...WHAT_OR_PARTICLE,
  ...A_NOT_A,
  ...NEGATION,
  ...COPULA_AND_ASPECT,
  ...PRONOUNS,
  ...DEMONSTRATIVES,
  ...STRUCTURAL,
  ...VERBS,
  ...TIME,
  ...PEOPLE_AND_WORK,
  ...SERVICES,
  ...PARTICLES,
  ...GUARDS,
]);

/**
 * Entries that are rewritten but are not evidence of Cantonese, because standard written Chinese
 * or Mandarin uses them too (Mandarin 啊、嘛、啦; 今日 and 幾時 in formal prose; Taiwanese 搭車;
 * mainland 咋辦). Language detection must not call a Mandarin sentence Cantonese for them.
 */
const NOT_DISTINCTIVE: ReadonlySet<string> = new Set([
  '呀', '啊', '啦', '吖', '嘛', '囉', '嘞', '咋辦', '咋樣',
  '今日', '今朝', '幾時', '成日', '老人家', '人工', '阿媽', '阿爸', '拎', '交錢', '收工',
  '搭車', '搭巴士', '搭地鐵', '搭船', '搭飛機', '搭的士', '續牌', '考牌', '劏房',
]);

// ─── Trie ──────────────────────────────────────────────────────────────────────────────────────
// Keyed by UTF-16 code unit: entries and text split the same way, so astral characters in the
// text (or in a future entry) still match exactly, and no code-point decoding is needed per step.

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  entry: LexiconEntry | undefined;
}

/**
 * Entries may end in a full-width question mark (咩？). In the text that mark also matches an
 * ASCII ?, and the end of the text (see the module comment); the output keeps whichever it was.
 */
const QUESTION_MARK = '？';

function buildTrie(entries: readonly LexiconEntry[]): TrieNode {
  const root: TrieNode = { next: new Map(), entry: undefined };
  for (const e of entries) {
    if (e.colloquial === '') throw new Error('cantonese-lexicon: empty colloquial form');
    const mark = e.colloquial.indexOf(QUESTION_MARK);
    if (mark !== -1 && (mark !== e.colloquial.length - 1 || !e.written.endsWith(QUESTION_MARK))) {
      // The output swaps the entry's ？ for the mark the text really had (?, ？ or none), which is
      // only sound when ？ is the last character of both forms.
      throw new Error(`cantonese-lexicon: ${e.colloquial} must end in ？ on both sides`);
    }
    if (e.colloquial.includes('?')) throw new Error(`cantonese-lexicon: write ${e.colloquial} with ？`);
    let node = root;
    for (const unit of e.colloquial.split('')) {
      let child = node.next.get(unit);
      if (child === undefined) {
        child = { next: new Map(), entry: undefined };
        node.next.set(unit, child);
      }
      node = child;
    }
    if (node.entry !== undefined) throw new Error(`cantonese-lexicon: duplicate entry ${e.colloquial}`);
    node.entry = e;
  }
  return root;
}

const TRIE = buildTrie(CANTONESE_LEXICON);

interface Match {
  readonly entry: LexiconEntry;
  /** Characters of the text consumed: one less than the entry when its ？ was the end of text. */
  readonly length: number;
}

/** The longest entry starting at `start`; position `end` (the trimmed end) reads as ？. */
function longestMatch(text: string, start: number, end: number): Match | undefined {
  let node: TrieNode | undefined = TRIE;
  let best: Match | undefined;
  for (let i = start; node !== undefined; i++) {
    if (i === end) {
      const marked = node.next.get(QUESTION_MARK)?.entry;
      if (marked !== undefined) best = { entry: marked, length: i - start };
    }
    if (i >= text.length) break;
    const unit = text.charAt(i);
    node = node.next.get(unit === '?' ? QUESTION_MARK : unit);
    if (node?.entry !== undefined) best = { entry: node.entry, length: i + 1 - start };
  }
  return best;
}

/** Scans leftmost-longest and reports every match (guards included). */
function scan(text: string, onMatch: (match: Match, start: number) => void): void {
  const end = text.trimEnd().length;
  let i = 0;
  while (i < text.length) {
    const match = longestMatch(text, i, end);
    if (match === undefined || match.length === 0) {
      i++;
      continue;
    }
    onMatch(match, i);
    i += match.length;
  }
}

/** The replacement for a match, with an entry-final ？ swapped for the text's own mark (or none). */
function replacement({ entry: e, length }: Match, text: string, start: number): string {
  if (!e.colloquial.endsWith(QUESTION_MARK)) return e.written;
  const markInText = text.slice(start + e.colloquial.length - 1, start + length);
  return e.written.slice(0, -QUESTION_MARK.length) + markInText;
}

/**
 * Rewrites colloquial Cantonese into standard written Chinese, longest match first. The input
 * should already be in Traditional characters. Text without colloquial words comes back
 * unchanged, and written words holding a colloquial character (關係、地點、人工智能) are kept.
 *
 * @example
 * toWrittenChinese('我想問點樣續牌')          // '我想問如何續領牌照'
 * toWrittenChinese('換身份證要幾多錢呀？')    // '換身份證要多少費用？'
 * toWrittenChinese('唔使錢咩')                // '不用錢嗎'
 * toWrittenChinese('兩者的關係')              // '兩者的關係'
 */
export function toWrittenChinese(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  scan(text, (match, start) => {
    const { colloquial, written } = match.entry;
    if (written === colloquial) return; // guard: the text is copied as it is
    parts.push(text.slice(copied, start), replacement(match, text, start));
    copied = start + match.length;
  });
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/**
 * Counts the distinct colloquial Cantonese forms in the text (each entry once, however often it
 * occurs). Guards never count, and neither do forms that Mandarin or formal writing shares (啊、
 * 嘛、今日、幾時、搭車…), so a count above zero is evidence that the text is Cantonese. Expects
 * Traditional characters, like {@link toWrittenChinese}.
 *
 * @example
 * countCantoneseMarkers('點樣登記智方便')        // 1 (點樣)
 * countCantoneseMarkers('我哋係咪要預約？唔該')  // 3 (我哋, 係咪, 唔該)
 * countCantoneseMarkers('如何登記智方便')        // 0
 * countCantoneseMarkers('沒關係啊')              // 0 (關係 is guarded, 啊 is Mandarin too)
 */
export function countCantoneseMarkers(text: string): number {
  const seen = new Set<string>();
  scan(text, ({ entry: e }) => {
    if (e.written !== e.colloquial && !NOT_DISTINCTIVE.has(e.colloquial)) seen.add(e.colloquial);
  });
  return seen.size;
}
