import { AUTOLINKED, breakAutolink } from '../report/markdown.js';

/** The deploy job summary (Markdown). Pure; strings from servers and users are escaped. */
export interface DeploySummaryInput {
  model: string;
  environment: string;
  version: string;
  sha256: string;
  outcome: 'success' | 'rolled-back' | 'failed' | 'planned';
  target: string;
  targetDetail?: string | undefined;
  url?: string | undefined;
  deploymentId?: number | undefined;
  failure?: string | undefined;
  rolledBackTo?: string | undefined;
  rollbackFailure?: string | undefined;
  inactive: number[];
  smokeChecks?: { name: string; passed: boolean; detail: string }[] | undefined;
  /** The progressive canary's steps and their checks. */
  rollout?:
    | {
        outcome: string;
        steps: {
          percent: number;
          passed: boolean;
          checks: { name: string; passed: boolean; detail: string }[];
        }[];
      }
    | undefined;
  /** A dry run's plan (plain text). */
  plan?: string | undefined;
  shadow?: { version: string } | { failure: string } | undefined;
}

/** Escapes Markdown/HTML control characters and neutralises @mentions. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(AUTOLINKED, (m) => breakAutolink(m, '\u200b'))
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`)
    .replace(/@(?=[A-Za-z0-9-])/g, '@\u200b')
    .replace(/\r?\n/g, ' ');
}

const ICON = { success: '✅', 'rolled-back': '↩️', failed: '❌', planned: '📝' } as const;

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
  if (r.shadow)
    lines.push(
      'version' in r.shadow
        ? `| shadow | \`${e(r.shadow.version)}\` runs beside it |`
        : `| shadow | not loaded: ${e(r.shadow.failure)} |`,
    );
  if (r.rollout?.steps.length) {
    lines.push('', '| canary step | result | checks |', '| --- | --- | --- |');
    for (const step of r.rollout.steps)
      lines.push(
        `| ${step.percent}% | ${step.passed ? 'pass' : '**fail**'} | ${step.checks.map((c) => `${c.passed ? '' : '**failed** '}${e(c.name)}: ${e(c.detail)}`).join('<br>')} |`,
      );
  }
  // The plan is our own text (versions, URL): a fenced block keeps its lines.
  if (r.plan) lines.push('', '~~~', r.plan.replace(/~~~/g, '~ ~ ~').trimEnd(), '~~~');
  if (r.smokeChecks?.length) {
    lines.push('', '| smoke check | result | detail |', '| --- | --- | --- |');
    for (const c of r.smokeChecks)
      lines.push(`| ${e(c.name)} | ${c.passed ? 'pass' : '**fail**'} | ${e(c.detail)} |`);
  }
  return lines.join('\n') + '\n';
}
