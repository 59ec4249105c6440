/**
 * Words too common to tell one FAQ from another. Chinese entries are in Simplified characters
 * because Chinese tokens are compared in Simplified form (see analyse-text.ts).
 * Question words (how, what, 如何) are kept out of matching: every FAQ is a question.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing done down during each few for from further get got had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just let me more most my myself no nor not now of ' +
    'off on once only or other our ours ourselves out over own please same she should so some such than thank thanks that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we were what ' +
    'when where which while who whom why will with would you your yours yourself yourselves hi hello hey ok okay pls plz ' +
    'want wanna need know tell anyone someone something thing things really also like may might must shall us im ive ' +
    'dont doesnt cant isnt whats hows u ur gonna gotta many much lot lots bit go going get getting make way still ever'
  ).split(' '),
);

export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 是 在 我 你 您 他 她 它 我们 你们 他们 们 吗 呢 吧 啊 呀 啦 嘛 喔 哦 噢 和 与 及 或 也 都 就 又 还 ' +
    '请问 请 一下 这 那 这个 那个 这些 那些 个 些 什么 甚么 怎样 如何 怎么 怎么样 为何 为什么 哪 哪里 哪儿 哪个 ' +
    '是否 可否 能否 有没有 没有 有 不 要 想 会 能 可以 可 需要 应该 该 吗 呢 时 时候 之 其 而 但 但是 如果 ' +
    '因为 所以 自己 一个 谢谢 你好 您好 麻烦 问 问题 知道 告诉 多少 几 么 嗎 着 过 被 把 给 让 从 对 向 ' +
    '于 以 为 由 等 等等 及其 并 并且 或者 还是 已经 现在 一 上 下 中 后 前 里 内 外 ' +
    '到 得 去 来 再 才 只 很 太 最 更 跟 同 地 将 样 这样 那样 所 如 若 则 即 此 该 些'
  ).split(' '),
);

/** @example isStopWord('the') // true */
export function isStopWord(term: string): boolean {
  return ENGLISH_STOP_WORDS.has(term) || CHINESE_STOP_WORDS.has(term);
}
