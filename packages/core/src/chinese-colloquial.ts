/**
 * Mainland and colloquial Mandarin words → the words Hong Kong government FAQs use for the same
 * thing: a mainland visitor asks about 医保 and 公租房, an FAQ says 醫療 and 公屋; 身份证不见了
 * means it was 遺失. (Cantonese is rewritten earlier, by the lexicon in cantonese-lexicon.ts; this
 * table is for words that are already standard written Chinese, only not Hong Kong's.) Keys and
 * values are Simplified, as jieba segments them; values are one or more words, space-separated.
 * General language only — nothing here names a department's content.
 */
export const CHINESE_COLLOQUIAL: Readonly<Record<string, string>> = {
  // Lost and found
  不见: '遗失',
  丢: '遗失',
  丢失: '遗失',
  弄丢: '遗失',
  搞丢: '遗失',
  掉了: '遗失',
  // Money, work and welfare (mainland terms)
  刷: '使用 付款',
  工钱: '工资',
  薪水: '工资 薪金',
  老板: '雇主',
  打工: '工作 雇员',
  开除: '解雇',
  炒鱿鱼: '解雇',
  辞退: '解雇',
  裁员: '裁员 遣散',
  医保: '医疗 保险',
  社保: '社会保障',
  低保: '综援 援助',
  退休金: '退休 强积金',
  养老金: '退休 强积金',
  公积金: '强积金',
  工伤: '受伤 补偿',
  外佣: '外籍家庭佣工 外佣',
  菲佣: '外籍家庭佣工 外佣',
  印佣: '外籍家庭佣工 外佣',
  保姆: '家庭佣工',
  加班: '超时 工作 加班',
  法定假期: '法定假日',
  节假日: '假日',
  剩: '余额 剩余',
  剩下: '余额 剩余',
  还剩: '余额 剩余',
  // Housing
  公租房: '公屋 公共租住房屋',
  廉租房: '公屋 公共租住房屋',
  房租: '租金',
  交租: '租金',
  // Documents and procedures
  户口: '户籍',
  身份证号: '身份证',
  过期: '到期 期限',
  办理: '申请',
  办: '申请',
  网上办: '网上 申请',
  填表: '填写 表格',
  外国: '海外 境外',
  国外: '海外 境外',
  // Truth and consequences
  大话: '虚假 虚报',
  撒谎: '虚假 虚报',
  说谎: '虚假 虚报',
  瞒报: '虚报',
  骗: '欺诈 虚报',
  坐牢: '监禁 刑事',
  // Online services and devices (mainland IT vocabulary)
  登录: '登入',
  注册: '登记',
  账号: '帐户 户口',
  帐号: '帐户 户口',
  账户: '帐户 户口',
  手机号: '手机 号码',
  软件: '应用程式 程式',
  应用: '应用程式',
  短信: '短讯 讯息',
  邮箱: '电邮 电子邮件',
  电子邮件: '电邮',
  邮件: '电邮 邮寄',
  视频: '影片',
  信息: '资讯 讯息 资料',
  打印: '列印',
  激活: '启动 启用',
  在线: '网上',
  线上: '网上',
  服务器: '伺服器',
  默认: '预设',
  扫码: '扫描 二维码',
  官网: '网站',
  // Procedures and documents
  材料: '文件 证明文件',
  复印件: '副本 影印本',
  原件: '正本',
  签字: '签署 签名',
  盖章: '盖印',
  流程: '程序 手续',
  审批: '批核 审批',
  窗口: '柜位',
  排队: '轮候',
  咨询: '查询',
  客服: '查询 热线',
  举报: '举报 投诉',
  补办: '补领',
  换证: '换领',
  续签: '续期',
  办证: '申请 证件',
  驾驶证: '驾驶执照',
  行驶证: '车辆牌照 行车证',
  港澳通行证: '通行证 往来港澳通行证',
  绿卡: '永久居留',
  落户: '居留',
  纪录: '记录',
  部份: '部分',
  身分证: '身份证',
  身分: '身份',
  // Money, tax and benefits
  报销: '发还 报销',
  补贴: '津贴 资助',
  补助: '津贴 资助',
  个税: '薪俸税',
  个人所得税: '薪俸税',
  交税: '缴税 税款',
  缴费: '缴费 付款',
  退钱: '退款',
  罚单: '告票 罚款',
  // Work (mainland terms)
  劳动合同: '雇佣合约',
  合同: '合约',
  劳动仲裁: '劳资审裁处 仲裁',
  劳动局: '劳工处',
  工资条: '粮单 工资',
  欠薪: '拖欠 工资',
  加班费: '超时 补薪',
  赔偿: '补偿 赔偿',
  单位: '雇主 机构 单位',
  // Housing (mainland terms)
  租房: '租住 租金',
  房东: '业主',
  房子: '房屋 单位 物业',
  买房: '置业 购买 物业',
  房产: '物业',
  物业费: '管理费',
  小区: '屋苑',
  经适房: '居屋',
  保障房: '资助 房屋',
  排号: '轮候',
  摇号: '抽签',
  // Transport (mainland terms)
  公交: '巴士 公共交通',
  公交车: '巴士',
  地铁: '港铁 铁路',
  出租车: '的士',
  打车: '的士',
  违章: '违例',
  年检: '验车',
  过户: '转名',
  // Family and health
  老婆: '妻子 配偶',
  老公: '丈夫 配偶',
  孩子: '子女 儿童',
  小孩: '子女 儿童',
  爸妈: '父母',
  爷爷: '祖父',
  奶奶: '祖母',
  外婆: '外祖母',
  姥姥: '外祖母',
  体检: '身体检查',
  挂号: '登记 预约',
  门诊: '诊所 门诊',
  生孩子: '分娩 出生',
  生娃: '分娩 出生',
  看病: '求诊 医疗',
  看医生: '求诊 医生',
  老人: '长者',
  老人家: '长者',
  老年人: '长者',
};

// Longest first: a key inside a longer one that matched (租房 in 公租房) is part of that word.
const KEYS = Object.keys(CHINESE_COLLOQUIAL).sort((a, b) => [...b].length - [...a].length);

/**
 * The mainland or colloquial words in a text with their Hong Kong written words. A word of two
 * or more characters is found anywhere in the text, since jieba often splits it (公租房 → 公 +
 * 租房); a single character (刷, 丢) only when jieba keeps it a word of its own, or 印刷 would be
 * about paying by card.
 *
 * @example hongKongWordsIn('医保怎么报销', ['医保', '报销']) // [['医保', ['医疗', '保险']]]
 */
export function hongKongWordsIn(simplified: string, words: readonly string[]): Array<readonly [string, readonly string[]]> {
  const single = new Set(words);
  // Text the matched keys cover, blanked so a shorter key inside one of them no longer matches.
  let rest = simplified;
  const found: Array<readonly [string, readonly string[]]> = [];
  for (const key of KEYS) {
    if ([...key].length > 1 ? !rest.includes(key) : !single.has(key)) continue;
    if ([...key].length > 1) rest = rest.replaceAll(key, ' ');
    found.push([key, CHINESE_COLLOQUIAL[key]!.split(' ')]);
  }
  return found;
}
