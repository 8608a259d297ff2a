// The shapes of loaded content, derived from the schemas: what readContent() returns.
import type { ErrorRecord } from './error.ts';
import type { Source } from './source.ts';
import type { Equivalents } from './platforms.ts';
import type { LibuvWindows } from './libuv.ts';
import type { Message } from './message.ts';
import type { ScenarioData, GuideData } from './scenario.ts';
import type { CounterInfo } from './counter.ts';
import type { Glossary, GuideTranslationData, ScenarioTranslationData, ErrorTranslationData } from './translation.ts';

export interface Scenario extends ScenarioData {
  slug: string;
  file: string;
  body: string;
}
export interface Guide extends GuideData {
  error: string;
  file: string;
  body: string;
}
export interface Snippet {
  slug: string;
  file: string;
  source: string;
}
export interface LocatedMessage extends Message {
  file: string;
  index: number;
}
export interface Content {
  root: string;
  errors: ErrorRecord[];
  sources: Record<string, Source>;
  platforms: Record<string, Equivalents>;
  /** libuv's Windows error mapping (content/errors/libuv-windows.yaml); empty when the file is absent. */
  libuvWindows: LibuvWindows;
  messages: LocatedMessage[];
  scenarios: Scenario[];
  guides: Guide[];
  snippets: Snippet[];
  /** What each kernel counter named by a scenario counts (content/counters.yaml). */
  counters: Record<string, CounterInfo>;
  /** Translations per locale (content/<kind>/zh-cn/), keyed like their English source. */
  translations: Record<string, Translations>;
}

/** Where a translation came from, for problems and "edit this page". */
interface Located {
  file: string;
}
export interface Translations {
  /** content/i18n/glossary.<locale>.yaml; undefined when the file is absent. */
  glossary?: Glossary;
  guides: Record<string, GuideTranslationData & Located & { body: string }>;
  scenarios: Record<string, ScenarioTranslationData & Located & { body: string }>;
  errors: Record<string, ErrorTranslationData & Located>;
  counters: Record<string, { sourceHash: string; meaning: string } & Located>;
  /** Log-line notes, keyed by the line's exact text. */
  notes: Record<string, { sourceHash: string; note: string } & Located>;
}
