/**
 * The analyser's vocabulary as data: every word the analyser knows is one entry here. Editing the lexicon (adding a
 * slang word, re-weighting a complaint, tagging an aspect) is a change to this table or to an override list given to
 * `createAnalyser`, never to code.
 */

export const ASPECTS = ['quality', 'price', 'logistics', 'service', 'host', 'product_fit'] as const;
export type Aspect = (typeof ASPECTS)[number];

/**
 * - `positive` / `negative`: an opinion word; `weight` is its strength (about 0.5 weak … 2.5 very strong).
 * - `purchase`: a purchase signal (已拍, 拍了两单): positive, and never dampened by a question.
 * - `negator`: flips the next opinion word in its clause; `weight` scales it (不太 0.6 softens, 一点都不 1.3 stresses).
 * - `degree`: multiplies the next opinion word in its clause by `weight` (太 1.8, 有点 0.5).
 * - `question`: the comment asks something (多少钱, 几号链接, ？): opinions in it count for less.
 * - `irony`: the next positive word in the clause is meant the other way round (好一个…).
 * - `contrast`: 但是, 不过: what came before counts for less than what follows.
 * - `aspect`: only names an aspect (质量, 快递, 主播); no opinion of its own.
 * - `neutral`: a phrase that would otherwise be misread (不得不说 holds 不 but negates nothing).
 */
export type EntryKind = 'positive' | 'negative' | 'purchase' | 'negator' | 'degree' | 'question' | 'irony' | 'contrast' | 'aspect' | 'neutral';

export interface LexiconEntry {
  term: string;
  kind: EntryKind;
  weight?: number;
  aspect?: Aspect;
}

type Row = [term: string, weight?: number, aspect?: Aspect];

const rows = (kind: EntryKind, list: Row[]): LexiconEntry[] =>
  list.map(([term, weight, aspect]) => ({ term, kind, ...(weight === undefined ? {} : { weight }), ...(aspect ? { aspect } : {}) }));

const POSITIVE: Row[] = [
  // general praise
  ['好看', 1.2], ['太好了', 1.8], ['真好', 1.4], ['好棒', 1.5], ['好用', 1.2, 'quality'], ['好吃', 1.2], ['好闻', 1.2], ['不错', 1.2], ['很好'], ['挺好'], ['喜欢', 1.2], ['爱了', 1.5], ['爱死', 1.8],
  ['漂亮', 1.2], ['美', 0.8], ['好美', 1.3], ['绝了', 1.5], ['惊艳', 1.5], ['满意', 1.3], ['推荐', 1.2], ['安利', 1.2], ['值得', 1.2], ['值', 1, 'price'],
  ['舒服', 1.2, 'product_fit'], ['合适', 1, 'product_fit'], ['合身', 1.2, 'product_fit'], ['显瘦', 1.2, 'product_fit'], ['显白', 1.2, 'product_fit'], ['正好', 0.8, 'product_fit'],
  ['可爱', 1.2], ['心动', 1.2], ['喜欢死了', 2], ['太爱', 1.5], ['棒', 1.3], ['很棒', 1.5], ['优秀', 1.3], ['完美', 1.6], ['超赞', 1.8], ['赞', 1.2], ['点赞', 1.2],
  ['好评', 1.5], ['五星', 1.5], ['给力', 1.3], ['靠谱', 1.3], ['放心', 1], ['信赖', 1.2], ['实惠', 1.3, 'price'], ['划算', 1.5, 'price'], ['便宜', 1, 'price'],
  ['性价比高', 1.8, 'price'], ['性价比超高', 2, 'price'], ['白菜价', 1.3, 'price'], ['捡漏', 1.3, 'price'], ['薅羊毛', 1, 'price'], ['良心', 1.5, 'price'], ['良心价', 1.6, 'price'],
  ['质量好', 1.6, 'quality'], ['质量不错', 1.6, 'quality'], ['做工好', 1.6, 'quality'], ['做工精细', 1.6, 'quality'], ['正品', 1, 'quality'], ['结实', 1.2, 'quality'], ['耐用', 1.2, 'quality'],
  ['保湿', 0.8, 'product_fit'], ['水润', 1, 'product_fit'], ['清爽', 1, 'product_fit'], ['不油', 0.8, 'product_fit'], ['不卡粉', 1, 'product_fit'], ['持妆', 1, 'quality'],
  ['发货快', 1.5, 'logistics'], ['发货很快', 1.6, 'logistics'], ['物流快', 1.5, 'logistics'], ['快递快', 1.5, 'logistics'], ['秒发', 1.5, 'logistics'], ['包装好', 1.2, 'logistics'], ['次日达', 1.2, 'logistics'],
  ['客服好', 1.5, 'service'], ['客服很耐心', 1.6, 'service'], ['耐心', 1, 'service'], ['售后好', 1.5, 'service'], ['态度好', 1.3, 'service'], ['贴心', 1.2, 'service'],
  ['主播好美', 1.5, 'host'], ['主播辛苦了', 1.3, 'host'], ['辛苦了', 1.2, 'host'], ['主播真好', 1.5, 'host'], ['讲得好', 1.3, 'host'], ['讲得清楚', 1.3, 'host'], ['专业', 1.2, 'host'], ['宠粉', 1.5, 'host'],
  ['谢谢', 0.8], ['感谢', 0.8], ['支持', 1.1], ['加油', 1], ['期待', 0.8], ['开心', 1.2], ['惊喜', 1.3], ['哈哈', 0.6], ['哈哈哈', 0.7], ['嘻嘻', 0.6],
  ['别犹豫', 1.3], ['别错过', 1.3], ['不要错过', 1.3], ['无限回购', 2.2], ['必须买', 1.5], ['必入', 1.6], ['没毛病', 1.2], ['没问题', 0.8], ['不后悔', 1.2], ['不踩雷', 1.3],
  ['种草', 1.3], ['被种草', 1.3], ['入股不亏', 1.8], ['不亏', 1.2, 'price'], ['赚了', 1.3, 'price'], ['香', 0.8], ['太香了', 1.6],
  // internet slang
  ['yyds', 2], ['绝绝子', 1.8], ['真香', 1.6], ['闭眼入', 2], ['闭眼买', 2], ['666', 1.3], ['6666', 1.4], ['66666', 1.4], ['666666', 1.5], ['牛', 1], ['牛逼', 1.5], ['nb', 1.2], ['awsl', 1.5], ['神仙', 1.3], ['宝藏', 1.5],
  ['冲', 1], ['冲冲冲', 1.5], ['冲鸭', 1.4], ['拿下', 1.3], ['狠狠爱了', 2], ['太绝了', 1.8], ['天花板', 1.5], ['无敌', 1.3], ['稳', 0.8], ['上头', 1.2], ['封神', 1.6], ['路转粉', 1.6],
  // English
  ['good', 1.2], ['great', 1.5], ['nice', 1.2], ['love', 1.5], ['loved', 1.5], ['love it', 1.8], ['amazing', 1.8], ['awesome', 1.8], ['beautiful', 1.5], ['pretty', 1.1], ['cute', 1.2],
  ['perfect', 1.8], ['excellent', 1.8], ['best', 1.3], ['recommend', 1.3], ['worth it', 1.6, 'price'], ['worth', 1, 'price'], ['cheap', 0.6, 'price'], ['good deal', 1.6, 'price'], ['great deal', 1.8, 'price'], ['bargain', 1.5, 'price'],
  ['fast shipping', 1.6, 'logistics'], ['arrived fast', 1.6, 'logistics'], ['arrived quickly', 1.6, 'logistics'], ['well made', 1.5, 'quality'], ['high quality', 1.6, 'quality'], ['good quality', 1.6, 'quality'],
  ['fits perfectly', 1.8, 'product_fit'], ['fits well', 1.6, 'product_fit'], ['comfortable', 1.3, 'product_fit'], ['helpful', 1.2, 'service'], ['thank you', 0.8], ['thanks', 0.8], ['happy', 1.2], ['wow', 1],
  ['gorgeous', 1.6], ['obsessed', 1.6], ['fire', 1.2], ['lit', 1], ['slay', 1.5], ['goat', 1.3], ['legit', 1.2, 'quality'], ['lol', 0.5], ['haha', 0.6], ['like', 0.8],
  // emoji
  ['😍', 1.6], ['🥰', 1.5], ['😘', 1.2], ['❤', 1.3], ['❤️', 1.3], ['💕', 1.2], ['💖', 1.2], ['👍', 1.3], ['👏', 1.1], ['🔥', 1.2], ['💯', 1.3], ['🎉', 1], ['😊', 1], ['😄', 1], ['😁', 1], ['🤩', 1.5],
  ['🌹', 0.8], ['🙏', 0.6], ['✨', 0.6], ['💪', 1], ['[赞]', 1.3], ['[爱心]', 1.3], ['[比心]', 1.3], ['比心', 1.2], ['[666]', 1.3], ['[玫瑰]', 0.8], ['[鼓掌]', 1],
];

const NEGATIVE: Row[] = [
  // quality
  ['不好', 1.5], ['不好看', 1.6], ['不好吃', 1.8], ['不好闻', 1.6], ['不好穿', 1.6, 'product_fit'], ['未发货', 1.6, 'logistics'], ['质量差', 2, 'quality'], ['质量不好', 2, 'quality'], ['质量太差', 2.3, 'quality'], ['差', 1.2], ['太差', 2], ['很差', 1.8], ['垃圾', 2.2], ['辣鸡', 2], ['烂', 1.5], ['假货', 2.5, 'quality'], ['假的', 1.8, 'quality'], ['三无', 2, 'quality'],
  ['做工差', 2, 'quality'], ['做工粗糙', 2, 'quality'], ['粗糙', 1.5, 'quality'], ['起球', 1.5, 'quality'], ['掉色', 1.5, 'quality'], ['褪色', 1.5, 'quality'], ['开线', 1.5, 'quality'], ['破了', 1.5, 'quality'],
  ['坏了', 1.6, 'quality'], ['用坏', 1.5, 'quality'], ['有异味', 1.6, 'quality'], ['异味', 1.3, 'quality'], ['味道大', 1.3, 'quality'], ['过敏', 1.8, 'product_fit'], ['烂脸', 2.2, 'product_fit'], ['闷痘', 1.6, 'product_fit'], ['爆痘', 1.8, 'product_fit'],
  ['卡粉', 1.3, 'product_fit'], ['脱妆', 1.3, 'quality'], ['搓泥', 1.3, 'quality'], ['劣质', 2, 'quality'], ['次品', 2, 'quality'], ['瑕疵', 1.4, 'quality'], ['漏液', 1.6, 'quality'], ['变质', 2, 'quality'], ['过期', 2, 'quality'], ['发霉', 2.2, 'quality'],
  ['缩水', 1.5, 'quality'], ['一洗就', 1, 'quality'], ['难吃', 1.8], ['难看', 1.6], ['丑', 1.5], ['难用', 1.8, 'quality'], ['不好用', 1.8, 'quality'], ['鸡肋', 1.3],
  // price
  ['贵', 1, 'price'], ['太贵', 1.8, 'price'], ['好贵', 1.6, 'price'], ['偏贵', 1.2, 'price'], ['不值', 1.6, 'price'], ['智商税', 2.2, 'price'], ['割韭菜', 2.2, 'price'], ['韭菜', 1.5, 'price'], ['坑钱', 2, 'price'],
  ['溢价', 1.3, 'price'], ['涨价', 1.3, 'price'], ['比超市贵', 1.8, 'price'], ['别家更便宜', 1.8, 'price'], ['先涨后降', 2, 'price'], ['价格虚高', 2, 'price'],
  // logistics
  ['发货慢', 2, 'logistics'], ['发货太慢', 2.2, 'logistics'], ['还没发货', 1.8, 'logistics'], ['没发货', 1.6, 'logistics'], ['不发货', 1.8, 'logistics'], ['还不发货', 2, 'logistics'], ['物流慢', 1.8, 'logistics'],
  ['快递慢', 1.8, 'logistics'], ['快递太慢', 2, 'logistics'], ['物流太慢', 2, 'logistics'], ['压件', 1.6, 'logistics'], ['丢件', 2, 'logistics'], ['破损', 1.8, 'logistics'], ['压坏', 1.8, 'logistics'], ['漏发', 1.8, 'logistics'], ['少发', 1.8, 'logistics'],
  ['发错', 1.8, 'logistics'], ['到现在还没', 1.6, 'logistics'], ['等了一周', 1.5, 'logistics'], ['一直不发', 2, 'logistics'], ['虚假发货', 2.3, 'logistics'],
  // service
  ['退款', 1.3, 'service'], ['退货', 1.2, 'service'], ['退钱', 1.8, 'service'], ['要退', 1.3, 'service'], ['客服不理', 2, 'service'], ['客服不回', 2, 'service'], ['不理人', 1.8, 'service'], ['没人理', 1.8, 'service'], ['态度差', 2, 'service'],
  ['态度很差', 2.2, 'service'], ['售后差', 2, 'service'], ['不给退', 2.2, 'service'], ['拒绝退款', 2.3, 'service'], ['投诉', 2, 'service'], ['举报', 2], ['12315', 2.2, 'service'], ['差评', 2], ['敷衍', 1.6, 'service'],
  // host and trust
  ['骗子', 2.5, 'host'], ['骗人', 2.2, 'host'], ['欺骗', 2.2, 'host'], ['忽悠', 1.8, 'host'], ['虚假宣传', 2.3, 'host'], ['套路', 1.4, 'host'], ['套路深', 1.8, 'host'], ['演的', 1.4, 'host'], ['托', 1.2, 'host'], ['水军', 1.6, 'host'],
  ['主播态度', 0.8, 'host'], ['不专业', 1.6, 'host'], ['啰嗦', 1.2, 'host'], ['磨叽', 1.2, 'host'], ['吵', 1, 'host'], ['拉黑', 1.8], ['取关', 1.8], ['黑店', 2.5], ['骗钱', 2.4],
  // product fit
  ['色差', 1.4, 'product_fit'], ['色差大', 1.8, 'product_fit'], ['偏大', 0.9, 'product_fit'], ['偏小', 0.9, 'product_fit'], ['不合适', 1.5, 'product_fit'], ['不合身', 1.5, 'product_fit'], ['显胖', 1.4, 'product_fit'], ['显黑', 1.4, 'product_fit'],
  ['尺码不准', 1.6, 'product_fit'], ['码数不准', 1.6, 'product_fit'], ['穿不上', 1.5, 'product_fit'], ['太小了', 1.4, 'product_fit'], ['太大了', 1.4, 'product_fit'], ['买家秀', 1, 'product_fit'], ['不适合', 1.2, 'product_fit'],
  // feelings and slang
  ['失望', 1.8], ['后悔', 1.8], ['恶心', 2], ['无语', 1.6], ['生气', 1.6], ['气死', 2], ['坑', 1.6], ['坑人', 2], ['被坑', 2], ['上当', 2], ['别买', 2.2], ['不要买', 2.2], ['千万别买', 2.6], ['劝退', 2], ['避雷', 2],
  ['踩雷', 2], ['踩坑', 2], ['拔草', 1.4], ['翻车', 1.8], ['呵呵', 1.6], ['呵呵哒', 1.6], ['服了', 1.4], ['醉了', 1.3], ['离谱', 1.6], ['离大谱', 1.8], ['有病', 1.8], ['凭什么', 1.4], ['什么玩意', 2], ['啥玩意', 1.8],
  ['坑爹', 2], ['辣眼睛', 1.6], ['下头', 1.6], ['一般般', 0.8], ['一般', 0.6], ['凑合', 0.5], ['不行', 1.4], ['不怎么样', 1.4], ['没用', 1.4], ['没效果', 1.7, 'quality'], ['没什么效果', 1.6, 'quality'], ['白买', 1.8], ['浪费钱', 2, 'price'],
  ['麻烦', 0.9], ['垃圾主播', 2.6, 'host'], ['骗', 1.6, 'host'], ['假', 1.2, 'quality'], ['糟糕', 1.7], ['难受', 1.4], ['心累', 1.4], ['差劲', 1.8], ['坑货', 2], ['没抢到', 0.6], ['抢不到', 0.6], ['卡了', 0.8], ['卡死', 1.2],
  // English
  ['bad', 1.5], ['terrible', 2], ['awful', 2], ['horrible', 2], ['worst', 2.2], ['hate', 1.8], ['scam', 2.5, 'host'], ['fake', 2.2, 'quality'], ['refund', 1.4, 'service'], ['return it', 1.3, 'service'],
  ['broken', 1.8, 'quality'], ['broke', 1.6, 'quality'], ['cheaply made', 2, 'quality'], ['poor quality', 2, 'quality'], ['low quality', 2, 'quality'], ['overpriced', 1.8, 'price'], ['too expensive', 1.8, 'price'], ['expensive', 1, 'price'],
  ['rip off', 2.2, 'price'], ['ripoff', 2.2, 'price'], ['waste of money', 2.2, 'price'], ['slow shipping', 1.8, 'logistics'], ['never arrived', 2.2, 'logistics'], ['still waiting', 1.6, 'logistics'], ['late', 1, 'logistics'], ['damaged', 1.8, 'logistics'],
  ['rude', 1.8, 'service'], ['no reply', 1.6, 'service'], ['ignored', 1.6, 'service'], ['disappointed', 1.8], ['disappointing', 1.8], ['useless', 1.8], ['trash', 2], ['garbage', 2], ['boring', 1.2, 'host'], ['liar', 2.2, 'host'],
  ['too small', 1.4, 'product_fit'], ['too big', 1.4, 'product_fit'], ['doesn\'t fit', 1.6, 'product_fit'], ['does not fit', 1.6, 'product_fit'], ['itchy', 1.4, 'product_fit'], ['rash', 1.6, 'product_fit'], ['meh', 0.8], ['sucks', 1.8], ['ugh', 1.2], ['wtf', 1.6], ['annoying', 1.5],
  // emoji
  ['😡', 2], ['😠', 1.8], ['🤬', 2.2], ['💩', 2], ['👎', 1.8], ['🤮', 2], ['😤', 1.5], ['😒', 1.3], ['🙄', 1.3], ['😞', 1.3], ['😢', 1.2], ['😭', 0.8], ['💔', 1.4], ['🙂', 0.8], ['🙃', 0.8], ['😅', 0.5], ['😑', 1],
  ['[呵呵]', 1.6], ['[微笑]', 0.8], ['[怒]', 1.8], ['[发怒]', 1.8], ['[吐]', 1.8], ['[鄙视]', 1.6], ['[白眼]', 1.3],
];

const PURCHASE: Row[] = [
  ['已拍', 1.6], ['已拍了', 1.6], ['拍了', 1.5], ['已下单', 1.6], ['下单了', 1.5], ['下单', 0.8], ['已付款', 1.6], ['付款了', 1.5], ['已买', 1.5], ['买了', 1.2], ['买它', 1.4], ['拍下', 1.3], ['拍一单', 1.4],
  ['入手', 1.3], ['已入', 1.5], ['抢到了', 1.6], ['抢到', 1.4], ['冲了', 1.5], ['囤', 1.2], ['囤货', 1.3], ['囤了', 1.5], ['回购', 1.8], ['再回购', 1.8], ['又回购', 1.9], ['二刷', 1.5], ['三刷', 1.6], ['再来一单', 1.6], ['加购', 1],
  ['上车', 1.3], ['已上车', 1.5], ['已抢', 1.5], ['给我妈也拍', 1.6], ['又拍了', 1.7], ['bought', 1.4], ['just bought', 1.6], ['ordered', 1.4], ['just ordered', 1.6], ['added to cart', 1.3], ['buying', 1.2], ['copped', 1.5], ['got mine', 1.4], ['purchased', 1.4],
];

const NEGATORS: Row[] = [
  ['不', 1], ['没', 1], ['没有', 1], ['别', 1], ['并不', 1], ['并没有', 1], ['不是', 1], ['未', 1], ['无', 1], ['毫无', 1.2], ['从不', 1.1], ['绝不', 1.2], ['不会', 1], ['不太', 0.6], ['不是很', 0.6], ['不怎么', 0.7], ['没那么', 0.6],
  ['一点都不', 1.3], ['一点也不', 1.3], ['根本不', 1.3], ['完全不', 1.3], ['再也不', 1.2], ['不够', 0.8],
  ['not', 1], ['no', 1], ['never', 1.1], ['don\'t', 1], ['dont', 1], ['doesn\'t', 1], ['didn\'t', 1], ['isn\'t', 1], ['wasn\'t', 1], ['aren\'t', 1], ['won\'t', 1], ['can\'t', 1], ['not very', 0.6], ['not that', 0.6], ['not really', 0.6],
];

const DEGREES: Row[] = [
  ['太', 1.8], ['非常', 1.8], ['特别', 1.7], ['超', 1.7], ['超级', 1.8], ['巨', 1.8], ['贼', 1.7], ['真的', 1.3], ['真', 1.3], ['好', 1.3], ['很', 1.4], ['挺', 1.2], ['蛮', 1.2], ['十分', 1.7], ['极其', 2], ['超级无敌', 2], ['最', 1.8], ['更', 1.2],
  ['有点', 0.5], ['有点儿', 0.5], ['有一点', 0.5], ['有些', 0.6], ['略', 0.5], ['略微', 0.5], ['稍微', 0.5], ['稍', 0.5], ['一丢丢', 0.4], ['还算', 0.7], ['还行', 0.7], ['比较', 0.8],
  ['very', 1.6], ['so', 1.5], ['really', 1.4], ['super', 1.7], ['too', 1.5], ['extremely', 2], ['totally', 1.5], ['absolutely', 1.7], ['a bit', 0.5], ['a little', 0.5], ['slightly', 0.5], ['kinda', 0.6], ['kind of', 0.6], ['pretty much', 1],
];

const QUESTIONS: Row[] = [
  ['?'], ['吗'], ['嘛'], ['呢'], ['多少钱'], ['多少'], ['几号'], ['几号链接'], ['链接'], ['什么'], ['啥'], ['怎么'], ['怎么样'], ['咋样'], ['如何'], ['有没有'], ['能不能'], ['可不可以'], ['会不会'], ['是不是'], ['要不要'],
  ['哪里'], ['哪个'], ['哪款'], ['哪'], ['几'], ['多大'], ['多高'], ['多重'], ['尺码'], ['什么时候'], ['啥时候'], ['请问'], ['求'], ['求链接'], ['还有吗'], ['有货吗'], ['蹲'], ['想问'], ['问一下'],
  ['how much'], ['what'], ['which'], ['when'], ['where'], ['how long'], ['how does'], ['how do'], ['does it'], ['is it'], ['do you'], ['can i'], ['link'], ['any discount'],
  ['好不好'], ['好不好看'], ['好不好用'], ['行不行'], ['值不值'], ['贵不贵'], ['卡不卡粉'], ['起不起球'], ['掉不掉色'], ['合不合适'], ['显不显'], ['多少号'], ['上链接'], ['发什么快递'],
];

const IRONY: Row[] = [['好一个'], ['可真是'], ['真是好'], ['这也叫'], ['还好意思'], ['真有你的'], ['谢谢你啊'], ['yeah right'], ['sure, great']];

const CONTRAST: Row[] = [['但是'], ['但'], ['不过'], ['可是'], ['就是'], ['然而'], ['只是'], ['but'], ['however'], ['though']];

const ASPECT_WORDS: Row[] = [
  ['质量', 0, 'quality'], ['品质', 0, 'quality'], ['做工', 0, 'quality'], ['面料', 0, 'quality'], ['材质', 0, 'quality'], ['效果', 0, 'quality'], ['味道', 0, 'quality'], ['quality', 0, 'quality'], ['material', 0, 'quality'],
  ['价格', 0, 'price'], ['价钱', 0, 'price'], ['价位', 0, 'price'], ['性价比', 0, 'price'], ['钱', 0, 'price'], ['优惠', 0, 'price'], ['券', 0, 'price'], ['元', 0, 'price'], ['块', 0, 'price'], ['money', 0, 'price'],
  ['发货', 0, 'logistics'], ['快递', 0, 'logistics'], ['物流', 0, 'logistics'], ['包装', 0, 'logistics'], ['到货', 0, 'logistics'], ['包邮', 0, 'logistics'], ['shipping', 0, 'logistics'], ['delivery', 0, 'logistics'], ['package', 0, 'logistics'],
  ['客服', 0, 'service'], ['售后', 0, 'service'], ['退换', 0, 'service'], ['运费险', 0, 'service'], ['customer service', 0, 'service'], ['seller', 0, 'service'],
  ['主播', 0, 'host'], ['小姐姐', 0, 'host'], ['助播', 0, 'host'], ['讲解', 0, 'host'], ['host', 0, 'host'], ['streamer', 0, 'host'],
  ['码数', 0, 'product_fit'], ['尺寸', 0, 'product_fit'], ['肤质', 0, 'product_fit'], ['干皮', 0, 'product_fit'], ['油皮', 0, 'product_fit'], ['敏感肌', 0, 'product_fit'], ['上身', 0, 'product_fit'], ['颜色', 0, 'product_fit'], ['身高', 0, 'product_fit'], ['体重', 0, 'product_fit'], ['fit', 0, 'product_fit'],
];

const NEUTRAL: Row[] = [
  ['不得不说'], ['不得不'], ['不知道'], ['不然'], ['不用'], ['不客气'], ['没想到'], ['不管'], ['不同'], ['无论'], ['好多'], ['好几'], ['好像'], ['好的'], ['好了'], ['只好'], ['正好是'], ['美元'], ['美国'],
  ['一般来说'], ['还好吗'], ['差不多'], ['差价'], ['没事'], ['没关系'], ['like this'], ['looks like'], ['no.'], ['so far'], ['假期'], ['放假'], ['请假'], ['拜托'], ['托运'], ['贵妇'], ['冲锋衣'], ['出差'], ['香水'], ['香味'], ['美妆'], ['美白'], ['值班'], ['牛奶'], ['牛肉'], ['牛仔'], ['无门槛'], ['不限'],
];

/** The shipped lexicon: about a thousand entries of live-commerce Chinese, English, slang and emoji. */
export const DEFAULT_LEXICON: readonly LexiconEntry[] = [
  ...rows('positive', POSITIVE),
  ...rows('negative', NEGATIVE),
  ...rows('purchase', PURCHASE),
  ...rows('negator', NEGATORS),
  ...rows('degree', DEGREES),
  ...rows('question', QUESTIONS),
  ...rows('irony', IRONY),
  ...rows('contrast', CONTRAST),
  ...rows('aspect', ASPECT_WORDS),
  ...rows('neutral', NEUTRAL),
];

/**
 * The default lexicon with `overrides` applied: an override replaces the entry of the same term (whatever its kind),
 * and one with `weight: 0` and kind `neutral` effectively removes a word.
 */
export function mergeLexicon(base: readonly LexiconEntry[], overrides: readonly LexiconEntry[]): LexiconEntry[] {
  const byTerm = new Map<string, LexiconEntry>();
  for (const e of base) byTerm.set(e.term.toLowerCase(), e);
  for (const e of overrides) byTerm.set(e.term.toLowerCase(), e);
  return [...byTerm.values()];
}
