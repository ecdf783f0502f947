import { common } from './en-US/common';
import { organisation } from './en-US/organisation';
import { accounts } from './en-US/accounts';
import { planning } from './en-US/planning';
import { products } from './en-US/products';
import { live } from './en-US/live';
import { compliance } from './en-US/compliance';
import { content } from './en-US/content';
import { findings } from './en-US/findings';
import { sentiment } from './en-US/sentiment';
import { alerts } from './en-US/alerts';
import { channels } from './en-US/channels';
import { incidents } from './en-US/incidents';
import { analytics } from './en-US/analytics';
import { imports } from './en-US/imports';
import { suggestions } from './en-US/suggestions';
import { dashboards } from './en-US/dashboards';

/**
 * English texts. This dictionary defines the keys: zh-CN must provide every one of them.
 * Placeholders are written {name} and filled by t(key, { name }). One file per area under en-US/.
 */
export const enUS = { ...common, ...organisation, ...accounts, ...planning, ...products, ...live, ...compliance, ...content, ...findings, ...sentiment, ...alerts, ...channels, ...incidents, ...analytics, ...imports, ...suggestions, ...dashboards } satisfies Record<string, string>;

export type MessageKey = keyof typeof enUS;
export type Dictionary = Record<MessageKey, string>;
