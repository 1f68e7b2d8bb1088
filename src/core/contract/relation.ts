/**
 * A row-wise comparison between two columns, or a column and a number: `start <= end`,
 * `discount < price`, `age >= 0`. Names with spaces or operators go in backticks: `` `end date` ``.
 */
export type RelationOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export interface RelationExpr {
  left: string;
  op: RelationOp;
  /** A column name, or a number. */
  right: string | number;
}

const OPERAND = String.raw`(\`[^\`]+\`|[^\s<>=!\`]+)`;
const RELATION = new RegExp(String.raw`^\s*${OPERAND}\s*(<=|>=|==|!=|<|>)\s*${OPERAND}\s*$`);
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a relation; undefined when the text is not `a <op> b`. */
export function parseRelation(text: string): RelationExpr | undefined {
  const m = RELATION.exec(text);
  if (!m) return undefined;
  const name = (s: string): string => (s.startsWith('`') ? s.slice(1, -1) : s);
  const left = m[1]!;
  const right = m[3]!;
  if (NUMBER.test(left)) return undefined;
  return {
    left: name(left),
    op: m[2] as RelationOp,
    right: NUMBER.test(right) ? Number(right) : name(right),
  };
}

export function holds(a: number, op: RelationOp, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
  }
}
