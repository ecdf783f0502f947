import type { NormalizedText } from './normalize';

export type PatternKind = 'phone' | 'wechat' | 'qq' | 'url' | 'price' | 'prize';
export const PATTERN_KINDS: readonly PatternKind[] = ['phone', 'wechat', 'qq', 'url', 'price', 'prize'];

/** A pattern hit as a range of normalized indices [first, last], or of original UTF-16 offsets for URLs. */
export interface PatternHit {
  readonly kind: PatternKind;
  readonly first: number;
  readonly last: number;
  /** The matched normalized text (what the pattern saw). */
  readonly seen: string;
  /** True when first/last are original UTF-16 offsets [first, last) rather than normalized indices. */
  readonly original?: true;
}

// Anchored regexes over the dense normalized stream (noise removed, numerals folded to digits,
// one UTF-16 unit per normalized character), so every match index is a normalized index.
const DENSE: ReadonlyArray<readonly [PatternKind, RegExp]> = [
  ['phone', /(?<!\d)(?:(?:86)?1[3-9]\d{9}|400\d{7}|0\d{2,3}\d{7,8})(?!\d)/g],
  ['wechat', /(?:微信|威信|薇信|徽信|v信|vx|wx|weixin|vxin|wechat|加v|加微)号?(?:是|为)?([a-z][-_a-z0-9]{5,19}|1[3-9]\d{9})(?![-_a-z0-9])/g],
  ['qq', /(?:qq|扣扣|蔻蔻|寇寇|企鹅|口口)(?:号|群)?(?:是|为)?(\d{5,11})(?!\d)/g],
  ['price', /(?:原价|原售价|市场价|专柜价|吊牌价|划线价|指导价)(?:是|为|要)?(?:\d+(?:元|块)?)?/g],
  ['prize', /(?:(?:抽|送)\d+(?:个|名|位|台|部|件|份)|百分百中奖|100%?中奖|必中|稳中|人人有奖|保证中奖|中奖率\d+)/g],
];

// URLs need their dots and slashes, so they run over the original text with only a 1:1 width and
// case fold (offsets stay identical). 。and ． are common dot evasions.
const URL_RE = /(?<![a-z0-9.@-])(?:https?:\/\/)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|cn|net|org|cc|me|io|top|xyz|vip|ly|gl|gd|im|co|tv|info|shop|club|site|online|link|fun|ink|so|to)(?![a-z0-9])(?::\d{2,5})?(?:\/[-a-z0-9._~%/?#=&+]*)?/g;
const SHORT_HOSTS = /^(?:https?:\/\/)?(?:t\.cn|dwz\.cn|url\.cn|suo\.im|bit\.ly|tinyurl\.com|is\.gd|v\.douyin\.com|m\.tb\.cn|s\.click\.taobao\.com|u\.jd\.com|e\.tb\.cn)(?:\/|$)/;

function foldForUrl(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    else if (c === 0x3002 || c === 0xff0e) c = 0x2e;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    out += String.fromCharCode(c);
  }
  return out;
}

/** Whether a URL hit is a short link (redirect services hide where the viewer is sent). */
export function isShortLink(url: string): boolean {
  return SHORT_HOSTS.test(url);
}

/** Finds pattern hits; `dense` is the text normalized with noise skipping and without look-alikes. */
export function findPatterns(original: string, dense: NormalizedText, kinds: ReadonlySet<PatternKind>): PatternHit[] {
  const hits: PatternHit[] = [];
  // Cheap gate first: every dense pattern needs a digit or one of 价/奖/中, which most comments lack.
  let digits = 0;
  let keys = 0;
  for (let i = 0; i < dense.length; i++) {
    const c = dense.codes[i]!;
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x4ef7 || c === 0x5956 || c === 0x4e2d) keys++;
  }
  let stream = '';
  if (digits > 0 || keys > 0) {
    for (let i = 0; i < dense.length; i++) {
      const c = dense.codes[i]!;
      stream += c > 0xffff ? '\ufffd' : String.fromCharCode(c);
    }
  }
  for (const [kind, re] of DENSE) {
    if (!kinds.has(kind) || stream.length === 0) continue;
    re.lastIndex = 0;
    for (let m = re.exec(stream); m; m = re.exec(stream)) {
      hits.push({ kind, first: m.index, last: m.index + m[0].length - 1, seen: m[0] });
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  if (kinds.has('url') && /[.。．]/.test(original)) {
    const folded = foldForUrl(original);
    URL_RE.lastIndex = 0;
    for (let m = URL_RE.exec(folded); m; m = URL_RE.exec(folded)) {
      const url = m[0].replace(/[.\/]+$/, '');
      hits.push({ kind: 'url', first: m.index, last: m.index + url.length, seen: url, original: true });
    }
  }
  return hits;
}
