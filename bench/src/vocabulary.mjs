/**
 * Bilingual building blocks of the synthetic FAQ corpora: Hong Kong public-service topics, what
 * citizens want to do with them, how they ask, and in what circumstances. Each piece comes in
 * formal English and Traditional Chinese (as a department writes its FAQ) and in a second,
 * looser wording (as a citizen types it: synonyms, Cantonese), which the query sets use, so
 * queries are paraphrases rather than copies of the indexed text.
 *
 * Templates use `{o}` (the topic), `{a}` (the action phrase) and `{q}` (the circumstance).
 */

/** Departments that answer; phone numbers and sites are for the answers' wording only. */
export const DEPARTMENTS = {
  imm: { en: 'Immigration Department', zh: '入境事務處', phone: '2824 6111' },
  td: { en: 'Transport Department', zh: '運輸署', phone: '2804 2600' },
  ha: { en: 'Housing Authority', zh: '房屋委員會', phone: '2712 2712' },
  swd: { en: 'Social Welfare Department', zh: '社會福利署', phone: '2343 2255' },
  ird: { en: 'Inland Revenue Department', zh: '稅務局', phone: '187 8088' },
  rvd: { en: 'Rating and Valuation Department', zh: '差餉物業估價署', phone: '2152 0111' },
  wsd: { en: 'Water Supplies Department', zh: '水務署', phone: '2824 5000' },
  lcsd: { en: 'Leisure and Cultural Services Department', zh: '康樂及文化事務署', phone: '2414 5555' },
  fehd: { en: 'Food and Environmental Hygiene Department', zh: '食物環境衞生署', phone: '2868 0000' },
  ld: { en: 'Labour Department', zh: '勞工處', phone: '2717 1771' },
  cr: { en: 'Companies Registry', zh: '公司註冊處', phone: '2234 9933' },
  hosp: { en: 'Hospital Authority', zh: '醫院管理局', phone: '2300 6555' },
  dh: { en: 'Department of Health', zh: '衞生署', phone: '2961 8989' },
  wfsfaa: { en: 'Working Family and Student Financial Assistance Agency', zh: '在職家庭及學生資助事務處', phone: '2802 2345' },
  had: { en: 'Home Affairs Department', zh: '民政事務總署', phone: '2835 2500' },
  reo: { en: 'Registration and Electoral Office', zh: '選舉事務處', phone: '2891 1001' },
  dpo: { en: 'Digital Policy Office', zh: '數字政策辦公室', phone: '182 123' },
  lad: { en: 'Legal Aid Department', zh: '法律援助署', phone: '2537 7677' },
  jud: { en: 'Judiciary', zh: '司法機構', phone: '2869 0869' },
  ipd: { en: 'Intellectual Property Department', zh: '知識產權署', phone: '2961 6901' },
  bd: { en: 'Buildings Department', zh: '屋宇署', phone: '2626 1616' },
  hyd: { en: 'Highways Department', zh: '路政署', phone: '2926 4111' },
  cc: { en: 'Consumer Council', zh: '消費者委員會', phone: '2929 2222' },
  md: { en: 'Marine Department', zh: '海事處', phone: '2542 3711' },
  epd: { en: 'Environmental Protection Department', zh: '環境保護署', phone: '2838 3111' },
  edb: { en: 'Education Bureau', zh: '教育局', phone: '2891 0088' },
  mpfa: { en: 'Mandatory Provident Fund Schemes Authority', zh: '強制性公積金計劃管理局', phone: '2918 0102' },
  afcd: { en: 'Agriculture, Fisheries and Conservation Department', zh: '漁農自然護理署', phone: '2708 8885' },
  erb: { en: 'Employees Retraining Board', zh: '僱員再培訓局', phone: '182 182' },
  police: { en: 'Hong Kong Police Force', zh: '香港警務處', phone: '2527 7177' },
};

/**
 * Topics. `type` decides which actions make sense; `en`/`zh` are the formal names, `enAlt`/`zhAlt`
 * what people call them (abbreviations, Cantonese, slang such as 牛肉乾 for a parking ticket).
 */
export const TOPICS = [
  // Documents and licences
  { type: 'doc', dept: 'imm', category: 'Travel documents', en: 'an HKSAR passport', enAlt: 'a HK passport', zh: '香港特區護照', zhAlt: '護照' },
  { type: 'doc', dept: 'imm', category: 'Identity cards', en: 'a Hong Kong identity card', enAlt: 'an HKID', zh: '香港身份證', zhAlt: '身份證' },
  { type: 'doc', dept: 'td', category: 'Licences', en: 'a full driving licence', enAlt: 'a driver licence', zh: '正式駕駛執照', zhAlt: '車牌' },
  { type: 'doc', dept: 'td', category: 'Licences', en: 'a vehicle licence', enAlt: 'a car licence', zh: '車輛牌照', zhAlt: '行車證' },
  { type: 'doc', dept: 'td', category: 'Licences', en: 'a learner driving licence', enAlt: 'a learner permit', zh: '學習駕駛執照', zhAlt: '學車牌' },
  { type: 'doc', dept: 'ird', category: 'Business', en: 'a business registration certificate', enAlt: 'a BR certificate', zh: '商業登記證', zhAlt: '商業登記' },
  { type: 'doc', dept: 'fehd', category: 'Licences', en: 'a liquor licence', enAlt: 'an alcohol licence', zh: '酒牌', zhAlt: '賣酒牌照' },
  { type: 'doc', dept: 'fehd', category: 'Licences', en: 'a restaurant licence', enAlt: 'a food business licence', zh: '食肆牌照', zhAlt: '餐廳牌' },
  { type: 'doc', dept: 'fehd', category: 'Licences', en: 'a hawker licence', enAlt: 'a street stall permit', zh: '小販牌照', zhAlt: '小販牌' },
  { type: 'doc', dept: 'lcsd', category: 'Libraries', en: 'a library card', enAlt: 'a borrowing card', zh: '圖書證', zhAlt: '借書證' },
  { type: 'doc', dept: 'swd', category: 'Elderly services', en: 'a Senior Citizen Card', enAlt: 'an elderly card', zh: '長者咭', zhAlt: '老人咭' },
  { type: 'doc', dept: 'police', category: 'Certificates', en: 'a certificate of no criminal conviction', enAlt: 'a police clearance certificate', zh: '無犯罪紀錄證明書', zhAlt: '良民證' },
  { type: 'doc', dept: 'imm', category: 'Certificates', en: 'a birth certificate', enAlt: 'a birth cert', zh: '出生證明書', zhAlt: '出世紙' },
  { type: 'doc', dept: 'imm', category: 'Certificates', en: 'a marriage certificate', enAlt: 'a marriage cert', zh: '結婚證書', zhAlt: '婚書' },
  { type: 'doc', dept: 'imm', category: 'Travel documents', en: 'a re-entry permit', enAlt: 'a return permit', zh: '回港證', zhAlt: '回鄉證' },
  { type: 'doc', dept: 'imm', category: 'Visas', en: 'a visit visa', enAlt: 'a tourist visa', zh: '訪港簽證', zhAlt: '旅遊簽證' },
  { type: 'doc', dept: 'imm', category: 'Visas', en: 'an employment visa', enAlt: 'a work visa', zh: '就業簽證', zhAlt: '工作簽證' },
  { type: 'doc', dept: 'imm', category: 'Visas', en: 'a student visa', enAlt: 'a study visa', zh: '學生簽證', zhAlt: '讀書簽證' },
  { type: 'doc', dept: 'imm', category: 'Visas', en: 'a dependant visa', enAlt: 'a family visa', zh: '受養人簽證', zhAlt: '家屬簽證' },
  { type: 'doc', dept: 'imm', category: 'Visas', en: 'a foreign domestic helper visa', enAlt: 'a helper visa', zh: '外籍家庭傭工簽證', zhAlt: '外傭簽證' },
  { type: 'doc', dept: 'md', category: 'Licences', en: 'a pleasure vessel licence', enAlt: 'a boat licence', zh: '遊樂船隻牌照', zhAlt: '船牌' },
  { type: 'doc', dept: 'afcd', category: 'Licences', en: 'a dog licence', enAlt: 'a pet dog licence', zh: '狗隻牌照', zhAlt: '狗牌' },
  { type: 'doc', dept: 'bd', category: 'Buildings', en: 'an occupation permit', enAlt: 'a building permit', zh: '佔用許可證', zhAlt: '入伙紙' },
  { type: 'doc', dept: 'ld', category: 'Employment', en: 'an employment agency licence', enAlt: 'an agency permit', zh: '職業介紹所牌照', zhAlt: '職業介紹所牌' },
  // Schemes and benefits
  { type: 'scheme', dept: 'ha', category: 'Housing', en: 'public rental housing', enAlt: 'PRH', zh: '公共租住房屋', zhAlt: '公屋' },
  { type: 'scheme', dept: 'ha', category: 'Housing', en: 'a Home Ownership Scheme flat', enAlt: 'a HOS flat', zh: '居者有其屋計劃單位', zhAlt: '居屋' },
  { type: 'scheme', dept: 'dh', category: 'Elderly services', en: 'elderly health care vouchers', enAlt: 'health vouchers', zh: '長者醫療券', zhAlt: '醫療券' },
  { type: 'scheme', dept: 'swd', category: 'Social security', en: 'the Old Age Allowance', enAlt: 'the OAA', zh: '高齡津貼', zhAlt: '生果金' },
  { type: 'scheme', dept: 'swd', category: 'Social security', en: 'the Old Age Living Allowance', enAlt: 'the OALA', zh: '長者生活津貼', zhAlt: '長生津' },
  { type: 'scheme', dept: 'swd', category: 'Social security', en: 'the Disability Allowance', enAlt: 'the disability payment', zh: '傷殘津貼', zhAlt: '傷津' },
  { type: 'scheme', dept: 'swd', category: 'Social security', en: 'Comprehensive Social Security Assistance', enAlt: 'CSSA', zh: '綜合社會保障援助', zhAlt: '綜援' },
  { type: 'scheme', dept: 'wfsfaa', category: 'Education', en: 'the student travel subsidy', enAlt: 'the student fare subsidy', zh: '學生車船津貼', zhAlt: '車船津貼' },
  { type: 'scheme', dept: 'wfsfaa', category: 'Education', en: 'the School Textbook Assistance Scheme', enAlt: 'textbook assistance', zh: '學校書簿津貼計劃', zhAlt: '書簿津貼' },
  { type: 'scheme', dept: 'wfsfaa', category: 'Education', en: 'a tertiary student loan', enAlt: 'a university loan', zh: '專上學生資助貸款', zhAlt: '學生貸款' },
  { type: 'scheme', dept: 'wfsfaa', category: 'Education', en: 'the Continuing Education Fund', enAlt: 'the CEF', zh: '持續進修基金', zhAlt: '持續進修基金資助' },
  { type: 'scheme', dept: 'wfsfaa', category: 'Social security', en: 'the Working Family Allowance', enAlt: 'the WFA', zh: '在職家庭津貼', zhAlt: '職津' },
  { type: 'scheme', dept: 'ld', category: 'Transport', en: 'the public transport fare subsidy', enAlt: 'the transport subsidy', zh: '公共交通費用補貼', zhAlt: '交通補貼' },
  { type: 'scheme', dept: 'lad', category: 'Legal', en: 'legal aid', enAlt: 'free legal help', zh: '法律援助', zhAlt: '法援' },
  { type: 'scheme', dept: 'erb', category: 'Employment', en: 'an Employees Retraining Board course', enAlt: 'a retraining course', zh: '僱員再培訓局課程', zhAlt: '再培訓課程' },
  { type: 'scheme', dept: 'imm', category: 'Visas', en: 'the Quality Migrant Admission Scheme', enAlt: 'the talent scheme', zh: '優秀人才入境計劃', zhAlt: '優才計劃' },
  { type: 'scheme', dept: 'imm', category: 'Visas', en: 'the Working Holiday Scheme', enAlt: 'a working holiday', zh: '工作假期計劃', zhAlt: '工作假期' },
  { type: 'scheme', dept: 'swd', category: 'Elderly services', en: 'a Community Care Service Voucher', enAlt: 'a community care voucher', zh: '社區照顧服務券', zhAlt: '社區券' },
  { type: 'scheme', dept: 'edb', category: 'Education', en: 'a Primary One school place', enAlt: 'a P1 place', zh: '小一學位', zhAlt: '小一派位' },
  { type: 'scheme', dept: 'edb', category: 'Education', en: 'the Kindergarten Education Scheme', enAlt: 'the kindergarten voucher', zh: '幼稚園教育計劃', zhAlt: '幼稚園學券' },
  { type: 'scheme', dept: 'swd', category: 'Social security', en: 'the Short-term Food Assistance Service', enAlt: 'food aid', zh: '短期食物援助服務', zhAlt: '食物銀行' },
  // Payments
  { type: 'payment', dept: 'ird', category: 'Tax', en: 'salaries tax', enAlt: 'income tax', zh: '薪俸稅', zhAlt: '人工稅' },
  { type: 'payment', dept: 'ird', category: 'Tax', en: 'profits tax', enAlt: 'company tax', zh: '利得稅', zhAlt: '公司稅' },
  { type: 'payment', dept: 'ird', category: 'Tax', en: 'property tax', enAlt: 'rental income tax', zh: '物業稅', zhAlt: '收租稅' },
  { type: 'payment', dept: 'rvd', category: 'Rates', en: 'rates', enAlt: 'property rates', zh: '差餉', zhAlt: '差餉費' },
  { type: 'payment', dept: 'rvd', category: 'Rates', en: 'government rent', enAlt: 'ground rent', zh: '地租', zhAlt: '政府地租' },
  { type: 'payment', dept: 'wsd', category: 'Water', en: 'a water bill', enAlt: 'water charges', zh: '水費單', zhAlt: '水費' },
  { type: 'payment', dept: 'wsd', category: 'Water', en: 'the sewage charge', enAlt: 'the drainage fee', zh: '排污費', zhAlt: '污水費' },
  { type: 'payment', dept: 'police', category: 'Fines', en: 'a fixed penalty parking ticket', enAlt: 'a parking fine', zh: '違例泊車定額罰款', zhAlt: '牛肉乾' },
  { type: 'payment', dept: 'jud', category: 'Fines', en: 'a court fine', enAlt: 'a fine from court', zh: '法院罰款', zhAlt: '罰款' },
  { type: 'payment', dept: 'hosp', category: 'Health', en: 'public hospital charges', enAlt: 'hospital fees', zh: '公立醫院收費', zhAlt: '醫院費' },
  { type: 'payment', dept: 'mpfa', category: 'MPF', en: 'MPF contributions', enAlt: 'pension contributions', zh: '強積金供款', zhAlt: '強積金' },
  { type: 'payment', dept: 'ird', category: 'Tax', en: 'stamp duty', enAlt: 'property stamp duty', zh: '印花稅', zhAlt: '釐印費' },
  { type: 'payment', dept: 'td', category: 'Transport', en: 'tunnel tolls', enAlt: 'toll charges', zh: '隧道費', zhAlt: '隧道收費' },
  // Registrations and accounts
  { type: 'registration', dept: 'reo', category: 'Elections', en: 'voter registration', enAlt: 'registering as a voter', zh: '選民登記', zhAlt: '登記做選民' },
  { type: 'registration', dept: 'imm', category: 'Births and deaths', en: 'birth registration', enAlt: 'registering a birth', zh: '出生登記', zhAlt: '報出世紙' },
  { type: 'registration', dept: 'imm', category: 'Marriage', en: 'marriage registration', enAlt: 'getting married at a registry', zh: '婚姻登記', zhAlt: '註冊結婚' },
  { type: 'registration', dept: 'imm', category: 'Births and deaths', en: 'death registration', enAlt: 'registering a death', zh: '死亡登記', zhAlt: '報死亡' },
  { type: 'registration', dept: 'cr', category: 'Business', en: 'company incorporation', enAlt: 'setting up a company', zh: '公司註冊', zhAlt: '開公司' },
  { type: 'registration', dept: 'ipd', category: 'Business', en: 'trade mark registration', enAlt: 'a trademark', zh: '商標註冊', zhAlt: '註冊商標' },
  { type: 'registration', dept: 'dpo', category: 'Digital services', en: 'an iAM Smart account', enAlt: 'iAM Smart', zh: '「智方便」帳戶', zhAlt: '智方便' },
  { type: 'registration', dept: 'ird', category: 'Digital services', en: 'an eTAX account', enAlt: 'online tax account', zh: '「稅務易」帳戶', zhAlt: '稅務易' },
  { type: 'registration', dept: 'dh', category: 'Health', en: 'organ donation registration', enAlt: 'becoming an organ donor', zh: '器官捐贈登記', zhAlt: '捐器官' },
  { type: 'registration', dept: 'dh', category: 'Health', en: 'an eHealth account', enAlt: 'eHealth', zh: '醫健通帳戶', zhAlt: '醫健通' },
  { type: 'registration', dept: 'mpfa', category: 'MPF', en: 'an MPF personal account', enAlt: 'my pension account', zh: '強積金個人帳戶', zhAlt: '強積金戶口' },
  { type: 'registration', dept: 'ld', category: 'Employment', en: 'job seeker registration', enAlt: 'signing up to find work', zh: '求職登記', zhAlt: '搵工登記' },
  { type: 'registration', dept: 'bd', category: 'Buildings', en: 'a minor works submission', enAlt: 'small renovation works', zh: '小型工程呈報', zhAlt: '小型工程' },
  { type: 'registration', dept: 'epd', category: 'Environment', en: 'a waste disposal account', enAlt: 'a dumping account', zh: '廢物處置帳戶', zhAlt: '倒垃圾帳戶' },
  // Facilities and appointments
  { type: 'facility', dept: 'dh', category: 'Health', en: 'a vaccination appointment', enAlt: 'a jab', zh: '疫苗接種預約', zhAlt: '打針' },
  { type: 'facility', dept: 'lcsd', category: 'Leisure', en: 'a sports centre court', enAlt: 'a badminton court', zh: '體育館場地', zhAlt: '羽毛球場' },
  { type: 'facility', dept: 'lcsd', category: 'Leisure', en: 'a barbecue site', enAlt: 'a BBQ pit', zh: '燒烤場', zhAlt: '燒烤爐' },
  { type: 'facility', dept: 'afcd', category: 'Leisure', en: 'a country park campsite', enAlt: 'a camping spot', zh: '郊野公園營地', zhAlt: '營地' },
  { type: 'facility', dept: 'lcsd', category: 'Libraries', en: 'a library activity room', enAlt: 'a study room', zh: '圖書館活動室', zhAlt: '自修室' },
  { type: 'facility', dept: 'lcsd', category: 'Leisure', en: 'a tennis court', enAlt: 'a public tennis court', zh: '網球場', zhAlt: '網球場地' },
  { type: 'facility', dept: 'hosp', category: 'Health', en: 'a general outpatient clinic appointment', enAlt: 'a GP appointment', zh: '普通科門診預約', zhAlt: '街症' },
  { type: 'facility', dept: 'imm', category: 'Marriage', en: 'a marriage ceremony slot', enAlt: 'a wedding slot', zh: '婚禮儀式時段', zhAlt: '註冊時段' },
  { type: 'facility', dept: 'fehd', category: 'Environment', en: 'bulky waste collection', enAlt: 'old furniture pickup', zh: '大型垃圾收集', zhAlt: '棄置大型傢俬' },
  { type: 'facility', dept: 'lcsd', category: 'Leisure', en: 'a public swimming pool session', enAlt: 'a swim session', zh: '公眾泳池時段', zhAlt: '游水' },
  // Complaints and reports
  { type: 'complaint', dept: 'epd', category: 'Complaints', en: 'a noise complaint', enAlt: 'a complaint about noisy neighbours', zh: '噪音投訴', zhAlt: '嘈音投訴' },
  { type: 'complaint', dept: 'police', category: 'Complaints', en: 'an illegal parking report', enAlt: 'a complaint about parked cars', zh: '違例泊車舉報', zhAlt: '亂泊車投訴' },
  { type: 'complaint', dept: 'fehd', category: 'Buildings', en: 'a water seepage complaint', enAlt: 'a ceiling leak complaint', zh: '滲水投訴', zhAlt: '漏水投訴' },
  { type: 'complaint', dept: 'fehd', category: 'Complaints', en: 'a hygiene complaint', enAlt: 'a complaint about rubbish', zh: '環境衞生投訴', zhAlt: '垃圾投訴' },
  { type: 'complaint', dept: 'hyd', category: 'Complaints', en: 'a street light fault report', enAlt: 'a broken lamp post report', zh: '街燈故障報告', zhAlt: '街燈壞咗' },
  { type: 'complaint', dept: 'had', category: 'Complaints', en: 'a tree risk report', enAlt: 'a report of a dangerous tree', zh: '樹木風險舉報', zhAlt: '塌樹舉報' },
  { type: 'complaint', dept: 'cc', category: 'Complaints', en: 'a consumer complaint', enAlt: 'a complaint about a shop', zh: '消費者投訴', zhAlt: '投訴商舖' },
  { type: 'complaint', dept: 'ld', category: 'Employment', en: 'a labour dispute claim', enAlt: 'a wage claim', zh: '勞資糾紛申索', zhAlt: '追欠薪' },
  { type: 'complaint', dept: 'ld', category: 'Employment', en: "an employees' compensation claim", enAlt: 'a work injury claim', zh: '僱員補償申索', zhAlt: '工傷賠償' },
];

/** What people do with each type of topic: formal (`en`, `zh`) and loose (`enAlt`, `zhAlt`) wording. */
export const ACTIONS = {
  doc: [
    { en: 'apply for {o}', enAlt: 'get {o}', zh: '申請{o}', zhAlt: '攞{o}' },
    { en: 'renew {o}', enAlt: 'extend {o}', zh: '續領{o}', zhAlt: '續{o}' },
    { en: 'replace {o}', enAlt: 'get a new {o}', zh: '補領{o}', zhAlt: '補返{o}' },
    { en: 'cancel {o}', enAlt: 'terminate {o}', zh: '註銷{o}', zhAlt: '取消{o}' },
    { en: 'check the application status of {o}', enAlt: 'track my application for {o}', zh: '查詢{o}的申請進度', zhAlt: '查{o}申請進度' },
    { en: 'change the particulars on {o}', enAlt: 'correct the details of {o}', zh: '更改{o}上的資料', zhAlt: '改{o}資料' },
    { en: 'collect {o}', enAlt: 'pick up {o}', zh: '領取{o}', zhAlt: '取返{o}' },
    { en: 'get a certified copy of {o}', enAlt: 'obtain a duplicate of {o}', zh: '索取{o}的核證副本', zhAlt: '攞{o}副本' },
  ],
  scheme: [
    { en: 'apply for {o}', enAlt: 'sign up for {o}', zh: '申請{o}', zhAlt: '申請{o}' },
    { en: 'check the application status of {o}', enAlt: 'track my application for {o}', zh: '查詢{o}的申請進度', zhAlt: '查{o}申請進度' },
    { en: 'withdraw an application for {o}', enAlt: 'cancel my application for {o}', zh: '撤回{o}申請', zhAlt: '唔再申請{o}' },
    { en: 'appeal a decision on {o}', enAlt: 'challenge the result for {o}', zh: '就{o}的決定提出上訴', zhAlt: '上訴{o}決定' },
    { en: 'report a change of circumstances for {o}', enAlt: 'tell them my situation changed for {o}', zh: '申報{o}的情況轉變', zhAlt: '報{o}有變' },
    { en: 'reapply for {o}', enAlt: 'apply again for {o}', zh: '重新申請{o}', zhAlt: '再申請{o}' },
    { en: 'receive payments under {o}', enAlt: 'get money from {o}', zh: '收取{o}款項', zhAlt: '收{o}錢' },
  ],
  payment: [
    { en: 'pay {o}', enAlt: 'settle {o}', zh: '繳交{o}', zhAlt: '交{o}' },
    { en: 'get a refund of {o}', enAlt: 'claim back {o}', zh: '申請退還{o}', zhAlt: '退{o}' },
    { en: 'pay {o} by instalments', enAlt: 'split {o} into instalments', zh: '分期繳交{o}', zhAlt: '分期交{o}' },
    { en: 'set up direct debit for {o}', enAlt: 'pay {o} by autopay', zh: '以自動轉賬繳交{o}', zhAlt: '自動轉賬交{o}' },
    { en: 'object to {o}', enAlt: 'dispute {o}', zh: '就{o}提出反對', zhAlt: '反對{o}' },
    { en: 'deal with overdue {o}', enAlt: 'pay {o} late', zh: '處理逾期未繳的{o}', zhAlt: '遲交{o}' },
    { en: 'get a receipt for {o}', enAlt: 'obtain proof of payment of {o}', zh: '索取{o}收據', zhAlt: '攞{o}收據' },
    { en: 'check the amount of {o}', enAlt: 'find out how much {o} I owe', zh: '查詢{o}金額', zhAlt: '查{o}要交幾多' },
  ],
  registration: [
    { en: 'complete {o}', enAlt: 'sign up for {o}', zh: '辦理{o}', zhAlt: '登記{o}' },
    { en: 'update my details for {o}', enAlt: 'change my information in {o}', zh: '更新{o}的資料', zhAlt: '改{o}資料' },
    { en: 'cancel {o}', enAlt: 'deregister {o}', zh: '取消{o}', zhAlt: '唔要{o}' },
    { en: 'check the status of {o}', enAlt: 'see how {o} is going', zh: '查詢{o}的進度', zhAlt: '查{o}進度' },
    { en: 'confirm {o} is complete', enAlt: 'verify {o} went through', zh: '確認{o}已完成', zhAlt: '確認{o}搞掂未' },
    { en: 'get a record of {o}', enAlt: 'obtain proof of {o}', zh: '索取{o}紀錄', zhAlt: '攞{o}紀錄' },
  ],
  facility: [
    { en: 'book {o}', enAlt: 'reserve {o}', zh: '預訂{o}', zhAlt: '訂{o}' },
    { en: 'cancel a booking for {o}', enAlt: 'cancel my reservation of {o}', zh: '取消{o}預訂', zhAlt: '取消訂{o}' },
    { en: 'change a booking for {o}', enAlt: 'reschedule {o}', zh: '更改{o}預訂', zhAlt: '改期{o}' },
    { en: 'check the availability of {o}', enAlt: 'see if {o} is free', zh: '查詢{o}的空置情況', zhAlt: '睇下{o}有冇位' },
    { en: 'pay for {o}', enAlt: 'settle the fee for {o}', zh: '繳付{o}費用', zhAlt: '俾{o}錢' },
    { en: 'get a refund for {o}', enAlt: 'claim back the fee for {o}', zh: '申請{o}退款', zhAlt: '退{o}錢' },
  ],
  complaint: [
    { en: 'lodge {o}', enAlt: 'file {o}', zh: '提出{o}', zhAlt: '報{o}' },
    { en: 'follow up on {o}', enAlt: 'chase {o}', zh: '跟進{o}', zhAlt: '跟{o}' },
    { en: 'withdraw {o}', enAlt: 'drop {o}', zh: '撤回{o}', zhAlt: '撤銷{o}' },
    { en: 'escalate {o}', enAlt: 'take {o} further', zh: '將{o}轉介上級處理', zhAlt: '再上報{o}' },
    { en: 'check the progress of {o}', enAlt: 'track {o}', zh: '查詢{o}的處理進度', zhAlt: '查{o}進度' },
    { en: 'make {o} anonymously', enAlt: 'submit {o} without giving my name', zh: '匿名提出{o}', zhAlt: '匿名報{o}' },
  ],
};

/**
 * How a question is asked. `lead` is the answer's first sentence for that kind of question; the
 * rest of the answer comes from ANSWER_EXTRAS.
 */
export const INTENTS = [
  {
    key: 'how',
    en: 'How do I {a}{q}?', enAlt: 'what is the way to {a}{q}',
    zh: '{q}如何{a}？', zhAlt: '{q}點樣{a}？',
    lead: { en: 'To {a}, submit form {form} to the {dept} {channel}.', zh: '如要{a}，請{channelZh}向{deptZh}遞交表格{form}。' },
  },
  {
    key: 'cost',
    en: 'How much does it cost to {a}{q}?', enAlt: 'what is the fee to {a}{q}',
    zh: '{q}{a}需要多少費用？', zhAlt: '{q}{a}要幾多錢？',
    lead: { en: 'The fee to {a} is HK${fee}, payable when you submit the application.', zh: '{a}的費用為港幣{fee}元，須於遞交申請時繳付。' },
  },
  {
    key: 'time',
    en: 'How long does it take to {a}{q}?', enAlt: 'how many days to {a}{q}',
    zh: '{q}{a}需時多久？', zhAlt: '{q}{a}要幾耐？',
    lead: { en: 'It normally takes {days} working days to {a} once all documents are received.', zh: '收齊所需文件後，{a}一般需時{days}個工作天。' },
  },
  {
    key: 'documents',
    en: 'What documents do I need to {a}{q}?', enAlt: 'which papers are required to {a}{q}',
    zh: '{q}{a}需要提交甚麼文件？', zhAlt: '{q}{a}要帶咩文件？',
    lead: { en: 'To {a} you need your identity document, {docA} and {docB}.', zh: '{a}須提交身份證明文件、{docAZh}及{docBZh}。' },
  },
  {
    key: 'eligibility',
    en: 'Who is eligible to {a}{q}?', enAlt: 'am I allowed to {a}{q}',
    zh: '{q}甚麼人符合資格{a}？', zhAlt: '{q}邊個可以{a}？',
    lead: { en: 'Hong Kong residents aged {age} or above may {a}.', zh: '年滿{age}歲的香港居民可{a}。' },
  },
  {
    key: 'online',
    en: 'Can I {a} online{q}?', enAlt: 'is it possible to {a} on the internet{q}',
    zh: '{q}可否在網上{a}？', zhAlt: '{q}網上可唔可以{a}？',
    lead: { en: 'Yes. You can {a} online through {portal}, 24 hours a day.', zh: '可以。你可透過{portalZh}在網上{a}，服務全日24小時提供。' },
  },
  {
    key: 'where',
    en: 'Where can I {a}{q}?', enAlt: 'which office handles requests to {a}{q}',
    zh: '{q}可以在哪裏{a}？', zhAlt: '{q}去邊度{a}？',
    lead: { en: 'You can {a} at any {office} from Monday to Friday.', zh: '你可於星期一至五到任何{officeZh}{a}。' },
  },
  {
    key: 'deadline',
    en: 'What is the deadline to {a}{q}?', enAlt: 'when is the last day to {a}{q}',
    zh: '{q}{a}的限期是何時？', zhAlt: '{q}最遲幾時要{a}？',
    lead: { en: 'Please {a} at least {weeks} weeks before the due date.', zh: '請最遲於到期日前{weeks}星期{a}。' },
  },
  {
    key: 'behalf',
    en: 'Can someone else {a} on my behalf{q}?', enAlt: 'may a relative {a} for me{q}',
    zh: '{q}可否由他人代為{a}？', zhAlt: '{q}可唔可以搵人幫我{a}？',
    lead: { en: 'An authorised representative may {a} for you with a signed letter of authorisation.', zh: '獲授權代表可憑你簽署的授權書代你{a}。' },
  },
  {
    key: 'hours',
    en: 'What are the service hours to {a}{q}?', enAlt: 'what time can I {a}{q}',
    zh: '{q}{a}的服務時間是甚麼？', zhAlt: '{q}幾點可以{a}？',
    lead: { en: 'You can {a} between {open} am and {close} pm on weekdays, except public holidays.', zh: '你可於平日上午{open}時至下午{close}時{a}，公眾假期除外。' },
  },
];

/** Circumstances: English appends, Chinese prefixes a clause. The first one is "none". */
export const QUALIFIERS = [
  { en: '', enAlt: '', zh: '', zhAlt: '' },
  { en: ' for my child', enAlt: ' for my kid', zh: '為子女辦理時，', zhAlt: '幫仔女搞，' },
  { en: ' while I am overseas', enAlt: ' from abroad', zh: '身處海外時，', zhAlt: '人喺外國，' },
  { en: ' for an elderly parent', enAlt: ' for my old mother', zh: '為年長父母辦理時，', zhAlt: '幫屋企老人家搞，' },
  { en: ' if the original was lost', enAlt: ' after losing the original', zh: '如正本遺失，', zhAlt: '唔見咗正本，' },
  { en: ' as a new arrival', enAlt: ' having just moved to Hong Kong', zh: '作為新來港人士，', zhAlt: '啱啱嚟香港，' },
  { en: ' for my company', enAlt: ' for my business', zh: '以公司名義辦理時，', zhAlt: '用公司名義，' },
  { en: ' if I have a disability', enAlt: ' as a disabled person', zh: '如有殘疾，', zhAlt: '有傷殘嘅話，' },
  { en: ' during a typhoon signal', enAlt: ' when typhoon signal 8 is up', zh: '懸掛颱風信號期間，', zhAlt: '打風嗰陣，' },
  { en: ' on a public holiday', enAlt: ' on a holiday', zh: '在公眾假期，', zhAlt: '公眾假期，' },
  { en: ' urgently', enAlt: ' in a hurry', zh: '如情況緊急，', zhAlt: '好急嘅話，' },
  { en: ' without an identity card', enAlt: ' with no ID', zh: '沒有身份證時，', zhAlt: '冇身份證，' },
  { en: ' as a full-time student', enAlt: ' as a student', zh: '作為全日制學生，', zhAlt: '全日制學生，' },
  { en: ' on a low income', enAlt: ' with little income', zh: '如屬低收入人士，', zhAlt: '低收入嘅話，' },
  { en: ' for the first time', enAlt: ' the first time', zh: '首次辦理時，', zhAlt: '第一次，' },
  { en: ' after changing my name', enAlt: ' after a name change', zh: '更改姓名後，', zhAlt: '改咗名之後，' },
  { en: ' after moving home', enAlt: ' after I moved house', zh: '搬遷後，', zhAlt: '搬咗屋之後，' },
  { en: ' after being rejected', enAlt: ' after a refusal', zh: '被拒後，', zhAlt: '俾人拒絕咗之後，' },
  { en: ' as a visitor', enAlt: ' as a tourist', zh: '以訪客身份，', zhAlt: '遊客，' },
  { en: ' for my domestic helper', enAlt: ' for my maid', zh: '為家傭辦理時，', zhAlt: '幫工人姐姐搞，' },
  { en: ' while pregnant', enAlt: ' during pregnancy', zh: '懷孕期間，', zhAlt: '有咗BB，' },
  { en: ' while unemployed', enAlt: ' without a job', zh: '失業期間，', zhAlt: '冇工做，' },
  { en: ' after retiring', enAlt: ' once retired', zh: '退休後，', zhAlt: '退咗休，' },
  { en: ' by post', enAlt: ' by mail', zh: '以郵寄方式，', zhAlt: '寄信，' },
  { en: ' in person', enAlt: ' face to face', zh: '親身辦理時，', zhAlt: '親身去，' },
  { en: ' by phone', enAlt: ' over the phone', zh: '經電話辦理時，', zhAlt: '打電話，' },
  { en: ' with iAM Smart', enAlt: ' using the iAM Smart app', zh: '使用「智方便」時，', zhAlt: '用智方便，' },
  { en: ' from the Mainland', enAlt: ' while in mainland China', zh: '身處內地時，', zhAlt: '喺大陸，' },
  { en: ' after it has expired', enAlt: ' once it expired', zh: '過期後，', zhAlt: '過咗期，' },
  { en: ' on behalf of a deceased relative', enAlt: ' for a relative who passed away', zh: '為已故親屬辦理時，', zhAlt: '屋企人過咗身，' },
];

export const CHANNELS = [
  { en: 'online', zh: '在網上' },
  { en: 'by post', zh: '以郵寄方式' },
  { en: 'in person', zh: '親身' },
  { en: 'through a drop-in box', zh: '經投遞箱' },
];

export const DOCUMENTS = [
  { en: 'proof of address', zh: '住址證明' },
  { en: 'a recent photograph', zh: '近照' },
  { en: 'proof of income', zh: '入息證明' },
  { en: 'the completed application form', zh: '已填妥的申請表' },
  { en: 'a letter of authorisation', zh: '授權書' },
  { en: 'a recent bank statement', zh: '最近的銀行月結單' },
  { en: 'the tenancy agreement', zh: '租約' },
  { en: 'the employment contract', zh: '僱傭合約' },
  { en: 'a medical certificate', zh: '醫生證明書' },
  { en: 'the previous receipt', zh: '上次的收據' },
];

export const OFFICES = [
  { en: 'District Office', zh: '民政事務處' },
  { en: 'Registration of Persons Office', zh: '人事登記辦事處' },
  { en: 'Licensing Office', zh: '牌照事務處' },
  { en: 'post office', zh: '郵政局' },
  { en: 'Home Affairs Enquiry Centre', zh: '民政諮詢中心' },
  { en: 'regional office', zh: '分區辦事處' },
  { en: 'Social Security Field Unit', zh: '社會保障辦事處' },
];

export const PORTALS = [
  { en: 'GovHK', zh: '香港政府一站通' },
  { en: 'the iAM Smart app', zh: '「智方便」應用程式' },
  { en: "the department's e-Services portal", zh: '部門電子服務平台' },
  { en: 'the department mobile app', zh: '部門流動應用程式' },
];

/** Further answer sentences, picked at random so answers differ in length and detail. */
export const ANSWER_EXTRAS = [
  { en: 'For enquiries, call the {dept} hotline on {phone}.', zh: '如有查詢，請致電{deptZh}熱線{phone}。' },
  { en: 'Please keep the acknowledgement slip for future reference.', zh: '請保留確認通知書以供日後參考。' },
  { en: 'A late surcharge of HK${surcharge} may apply.', zh: '逾期辦理或須繳付附加費港幣{surcharge}元。' },
  { en: 'Anyone who knowingly gives false information may be prosecuted.', zh: '任何人明知而提供虛假資料，可被檢控。' },
  { en: 'You will receive an SMS notification when the result is ready.', zh: '結果備妥後，你會收到短訊通知。' },
  { en: 'Forms can be downloaded from the {dept} website or collected at any {office}.', zh: '表格可於{deptZh}網站下載，或到任何{officeZh}索取。' },
  { en: 'Applications received after {closeTime} pm are processed on the next working day.', zh: '下午{closeTime}時後收到的申請會於下一個工作天處理。' },
  { en: 'Payment can be made by cheque, FPS, PPS or at any convenience store.', zh: '可以支票、轉數快、繳費靈或於便利店繳費。' },
  { en: 'Service counters are closed when typhoon signal No. 8 or a black rainstorm warning is in force.', zh: '八號或以上颱風信號或黑色暴雨警告生效期間，服務櫃位暫停開放。' },
  { en: 'Reference number {ref} should be quoted in all correspondence.', zh: '所有通訊均須註明參考編號{ref}。' },
  { en: 'Copies of documents must be certified by the issuing authority.', zh: '文件副本須經簽發機構核證。' },
  { en: 'Appointments can be made up to {weeks} weeks in advance.', zh: '可於最多{weeks}星期前預約。' },
];
