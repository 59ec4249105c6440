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
  // Family and health
  生孩子: '分娩 出生',
  生娃: '分娩 出生',
  看病: '求诊 医疗',
  看医生: '求诊 医生',
  老人: '长者',
  老人家: '长者',
  老年人: '长者',
};

const KEYS = Object.keys(CHINESE_COLLOQUIAL);

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
  return KEYS.filter((key) => ([...key].length > 1 ? simplified.includes(key) : single.has(key))).map(
    (key) => [key, CHINESE_COLLOQUIAL[key]!.split(' ')] as const,
  );
}
