// The strings the browser needs (search box, copy buttons, theme switch), per locale: a small
// module of its own so that the scripts on every page do not carry the whole of ui.ts.
import type { Locale } from './locales.ts';

/** The words of search result labels (src/lib/search/engine.ts). */
export interface SearchLabels {
  scenario: string;
  windowsError: string;
  /** "Node.js on Windows, errno -4077". */
  nodeOn: (os: 'Linux' | 'Windows', errno: number) => string;
}

const en = {
  theme: { prefix: 'Theme: ', system: 'system', light: 'light', dark: 'dark' },
  copy: { button: 'Copy', copied: 'Copied', code: 'code', copyWhat: (what: string) => `Copy ${what}`, logLine: 'Copy this log line' },
  search: {
    label: 'Search errors',
    placeholder: '10054, ECONNRESET, a log line…',
    listLabel: 'Matching errors and scenarios',
    help: 'Press / to search. Arrow keys choose a result, Enter opens it, Escape closes the list.',
    all: (q: string) => `Search all pages for “${q}”`,
    results: (n: number) => `${n} result${n === 1 ? '' : 's'}`,
    none: 'No matching error; search all pages instead',
    labels: {
      scenario: 'Scenario',
      windowsError: 'Windows system error',
      nodeOn: (os, errno) => `Node.js on ${os}, errno ${errno}`,
    } as SearchLabels,
  },
};

export type ClientStrings = typeof en;

const zhCn: ClientStrings = {
  theme: { prefix: '主题：', system: '跟随系统', light: '浅色', dark: '深色' },
  copy: { button: '复制', copied: '已复制', code: '代码', copyWhat: (what) => `复制${what}`, logLine: '复制这条日志行' },
  search: {
    label: '搜索错误',
    placeholder: '10054、ECONNRESET、日志…',
    listLabel: '匹配的错误和场景',
    help: '按 / 开始搜索。方向键选择结果，Enter 打开，Escape 关闭列表。',
    all: (q) => `在全部页面中搜索“${q}”`,
    results: (n) => `${n} 个结果`,
    none: '没有匹配的错误；请改为搜索全部页面',
    labels: { scenario: '场景', windowsError: 'Windows 系统错误', nodeOn: (os, errno) => `${os} 上的 Node.js，errno ${errno}` },
  },
};

export const clientStrings: Record<Locale, ClientStrings> = { en, 'zh-cn': zhCn };
