import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildModelCard } from '../../../src/core/catalog/card.js';
import {
  escapeProse,
  hubTask,
  renderCardMarkdown,
} from '../../../src/core/catalog/card-markdown.js';
import { smallCatalog } from './data.js';

function frontMatter(md: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  expect(m, 'front matter').not.toBeNull();
  return parse(m![1]!) as Record<string, unknown>;
}

describe('modelci card: Markdown with Hugging Face metadata', () => {
  const data = smallCatalog();
  const churn = data.models[0]!;
  churn.card = {
    ...churn.card,
    license: 'apache-2.0',
    tags: ['tabular'],
    datasets: ['acme/churn-2024'],
  };
  const record = churn.versions[11]!.record!;
  const card = buildModelCard(churn, record);
  const md = renderCardMarkdown(card, { repositoryUrl: 'https://github.com/acme/models' });

  it('has the metadata block of the Hub model card spec with the record numbers in model-index', () => {
    const meta = frontMatter(md);
    expect(meta).toMatchObject({
      license: 'apache-2.0',
      library_name: 'onnx',
      tags: ['modelci', 'tabular-classification', 'tabular'],
      datasets: ['acme/churn-2024'],
      metrics: ['roc_auc', 'accuracy'],
    });
    const index = meta['model-index'] as {
      name: string;
      results: {
        task: { type: string };
        dataset: { type: string; name: string };
        metrics: { type: string; value: number; name: string }[];
      }[];
    }[];
    expect(index).toHaveLength(1);
    expect(index[0]!.name).toBe('churn');
    const result = index[0]!.results[0]!;
    // Required by the spec: task.type, dataset.type, dataset.name, metrics[].type and value.
    expect(result.task.type).toBe('tabular-classification');
    expect(result.dataset).toMatchObject({
      type: 'acme/churn-2024',
      name: 'holdout.csv',
      revision: 'e'.repeat(64),
    });
    expect(result.metrics).toEqual([
      {
        type: 'roc_auc',
        value: record.metrics!.roc_auc!.value,
        name: expect.stringContaining('95% CI'),
      },
      {
        type: 'accuracy',
        value: record.metrics!.accuracy!.value,
        name: expect.stringContaining('95% CI'),
      },
    ]);
    expect(meta.modelci).toMatchObject({
      model: 'churn',
      version: record.version,
      artifact_sha256: record.artifact.sha256,
    });
  });

  it('has the Model Card sections, with what the config says and where to say what it does not', () => {
    for (const h of [
      '## Model details',
      '## Intended use',
      '## Metrics',
      '## Evaluation data',
      '## Training data',
      '## Slices',
      '## Limitations',
      '## Ethical considerations',
      '## Caveats and recommendations',
      '## Lineage',
    ])
      expect(md).toContain(h);
    expect(md).toContain('Ranking.');
    expect(md).toContain(
      '_Not documented: add `models.churn.card.ethical_considerations` to modelci.yaml._',
    );
    expect(md).toContain(`| roc\\_auc (primary) | ${record.metrics!.roc_auc!.value} |`);
    expect(md).toContain('[#4](https://github.com/acme/models/pull/4)');
  });

  it('regression models are tabular-regression on the Hub', () => {
    expect(hubTask({ ...card, task: 'regression' }).type).toBe('tabular-regression');
    expect(
      hubTask({ ...card, task: undefined, metrics: [{ name: 'rmse', value: 1, primary: true }] })
        .type,
    ).toBe('tabular-regression');
  });

  it('escapes every string from the config and the record', () => {
    const evil = {
      ...card,
      description: '<script>alert(1)</script>\n# Fake heading\n@octocat',
      owners: ['@org/team', '<img src=x onerror=alert(1)>'],
      text: {
        intended_use: '[click](javascript:alert(1)) `code` | pipe',
        limitations: '> quote\n- list',
      },
      lineage: { ...card.lineage, run_url: 'javascript:alert(1)' },
    };
    const out = renderCardMarkdown(evil);
    const body = out.slice(out.indexOf('\n---\n', 4) + 5);
    expect(body).not.toMatch(/<script|<img|(?<!\\)\]\(javascript:/i);
    expect(body).toContain('\\[click\\](javascript:alert(1))');
    expect(body).not.toMatch(/(^|[^\w`])@[A-Za-z0-9]/m);
    expect(body).toContain('\\# Fake heading');
    expect(body).toContain('- **Workflow run:** run\n');
    // The YAML block still parses: strings are quoted by the YAML writer, not pasted.
    expect(frontMatter(out).modelci).toMatchObject({ model: 'churn' });
  });

  it('escapeProse keeps line breaks and makes block markers literal', () => {
    expect(escapeProse('a\n# b\n> c\n1. d\n- e')).toBe('a  \n\\# b  \n&gt; c  \n1\\. d  \n\\- e');
  });
});
