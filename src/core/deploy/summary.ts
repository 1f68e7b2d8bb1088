import { AUTOLINKED, breakAutolink } from '../report/markdown.js';

/** The deploy job summary (Markdown). Pure; strings from servers and users are escaped. */
export interface DeploySummaryInput {
  model: string;
  environment: string;
  version: string;
  sha256: string;
  outcome: 'success' | 'rolled-back' | 'failed';
  target: string;
  targetDetail?: string | undefined;
  url?: string | undefined;
  deploymentId?: number | undefined;
  failure?: string | undefined;
  rolledBackTo?: string | undefined;
  rollbackFailure?: string | undefined;
  inactive: number[];
  smokeChecks?: { name: string; passed: boolean; detail: string }[] | undefined;
}

/** Escapes Markdown/HTML control characters and neutralises @mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(AUTOLINKED, (m) => breakAutolink(m, '\u200b'))
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

const ICON = { success: '✅', 'rolled-back': '↩️', failed: '❌' } as const;

export function renderDeploySummary(r: DeploySummaryInput): string {
  const e = escapeMarkdown;
  const lines = [
    `### ${ICON[r.outcome]} Deploy ${e(r.model)} ${e(r.version)} to ${e(r.environment)}: ${r.outcome}`,
    '',
    '| | |',
    '| --- | --- |',
    `| version | \`${e(r.version)}\` (sha256 \`${r.sha256.slice(0, 12)}\`) |`,
    `| target | ${e(r.target)}${r.targetDetail ? `: ${e(r.targetDetail)}` : ''} |`,
  ];
  if (r.url) lines.push(`| url | ${e(r.url)} |`);
  if (r.deploymentId !== undefined) lines.push(`| deployment | ${r.deploymentId} |`);
  if (r.inactive.length) lines.push(`| superseded | ${r.inactive.join(', ')} (now inactive) |`);
  if (r.failure) lines.push(`| failure | ${e(r.failure)} |`);
  if (r.rolledBackTo) lines.push(`| rolled back to | \`${e(r.rolledBackTo)}\` |`);
  if (r.rollbackFailure) lines.push(`| rollback failed | ${e(r.rollbackFailure)} |`);
  if (r.smokeChecks?.length) {
    lines.push('', '| smoke check | result | detail |', '| --- | --- | --- |');
    for (const c of r.smokeChecks)
      lines.push(`| ${e(c.name)} | ${c.passed ? 'pass' : '**fail**'} | ${e(c.detail)} |`);
  }
  return lines.join('\n') + '\n';
}
