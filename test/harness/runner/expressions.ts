// Evaluates the `${{ ... }}` expressions that appear in action.yml input defaults. Only context
// lookups (`github.token`, `github.event.pull_request.number`, `runner.temp`, `env.X`) are
// supported: anything else is a harness limitation and fails loudly rather than guessing.

export type ExpressionContext = Record<string, unknown>;

export function evaluateTemplate(template: string, ctx: ExpressionContext): string {
  return template.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expr: string) => {
    if (!/^[A-Za-z_][\w-]*(\.[\w-]+|\[\d+\])*$/.test(expr))
      throw new Error(`runner harness: cannot evaluate \${{ ${expr} }} (only context lookups)`);
    const value = expr
      .split(/\.|\[|\]/)
      .filter(Boolean)
      .reduce<unknown>(
        (node, key) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
        ctx,
      );
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  });
}
