// A client-side checker for the expression language (docs/expressions.md), for validation as you type. The server's
// validator stays the authority; this catches syntax errors, unknown functions, wrong argument counts and roots.
import { activitiesApi } from '../api/flows';
import type { ExpressionFunction } from '../api/types';

export const ROOTS = ['vars', 'event', 'instance', 'nodes'] as const;

/** The built-in functions by name, as the server's parser knows them (GET /api/flows/functions). */
export type FunctionTable = ReadonlyMap<string, ExpressionFunction>;

export function toFunctionTable(list: readonly ExpressionFunction[]): FunctionTable {
  return new Map(list.map((f) => [f.name, f]));
}

let loading: Promise<FunctionTable | null> | null = null;

/**
 * The function table, fetched once per session and shared. When it cannot be had (offline, signed out, an older
 * server) this answers null, and checkExpression then knows no function at all: it reports neither unknown names nor
 * argument counts rather than raise false errors from a stale guess; the server still checks both at publish. A
 * failed load is forgotten, so the next editor that asks tries again.
 */
export function loadFunctions(fetch: () => Promise<ExpressionFunction[]> = activitiesApi.functions): Promise<FunctionTable | null> {
  loading ??= fetch().then(toFunctionTable, () => {
    loading = null;
    return null;
  });
  return loading;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'contains', 'true', 'false', 'null']);

export interface ExprIssue {
  message: string;
  /** 1-based column. */
  column: number;
}

export interface ExprCheck {
  ok: boolean;
  error?: ExprIssue;
  roots: string[];
}

type Tok = { kind: 'num' | 'str' | 'id' | 'op' | 'end'; text: string; pos: number };

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      toks.push({ kind: 'num', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      toks.push({ kind: 'id', text: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let closed = false;
      while (j < src.length) {
        if (src[j] === '\\') {
          if (!/["'\\nt]/.test(src[j + 1] ?? '')) throw { message: `Unknown escape '\\${src[j + 1] ?? ''}' at column ${j + 1}. Use \\\\, \\', \\", \\n or \\t.`, column: j + 1 };
          j += 2;
          continue;
        }
        if (src[j] === c) { closed = true; break; }
        j++;
      }
      if (!closed) throw { message: `Unterminated string starting at column ${i + 1}: add the closing ${c}.`, column: i + 1 };
      toks.push({ kind: 'str', text: src.slice(i, j + 1), pos: i });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) {
      toks.push({ kind: 'op', text: two, pos: i });
      i += 2;
      continue;
    }
    if ('+-*/%<>!()[],.'.includes(c)) {
      toks.push({ kind: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '=') throw { message: `Unexpected character '=' at column ${i + 1}. Use '==' to compare.`, column: i + 1 };
    throw { message: `Unexpected character '${c}' at column ${i + 1}.`, column: i + 1 };
  }
  toks.push({ kind: 'end', text: '', pos: src.length });
  return toks;
}

class Parser {
  private i = 0;
  readonly roots = new Set<string>();
  constructor(private readonly toks: Tok[], private readonly functions: FunctionTable | null) {}

  private peek() { return this.toks[this.i]; }
  private next() { return this.toks[this.i++]; }
  private isOp(text: string) { const t = this.peek(); return t.kind === 'op' && t.text === text; }
  private isWord(text: string) { const t = this.peek(); return t.kind === 'id' && t.text === text; }
  private fail(message: string, tok = this.peek()): never { throw { message, column: tok.pos + 1 }; }

  parse() {
    if (this.peek().kind === 'end') this.fail('The expression is empty.');
    this.or();
    const t = this.peek();
    if (t.kind !== 'end') {
      const upper = t.kind === 'id' && KEYWORDS.has(t.text.toLowerCase()) && t.text !== t.text.toLowerCase();
      this.fail(upper ? `Unexpected '${t.text}' at column ${t.pos + 1} (keywords are lower-case: did you mean '${t.text.toLowerCase()}'?).` : `Unexpected '${t.text}' at column ${t.pos + 1}.`);
    }
  }

  private binary(next: () => void, ops: string[], words: string[] = []) {
    next();
    while (ops.some((o) => this.isOp(o)) || words.some((w) => this.isWord(w))) {
      this.next();
      next();
    }
  }

  private or(): void { this.binary(() => this.and(), ['||'], ['or']); }
  private and(): void { this.binary(() => this.equality(), ['&&'], ['and']); }
  private equality(): void { this.binary(() => this.relational(), ['==', '!=']); }
  private relational(): void { this.binary(() => this.additive(), ['<', '<=', '>', '>='], ['contains', 'in']); }
  private additive(): void { this.binary(() => this.multiplicative(), ['+', '-']); }
  private multiplicative(): void { this.binary(() => this.unary(), ['*', '/', '%']); }

  private unary(): void {
    if (this.isOp('!') || this.isOp('-') || this.isWord('not')) {
      this.next();
      this.unary();
      return;
    }
    this.postfix();
  }

  private postfix(): void {
    this.primary();
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        const t = this.peek();
        if (t.kind !== 'id') this.fail(`Expected a member name after '.' at column ${t.pos + 1}.`);
        this.next();
      } else if (this.isOp('[')) {
        this.next();
        this.or();
        if (!this.isOp(']')) this.fail(`Expected ']' at column ${this.peek().pos + 1}, found ${this.describe()}.`);
        this.next();
      } else if (this.isOp('(')) {
        this.fail(`Unexpected '(' at column ${this.peek().pos + 1}: only built-in functions can be called, e.g. lower(x).`);
      } else return;
    }
  }

  private describe() {
    const t = this.peek();
    return t.kind === 'end' ? 'end of expression' : `'${t.text}'`;
  }

  private primary(): void {
    const t = this.peek();
    if (t.kind === 'num' || t.kind === 'str') { this.next(); return; }
    if (t.kind === 'end') this.fail(`Unexpected end of expression at column ${t.pos + 1}: a value is missing.`);
    if (t.kind === 'op' && t.text === '(') {
      this.next();
      this.or();
      if (!this.isOp(')')) this.fail(`Expected ')' at column ${this.peek().pos + 1}, found ${this.describe()}.`);
      this.next();
      return;
    }
    if (t.kind === 'op' && t.text === '[') {
      this.next();
      if (this.isOp(']')) { this.next(); return; }
      for (;;) {
        this.or();
        if (this.isOp(',')) { this.next(); continue; }
        if (this.isOp(']')) { this.next(); return; }
        this.fail(`Expected ',' or ']' at column ${this.peek().pos + 1}, found ${this.describe()}.`);
      }
    }
    if (t.kind === 'id') {
      if (['true', 'false', 'null'].includes(t.text)) { this.next(); return; }
      // contains is also a function: contains(a, b) is a call, as on the server.
      const call = this.toks[this.i + 1]?.kind === 'op' && this.toks[this.i + 1].text === '(';
      if (['and', 'or', 'in'].includes(t.text) || (t.text === 'contains' && !call)) this.fail(`Unexpected '${t.text}' at column ${t.pos + 1}: a value is missing.`);
      this.next();
      if (this.isOp('(')) {
        const fn = this.functions?.get(t.text);
        if (this.functions && !fn) {
          const guess = [...this.functions.keys()].find((f) => f.toLowerCase() === t.text.toLowerCase());
          this.fail(`Unknown function '${t.text}' at column ${t.pos + 1}.${guess ? ` Did you mean '${guess}'?` : ''}`, t);
        }
        this.next();
        let count = 0;
        if (!this.isOp(')')) {
          for (;;) {
            this.or();
            count++;
            if (this.isOp(',')) { this.next(); continue; }
            if (this.isOp(')')) break;
            this.fail(`Expected ',' or ')' at column ${this.peek().pos + 1}, found ${this.describe()}.`);
          }
        }
        this.next();
        if (fn && (count < fn.minArguments || (fn.maxArguments != null && count > fn.maxArguments))) {
          this.fail(`Function '${t.text}' at column ${t.pos + 1} takes ${fn.arity}, but ${count} ${count === 1 ? 'was' : 'were'} given.`, t);
        }
        return;
      }
      this.roots.add(t.text);
      return;
    }
    this.fail(`Unexpected '${t.text}' at column ${t.pos + 1}.`);
  }
}

/**
 * Checks an expression as the server would at publish: syntax, readable roots, and, when `functions` is given, the
 * function names and argument counts (without it, any call is accepted: see loadFunctions).
 */
export function checkExpression(source: string, options: { allowEmpty?: boolean; functions?: FunctionTable | null } = {}): ExprCheck {
  if (source.trim() === '') {
    return options.allowEmpty ? { ok: true, roots: [] } : { ok: false, error: { message: 'The expression is empty.', column: 1 }, roots: [] };
  }
  try {
    const parser = new Parser(tokenize(source), options.functions ?? null);
    parser.parse();
    const roots = [...parser.roots];
    const illegal = roots.filter((r) => !(ROOTS as readonly string[]).includes(r));
    if (illegal.length) {
      return {
        ok: false,
        roots,
        error: { message: `Unknown name(s) '${illegal.join("', '")}': expressions can read vars, event, instance and nodes.`, column: source.indexOf(illegal[0]) + 1 },
      };
    }
    return { ok: true, roots };
  } catch (e) {
    const issue = e as ExprIssue;
    if (typeof issue?.message === 'string') return { ok: false, error: issue, roots: [] };
    throw e;
  }
}
