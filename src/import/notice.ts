// The text of a 重点工作 notice → draft tasks. Pure: no files, no clock.
//
// Three layouts are read:
//  - parts 一、…, points （一）…, each point with 年度目标: and 主要任务: paragraphs (the Tunxi
//    notice): each piece of work in 主要任务 becomes a task, each quantified goal in 年度目标 a
//    target of the task it fits best;
//  - numbered tasks (1. / 1、 / （1）) each followed by 牵头单位: and 责任单位: lines;
//  - numbered tasks each followed by 分管领导: (分管区领导:, 责任领导: …) and 部门分工:X牵头,Y、Z配合.
// Headings above numbered tasks become their section and point.
import { findDeadlinePhrase, parseDeadline, ymd } from '../core/dates.js';
import { UNASSIGNED, type Target, type Task } from '../core/task.js';
import { splitNames } from '../core/words.js';

export type SplitMode = 'auto' | 'sentence';

interface NoticeDraft {
  task: Omit<Task, 'id'>;
  /** the line of the notice the task comes from (1-based) */
  line: number;
  /** fields the notice does not give, filled in here (待定, a year-end deadline, not started) */
  defaults: Array<keyof Task>;
}

export interface NoticeResult {
  drafts: NoticeDraft[];
  /** the count the notice itself gives (确定141项具体工作任务), if it gives one */
  declaredCount: number | undefined;
  layout: 'points' | 'numbered' | 'none';
  sections: number;
  points: number;
  /** drafts whose lead official or units the notice does not give */
  unassigned: number;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const PART = new RegExp(`^(${CN_NUM})[、.．]\\s*(\\S.*)$`);
const POINT = new RegExp(`^[（(](${CN_NUM})[）)]\\s*(\\S.*)$`);
const GOALS = /^(?:年度目标|工作目标|目标任务)\s*[:：]\s*(.*)$/;
const WORK = /^(?:主要任务|工作任务|重点任务|主要措施)\s*[:：]\s*(.*)$/;
// Up to 9999 tasks (a notice numbered past 999 must not merge 1000. into task 999); a dot followed
// by a digit is a decimal (3.5亿元 at the start of a wrapped line), not a number's end.
const NUMBERED = /^(?:(\d{1,4})\s*(?:[.．](?!\d)|、)|[（(](\d{1,4})[）)])\s*(\S.*)$/;
const ATTRIBUTE =
  /^(牵头单位|责任单位|配合单位|协办单位|参与单位|分管领导|分管区领导|分管市领导|分管县领导|分管省领导|责任领导|牵头领导|牵头责任领导|牵头区领导|部门分工|完成时限|时间节点|完成时间)\s*[:：]\s*(.*)$/;

/** Action verbs that open a separate piece of work inside a long sentence. */
const VERBS =
  '加快|启动|推进|实施|完成|建成|开展|深化|加强|持续|推动|建立|健全|完善|落实|支持|积极|全面|大力|坚持|深入|继续|着力|提升|整合|巩固|促进|力争|实现|确保|探索|引进|打造|培育|创建|治理|改扩建|严格|认真|提高|做好|整村|全速|全力|稳妥|压实|强化|倡导|制定|编纂|筹备|扎实|依托|围绕|突出|发挥|适时|做强|创新|优化|新增|用足';
const CLAUSE_BREAK = new RegExp(`[，,](?=(?:${VERBS}))`);
const LONG_SENTENCE = 60;
const MIN_CLAUSE = 15;

/** A notice's bytes as text: UTF-8, else GB18030 (notices saved from government sites often are); undefined when neither. */
export function decodeNotice(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } | undefined {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      return undefined;
    }
  }
}

export function parseNotice(input: string, year: number, split: SplitMode = 'auto'): NoticeResult {
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/[\u3000\s]+$/g, '').replace(/^[\u3000\s]+/, ''));
  const drafts: NoticeDraft[] = [];
  let section: string | undefined;
  let point: string | undefined;
  let pointDrafts: NoticeDraft[] = [];
  let pointGoals: Target[] = [];
  let current: { draft: NoticeDraft; attrs: Map<string, string> } | undefined;
  let layout: NoticeResult['layout'] = 'none';
  let sections = 0;
  let points = 0;

  const flushPoint = () => {
    attachTargets(pointDrafts, pointGoals);
    pointDrafts = [];
    pointGoals = [];
  };
  const flushNumbered = () => {
    if (current) applyAttributes(current.draft, current.attrs, year);
    current = undefined;
  };

  lines.forEach((raw, index) => {
    const line = raw;
    const lineNo = index + 1;
    if (line === '') return;
    let m: RegExpExecArray | null;
    if ((m = PART.exec(line)) && !ATTRIBUTE.test(line)) {
      flushNumbered();
      flushPoint();
      section = normalizePunctuation(line);
      point = undefined;
      sections++;
      return;
    }
    if ((m = POINT.exec(line))) {
      flushNumbered();
      flushPoint();
      point = normalizePunctuation(`（${m[1]}）${m[2]}`);
      points++;
      return;
    }
    if ((m = GOALS.exec(line))) {
      flushNumbered();
      pointGoals.push(...parseTargets(m[1] ?? ''));
      return;
    }
    if ((m = WORK.exec(line))) {
      flushNumbered();
      layout = 'points';
      for (const piece of splitWork(m[1] ?? '', split)) {
        const draft = makeDraft(piece, section, point, year, lineNo);
        drafts.push(draft);
        pointDrafts.push(draft);
      }
      return;
    }
    if ((m = NUMBERED.exec(line))) {
      flushNumbered();
      layout = layout === 'points' ? 'points' : 'numbered';
      const draft = makeDraft(m[3] ?? '', section, point, year, lineNo);
      drafts.push(draft);
      pointDrafts.push(draft);
      current = { draft, attrs: new Map() };
      return;
    }
    if ((m = ATTRIBUTE.exec(line)) && current) {
      const key = m[1]!;
      const previous = current.attrs.get(key);
      current.attrs.set(key, previous ? `${previous}、${m[2]}` : (m[2] ?? ''));
      return;
    }
    // A line that continues a numbered task's text, before its attribute lines.
    if (current && current.attrs.size === 0 && !/^附件/.test(line)) {
      const detail = `${current.draft.task.detail ?? ''}${line}`;
      current.draft.task.detail = normalizePunctuation(detail);
      current.draft.task.title = shortTitle(current.draft.task.detail);
    }
  });
  flushNumbered();
  flushPoint();
  for (const d of drafts) if (d.task.targets) d.task.targets = uniqueNames(d.task.targets);

  const declared = /确定\s*(\d+)\s*项/.exec(input) ?? /共\s*(\d+)\s*项(?:具体|重点)?(?:工作)?任务/.exec(input);
  return {
    drafts,
    declaredCount: declared ? Number(declared[1]) : undefined,
    layout: drafts.length === 0 ? 'none' : layout,
    sections,
    points,
    unassigned: drafts.filter((d) => d.task.units[0] === UNASSIGNED || d.task.lead === UNASSIGNED).length,
  };
}

function makeDraft(text: string, section: string | undefined, point: string | undefined, year: number, line: number): NoticeDraft {
  const detail = normalizePunctuation(text.trim());
  const phrase = findDeadlinePhrase(detail, year, { inText: true });
  const task: Omit<Task, 'id'> = {
    title: shortTitle(detail),
    detail,
    ...(section ? { section } : {}),
    ...(point ? { point } : {}),
    lead: UNASSIGNED,
    units: [UNASSIGNED],
    deadline: phrase?.date ?? ymd(year, 12, 31),
    ...(phrase ? { deadline_text: phrase.text } : {}),
    status: 'not_started',
  };
  const targets = parseTargets(detail);
  if (targets.length > 0) task.targets = targets;
  return { task, line, defaults: ['lead', 'units', 'status', ...(phrase ? [] : ['deadline' as const])] };
}

/** The pieces of work in a 主要任务 paragraph: sentences, and the clauses of long sentences. */
export function splitWork(paragraph: string, mode: SplitMode): string[] {
  const sentences = paragraph
    .split(/(?<=[。；;！!])/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。；;！!]/g, '') !== '');
  if (mode === 'sentence') return sentences;
  return sentences.flatMap((sentence) => {
    const body = sentence.replace(/[。；;！!]$/, '');
    if ([...body].length <= LONG_SENTENCE) return [sentence];
    const clauses: string[] = [];
    for (const part of body.split(CLAUSE_BREAK)) {
      const last = clauses.at(-1);
      if (last !== undefined && ([...part].length < MIN_CLAUSE || [...last].length < MIN_CLAUSE)) clauses[clauses.length - 1] = `${last}，${part}`;
      else clauses.push(part);
    }
    return clauses.map((c) => `${c}。`);
  });
}

/** A short title: the first clause, or the first two when the first is very short; at most 40 characters. */
export function shortTitle(detail: string): string {
  const body = detail.replace(/[。；;！!]+$/, '');
  const clauses = body.split(/[，,；;]/);
  let title = clauses[0] ?? body;
  if ([...title].length < 8 && clauses.length > 1) title = `${title}，${clauses[1]}`;
  const chars = [...title];
  return chars.length > 40 ? `${chars.slice(0, 39).join('')}…` : title;
}

/** Half-width commas, colons and brackets between Chinese text become full-width, as in print. */
export function normalizePunctuation(text: string): string {
  return text
    .replace(/\s*,\s*/g, (m, offset: number, s: string) => (isCjkNear(s, offset, m.length) ? '，' : m))
    .replace(/\s*;\s*/g, '；')
    .replace(/(?<=[\u4e00-\u9fff”）])\s*:\s*/g, '：')
    .replace(/\(([^()]*[\u4e00-\u9fff][^()]*)\)/g, '（$1）')
    .replace(/ +(?=[\u4e00-\u9fff“（])|(?<=[\u4e00-\u9fff”）]) +/g, '');
}

function isCjkNear(s: string, offset: number, length: number): boolean {
  const before = s[offset - 1] ?? '';
  const after = s[offset + length] ?? '';
  return /[\u4e00-\u9fff“”）》]/.test(before) || /[\u4e00-\u9fff“（《]/.test(after);
}

const UNIT = '%|‰|个百分点|平方公里|万平方米|平方米|亿元|万元|元|万人|人次|人|件|家|个|项|万亩|亩|公里|千米|户|所|座|条|套|处|次|名|台|辆|栋|幢|万吨|吨|米|场|批';
// An ordinal (第999项, 第3个) counts, it is not a goal; nor is the tail of a longer number.
const QUANTITY = new RegExp(`(?<![\\d.第])(?<!第\\s+)(\\d+(?:\\.\\d+)?)(?:\\s*[—–\\-~～至到]\\s*\\d+(?:\\.\\d+)?)?\\s*余?\\s*(${UNIT})`, 'g');
const COUNTABLE = /^(家|个|项|件|所|座|条|处|名|批)$/;
const LEADING_VERB = /^(新增|引进|培育|完成|实施|创建|建成|实现|打造|新建|改造)/;
const LEADING_HOPE = /^(力争|确保|努力|全力|争取)/;
const TRAILING_VERB = /(突破|达到|达|超过|控制在|保持在|稳定在|不低于|不少于|不超过|分别为|为|在)$/;

/**
 * Quantified goals in a text: 省级科技成果登记数突破30件 → {name, target: 30, unit: 件};
 * 调查失业率控制在5%左右 → {…, direction: max}. Numbers inside quotes (“人才10条”) are names, not goals.
 */
export function parseTargets(text: string): Target[] {
  const targets: Target[] = [];
  let previousName = '';
  // the targets of the last list (实施A18个、B27个、C110个), for a later 分别为 that names one value for each
  let lastList: Target[] = [];
  for (const sentence of normalizePunctuation(text).split(/[。；;]/)) {
    lastList = [];
    for (const chunk of sentence.split(/[，,]/)) {
      const found = chunkTargets(chunk, previousName, lastList);
      if (found.length > 1) lastList = found;
      if (found.length > 0) previousName = found.at(-1)!.name;
      targets.push(...found);
    }
  }
  return uniqueNames(targets);
}

/** The quantified goals in one clause: one, or a list of them separated by 、. */
function chunkTargets(chunk: string, previousName: string, lastList: readonly Target[]): Target[] {
  const targets: Target[] = [];
  const pieces = chunk.split('、');
  const items = pieces.length > 1 && pieces.every((p) => firstQuantity(p)) ? pieces : [chunk];
  let previous = previousName;
  for (const item of items) {
    const m = firstQuantity(item);
    if (!m) continue;
    const before = item.slice(0, m.index).replace(TRAILING_VERB, '').trim();
    const after = item
      .slice(m.index + m[0].length)
      .replace(/^(以上|左右|以内|以下)/, '')
      .replace(/\d.*$/, '')
      .replace(/(和|及|与)$/, '')
      .trim();
    let name = `${before}${after}`.replace(LEADING_HOPE, '');
    if (name === '' || /^(增长|提高|下降)/.test(name)) name = `${subjectOf(previous)}${name}`;
    const verb = LEADING_VERB.exec(previous)?.[1];
    if (verb && !LEADING_VERB.test(name) && COUNTABLE.test(m[2]!)) name = `${verb}${name}`;
    if (name === '') continue;
    const direction: Target['direction'] = /控制在|以内|以下|不超过|低于/.test(item) ? 'max' : 'min';
    targets.push({ name, target: Number(m[1]), unit: m[2]!, ...(direction === 'max' ? { direction } : {}) });
    previous = name;
  }
  // 年度计划投资分别为24.3亿元、43.4亿元、101亿元 after a list of three things: one value for each
  if (/分别/.test(chunk) && targets.length > 1 && targets.length === lastList.length) {
    const what = targets[0]!.name;
    return targets.map((t, i) => ({ ...t, name: `${subjectOfItem(lastList[i]!.name)}${what}` }));
  }
  return targets;
}

/** What a listed target is about, without the verb before it: 实施省亿元以上项目 → 省亿元以上项目. */
function subjectOfItem(name: string): string {
  return name.replace(LEADING_VERB, '');
}

/** Names made unique within one task: a name given twice gets its place, （2）, （3）…. */
function uniqueNames(targets: Target[]): Target[] {
  const seen = new Map<string, number>();
  return targets.map((t) => {
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    return n === 1 ? t : { ...t, name: `${t.name}（${n}）` };
  });
}

/** The first number with a unit that is not inside “quotes”. */
function firstQuantity(text: string): RegExpExecArray | undefined {
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    const head = text.slice(0, m.index);
    const open = (head.match(/“/g) ?? []).length;
    const close = (head.match(/”/g) ?? []).length;
    if (open === close) return m;
  }
  return undefined;
}

function subjectOf(name: string): string {
  return name.replace(/(增长|提高|下降)$/, '');
}

/** Each target goes to the task of its point whose text shares the most with it (the first task on a tie). */
function attachTargets(drafts: NoticeDraft[], targets: Target[]): void {
  if (drafts.length === 0) return;
  for (const target of targets) {
    let best = drafts[0]!;
    let bestScore = 0;
    const grams = bigrams(target.name);
    for (const d of drafts) {
      const text = d.task.detail ?? d.task.title;
      let score = 0;
      for (const g of grams) if (text.includes(g)) score++;
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    best.task.targets = [...(best.task.targets ?? []), target];
  }
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** 牵头单位/责任单位/分管领导/部门分工/完成时限 lines → lead, units and deadline of a numbered task. */
function applyAttributes(draft: NoticeDraft, attrs: Map<string, string>, year: number): void {
  const leadUnits: string[] = [];
  const otherUnits: string[] = [];
  const leads: string[] = [];
  for (const [key, value] of attrs) {
    if (/领导$/.test(key)) leads.push(...splitNames(value));
    else if (key === '牵头单位') leadUnits.push(...splitNames(value));
    else if (key === '部门分工') {
      for (const part of value.split(/[,，;；。]/).map((s) => s.trim()).filter(Boolean)) {
        const lead = /^(.*?)(?:牵头(?:负责)?)$/.exec(part);
        const co = /^(.*?)(?:配合|参与|协同|协助|按职责分工负责|共同负责|负责)$/.exec(part);
        if (lead) leadUnits.push(...splitNames(lead[1] ?? ''));
        else if (co) otherUnits.push(...splitNames(co[1] ?? ''));
        else otherUnits.push(...splitNames(part));
      }
    } else if (/单位$/.test(key)) otherUnits.push(...splitNames(value));
    else {
      const deadline = parseDeadline(value, year) ?? findDeadlinePhrase(value, year);
      if (deadline) {
        draft.task.deadline = deadline.date;
        draft.task.deadline_text = value.trim();
        draft.defaults = draft.defaults.filter((f) => f !== 'deadline');
      }
    }
  }
  const units = [...new Set([...leadUnits, ...otherUnits])];
  if (units.length > 0) draft.task.units = units;
  if (leads.length > 0) draft.task.lead = leads.length === 1 ? leads[0]! : [...new Set(leads)];
  draft.defaults = draft.defaults.filter((f) => !(f === 'units' && units.length > 0) && !(f === 'lead' && leads.length > 0));
}

