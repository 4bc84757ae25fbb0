import { Recorder } from './wire-recorder';
import { sleep } from './processes';

/** Capturing a request's statements, and turning two captures into a template for the bare server. */

export interface Template {
  sql: string[];
  placeholders: Record<string, string>;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const CODE = /\b([A-Z]{2}\d{8})-(\d{4,})\b/g;
const skeleton = (sql: string) =>
  sql.replace(/'(?:[^'\\]|\\.)*'/g, "''").replace(/\b\d+(\.\d+)?\b/g, '0');

export function template(a: string[], b: string[]): Template | null {
  if (a.length !== b.length || a.some((s, i) => skeleton(s) !== skeleton(b[i]))) return null;
  const placeholders: Record<string, string> = {};
  const byValue = new Map<string, string>();
  const mark = (value: string, kind: string) => {
    if (!byValue.has(value)) {
      const n = String(byValue.size);
      byValue.set(value, n);
      placeholders[n] = kind;
    }
  };
  a.forEach((s, i) => {
    const ua = s.match(UUID) ?? [];
    const ub = b[i].match(UUID) ?? [];
    ua.forEach((u, j) => u !== ub[j] && mark(u, 'uuid'));
    const ca = [...s.matchAll(CODE)];
    const cb = [...b[i].matchAll(CODE)];
    ca.forEach((m, j) => m[0] !== cb[j]?.[0] && mark(m[0], m[1]));
  });
  const sql = a.map((s) =>
    s
      .replace(UUID, (u) => (byValue.has(u) ? `{{ph:${byValue.get(u)}}}` : u))
      .replace(CODE, (c) => (byValue.has(c) ? `{{ph:${byValue.get(c)}}}` : c)),
  );
  return { sql, placeholders };
}

export async function capture(recorder: Recorder, work: () => Promise<void>): Promise<string[]> {
  await sleep(300);
  recorder.recording = [];
  await work();
  await sleep(300); // anything the request left running (after-commit work) lands on the wire too
  const statements = recorder.recording;
  recorder.recording = null;
  return statements;
}

export const isTransactionControl = (s: string) =>
  /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET TRANSACTION)/i.test(s.trim());
