// The files generated from the option specs (src/spec/commands/): each command's action.yml and
// docs/cli.md. test/unit/spec/generated.test.ts checks they are current; UPDATE_SPECS=1 rewrites
// them (land.sh does that before it builds).
import { format } from 'prettier';
import { stringify } from 'yaml';
import { actionYmlOf } from '../src/spec/action-yml.js';
import { CLI_ONLY_COMMANDS, commandSpecs } from '../src/spec/commands/index.js';
import { renderHelp } from '../src/spec/help.js';

export interface GeneratedFile {
  path: string;
  content: string;
}

/** Commands whose action takes a token (they call the GitHub API). */
const TOKEN = new Set([
  'comment',
  'evaluate',
  'register',
  'promote',
  'rollback',
  'deprecate',
  'deploy',
  'drift',
  'compare-live',
]);

export async function generatedSpecFiles(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const spec of commandSpecs) {
    if (!spec.action) continue;
    const yml = actionYmlOf(spec, { token: TOKEN.has(spec.name) });
    const text = [
      '# Generated from src/spec/commands/ by scripts/specs.ts: do not edit.',
      '# UPDATE_SPECS=1 npx vitest run test/unit/spec/generated.test.ts rewrites it.',
      stringify(yml, { lineWidth: 0 }),
    ].join('\n');
    files.push({
      path: `actions/${spec.action.folder}/action.yml`,
      content: await format(text, { parser: 'yaml', singleQuote: true, printWidth: 100 }),
    });
  }
  const doc = [
    '# modelci command reference',
    '',
    'Generated from the option specs (`src/spec/commands/`) by `scripts/specs.ts`: the same text as',
    '`modelci <command> --help`. Every option of a command with an action is also an input of that',
    'action, with the same name (see the README for the action tables).',
    '',
    ...commandSpecs.flatMap((spec) => [
      `## \`modelci ${spec.name}\``,
      '',
      spec.action
        ? `Action: \`modelci/modelci/actions/${spec.action.folder}\`.`
        : `No action of its own (${CLI_ONLY_COMMANDS[spec.name] ?? 'CLI only'}).`,
      '',
      '```text',
      renderHelp(spec),
      '```',
      '',
    ]),
  ].join('\n');
  files.push({ path: 'docs/cli.md', content: doc });
  return files;
}
