// Text for the typesetting tests and figures: the article's paragraphs, and a
// novel-sized text built from them deterministically (a seeded PRNG, no Math.random).

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder upwards with manuscript/article.md. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'manuscript/article.md'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('manuscript/article.md not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}
const root = findRoot();

/** The article's body paragraphs (headings and front matter left out). */
export function articleParagraphs(): string[] {
  const md = readFileSync(path.join(root, 'manuscript/article.md'), 'utf8');
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !p.startsWith('#'));
}

/** xorshift32: deterministic pseudo-random numbers in [0, 1). */
function prng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const PREFIXES = ['un', 're', 'over', 'under', 'counter', 'pre', 'mis', 'non', 'out', 'sub'];
const SUFFIXES = ['ly', 'ness', 'ment', 'ful', 'able', 'ing', 'ed', 'ist', 'ism', 'ward'];

/**
 * About `words` words of prose in paragraphs of ~130 words, from the article's sentences
 * shuffled, with 40 % of the longer lowercase words swapped for another article word and
 * 30 % of those given a prefix or suffix: a vocabulary of roughly 12,000 distinct tokens,
 * like the performance survey's novel (a repeated article would hit every cache).
 */
export function novelParagraphs(words = 167_000, seed = 20240601): string[] {
  const rnd = prng(seed);
  const sentences = articleParagraphs()
    .join(' ')
    .split(/(?<=[.!?])\s+(?=[A-Z“‘])/);
  const vocab = [...new Set(articleParagraphs().join(' ').split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w)))];
  const out: string[] = [];
  let count = 0;
  let para: string[] = [];
  let paraWords = 0;
  while (count < words) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    const varied = s
      .split(' ')
      .map((w) => {
        if (!/^[a-z]{4,}[,.;:]?$/.test(w) || rnd() >= 0.4) return w;
        const punct = /[,.;:]$/.test(w) ? w.slice(-1) : '';
        let r = vocab[Math.floor(rnd() * vocab.length)];
        if (rnd() < 0.3) r = rnd() < 0.5 ? PREFIXES[Math.floor(rnd() * PREFIXES.length)] + r : r + SUFFIXES[Math.floor(rnd() * SUFFIXES.length)];
        return r + punct;
      })
      .join(' ');
    const n = varied.split(' ').length;
    para.push(varied);
    paraWords += n;
    count += n;
    if (paraWords >= 100 + rnd() * 60) {
      out.push(para.join(' '));
      para = [];
      paraWords = 0;
    }
  }
  if (para.length) out.push(para.join(' '));
  return out;
}

/**
 * Chinese prose for the CJK tests and figures (written for this project): punctuation of
 * every kinsoku class, numbers and Latin words inside the text without spaces.
 */
export const CHINESE = [
  '排版是一门把文字变成页面的手艺。好的排版让读者忘记它的存在：行距舒展，字距均匀，每一行都恰好填满版心，标点符号从不出现在行首。中文没有词间空格，所以断行可以发生在任意两个汉字之间；但句号、逗号、顿号、右引号和右括号不能放在行首，左引号和左括号也不能留在行尾。',
  '我们用TypeScript编写了这个排版引擎，它在2024年开始支持Knuth–Plass断行算法。算法把整段文字当作一个整体来考虑，而不是一行一行地贪心填充；因此，它能在全段范围内平衡疏密，避免某一行特别松散。对于中文，“两端对齐”意味着把多余的空间平均分配到字与字之间。',
  '《排版的艺术》一书中写道：“版面的美，在于看不见的秩序。”作者认为，标点的位置、数字与汉字之间的间距（通常是四分之一个字宽）以及段落的节奏，都会影响阅读的速度和舒适程度。这些细节看似微不足道，却决定了一本书是否耐读。',
];

/** Japanese prose (written for this project): kana, small kana, iteration marks, brackets. */
export const JAPANESE = [
  '日本語の組版には「禁則処理」と呼ばれる決まりがある。句読点や閉じ括弧は行頭に置かず、始め括弧は行末に置かない。また、小さく書く「ゃ」「ゅ」「ょ」「っ」や長音記号の「ー」も、行頭に来ないようにするのが普通だ。',
  '両端揃えでは、行の長さを版面の幅にぴったり合わせる。欧文なら単語間のスペースを伸ばせばよいが、和文には単語間のスペースがない。そこで、文字と文字の間を少しずつ均等に空けて調整する。「人々」や「時々」の「々」のような踊り字も、前の字から切り離さずに組む。',
  'コンピューターで文章を組むときも、この伝統は変わらない。TeXやTypstのような組版システムは、JIS X 4051の規則に従って行を分割し、約物の詰めや和欧間の四分アキを自動的に処理している。',
];

/**
 * About `chars` characters of Chinese in paragraphs of ~250, from the sample sentences
 * shuffled, with a third of the ideographs swapped for others from a pool of 3,500
 * (the size of a novel's character set), for throughput figures.
 */
export function cjkNovelParagraphs(chars = 300_000, seed = 20240601): string[] {
  const rnd = prng(seed);
  const sentences = CHINESE.join('').split(/(?<=[。；！？])/);
  const pool: string[] = [];
  const seen = new Set<number>();
  while (pool.length < 3500) {
    const cp = 0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00));
    if (!seen.has(cp)) {
      seen.add(cp);
      pool.push(String.fromCodePoint(cp));
    }
  }
  const out: string[] = [];
  let count = 0;
  let para = '';
  while (count < chars) {
    const s = sentences[Math.floor(rnd() * sentences.length)];
    const varied = Array.from(s, (c) => (/\p{Script=Han}/u.test(c) && rnd() < 0.33 ? pool[Math.floor(rnd() * pool.length)] : c)).join('');
    para += varied;
    count += varied.length;
    if (para.length >= 200 + rnd() * 100) {
      out.push(para);
      para = '';
    }
  }
  if (para) out.push(para);
  return out;
}
