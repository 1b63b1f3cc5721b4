/**
 * Unified diffs, as `diff -u` and `git diff` print them, for
 * `fact-boxes check --fix-dry-run`: what `--fix` would change, applicable
 * with `git apply` or `patch -p1`.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line endings, so a missing final newline is a difference too. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The shortest edit script from `a` to `b` (Myers' O(ND) algorithm). */
function shortestEdit(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && before[offset + k - 1]! < before[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = before[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      y--;
      ops.push({ kind: ' ', line: a[--x]! });
    }
    if (d === 0) break;
    if (x === previousX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  return ops.reverse();
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  // Fixes touch a few lines: keep the common start and end out of the search.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const same = (line: string): Op => ({ kind: ' ', line });
  return [
    ...a.slice(0, prefix).map(same),
    ...shortestEdit(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map(same),
  ];
}

function range(start: number, count: number): string {
  // An empty range is numbered by the line before it.
  return count === 1 ? `${start + 1}` : `${count === 0 ? start : start + 1},${count}`;
}

/**
 * The unified diff from `before` to `after`, or `''` when they are the same.
 *
 * @example
 *   unifiedDiff(':::clam\n:::\n', ':::claim\n:::\n', 'a.md')
 *   // '--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,2 @@\n-:::clam\n+:::claim\n :::\n'
 */
export function unifiedDiff(before: string, after: string, path: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(linesOf(before), linesOf(after));
  const changed = ops.flatMap((op, index) => (op.kind === ' ' ? [] : [index]));
  let output = `--- a/${path}\n+++ b/${path}\n`;
  // Old and new line numbers at the start of each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  for (let index = 0; index < changed.length; ) {
    const first = Math.max(0, changed[index]! - context);
    let last = changed[index]!;
    while (index + 1 < changed.length && changed[index + 1]! - last <= 2 * context) last = changed[++index]!;
    index++;
    const end = Math.min(ops.length, last + context + 1);
    const hunk = ops.slice(first, end);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    output += `@@ -${range(oldAt[first]!, oldCount)} +${range(newAt[first]!, newCount)} @@\n`;
    for (const op of hunk) {
      output += `${op.kind}${op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`}`;
    }
  }
  return output;
}
