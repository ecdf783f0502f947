import type { Dictionary } from './en-US';
import { common } from './zh-CN/common';
import { organisation } from './zh-CN/organisation';
import { accounts } from './zh-CN/accounts';
import { planning } from './zh-CN/planning';
import { products } from './zh-CN/products';
import { live } from './zh-CN/live';
import { compliance } from './zh-CN/compliance';
import { content } from './zh-CN/content';
import { findings } from './zh-CN/findings';
import { sentiment } from './zh-CN/sentiment';
import { alerts } from './zh-CN/alerts';
import { channels } from './zh-CN/channels';
import { incidents } from './zh-CN/incidents';
import { analytics } from './zh-CN/analytics';
import { imports } from './zh-CN/imports';
import { suggestions } from './zh-CN/suggestions';
import { dashboards } from './zh-CN/dashboards';

/** 简体中文文案；键由 en-US 定义，每个分区文件缺一个键即编译失败。 */
export const zhCN: Dictionary = { ...common, ...organisation, ...accounts, ...planning, ...products, ...live, ...compliance, ...content, ...findings, ...sentiment, ...alerts, ...channels, ...incidents, ...analytics, ...imports, ...suggestions, ...dashboards };
