'use client';
/**
 * The query playground: an operation editor, JSON variables, an optional
 * admin token, Run (or Ctrl/⌘+Enter), and the formatted response with its
 * HTTP status and time. Plain textareas, no editor package, nothing loaded
 * from the internet. The token stays in this tab's memory only.
 */
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PlaygroundExample } from './examples';
import styles from './playground.module.css';

const ENDPOINT = '/api/graphql';

interface RunResult {
  status: number;
  ms: number;
  body: string;
  /** `extensions.code` of each error, for the summary line. */
  codes: string[];
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Parses the variables box; empty means none. Returns an error message instead of throwing. */
function parseVariables(text: string): { value?: Record<string, unknown>; error?: string } {
  if (!text.trim()) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'Variables must be a JSON object, e.g. {"id": "kazakhstan"}.' };
    return { value: value as Record<string, unknown> };
  } catch (e) {
    return { error: `Variables are not valid JSON: ${(e as Error).message}` };
  }
}

export function Playground({ examples }: { examples: readonly PlaygroundExample[] }) {
  const ids = { query: useId(), variables: useId(), token: useId(), example: useId(), response: useId() };
  const [query, setQuery] = useState(examples[0]?.query ?? '{ stats { actors } }');
  const [variables, setVariables] = useState(examples[0]?.variables ? pretty(examples[0].variables) : '');
  const [token, setToken] = useState('');
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const choose = (index: number) => {
    const ex = examples[index];
    if (!ex) return;
    setQuery(ex.query);
    setVariables(ex.variables ? pretty(ex.variables) : '');
    setResult(null);
    setProblem(null);
  };

  const run = useCallback(async () => {
    const vars = parseVariables(variables);
    if (vars.error) {
      setProblem(vars.error);
      return;
    }
    setProblem(null);
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setRunning(true);
    const started = performance.now();
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json;q=0.9' };
      if (token.trim()) headers.authorization = `Bearer ${token.trim()}`;
      const response = await fetch(ENDPOINT, { method: 'POST', headers, body: JSON.stringify({ query, variables: vars.value }), signal: controller.signal });
      const text = await response.text();
      let body = text;
      let codes: string[] = [];
      try {
        const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
        body = pretty(parsed);
        codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN');
      } catch {
        /* not JSON: show it as it came */
      }
      setResult({ status: response.status, ms: performance.now() - started, body, codes });
    } catch (e) {
      if ((e as Error).name !== 'AbortError') setProblem(`The request failed: ${(e as Error).message}`);
    } finally {
      if (abort.current === controller) setRunning(false);
    }
  }, [query, variables, token]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  };

  const ok = result && result.status < 400 && result.codes.length === 0;

  return (
    <div className={styles.workbench} onKeyDown={onKeyDown}>
      <section className={styles.editor} aria-label="Request">
        <div className={styles.toolbar}>
          <label htmlFor={ids.example} className={styles.label}>
            Example
          </label>
          <select id={ids.example} className={styles.select} defaultValue="0" onChange={(e) => choose(Number(e.target.value))}>
            {examples.map((ex, i) => (
              <option key={ex.title} value={i}>
                {ex.title}
              </option>
            ))}
          </select>
          <button type="button" className="button button-primary" onClick={() => void run()} disabled={running} aria-describedby={`${ids.query}-hint`}>
            {running ? 'Running…' : 'Run'}
          </button>
        </div>

        <label htmlFor={ids.query} className={styles.label}>
          Operation
        </label>
        <textarea
          id={ids.query}
          className={`${styles.code} ${styles.query}`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={18}
        />
        <p id={`${ids.query}-hint`} className={styles.hint}>
          Ctrl+Enter (⌘+Enter) runs the operation from any field.
        </p>

        <label htmlFor={ids.variables} className={styles.label}>
          Variables <span className={styles.optional}>(JSON, optional)</span>
        </label>
        <textarea
          id={ids.variables}
          className={`${styles.code} ${styles.variables}`}
          value={variables}
          onChange={(e) => setVariables(e.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          rows={6}
          aria-invalid={problem?.startsWith('Variables') ? true : undefined}
        />

        <label htmlFor={ids.token} className={styles.label}>
          Admin token <span className={styles.optional}>(for mutations; sent as a Bearer token, never stored)</span>
        </label>
        <input id={ids.token} className={styles.token} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
        {problem && (
          <p role="alert" className={styles.problem}>
            {problem}
          </p>
        )}
      </section>

      <section className={styles.output} aria-labelledby={ids.response}>
        <div className={styles.toolbar}>
          <h2 id={ids.response} className={styles.outputTitle}>
            Response
          </h2>
          <p className={styles.status} role="status" aria-live="polite">
            {running
              ? 'Running…'
              : result
                ? `${result.status} · ${Math.round(result.ms)} ms${result.codes.length ? ` · ${result.codes.join(', ')}` : ''}`
                : 'Not run yet'}
          </p>
        </div>
        <pre className={`${styles.code} ${styles.response} ${result ? (ok ? styles.ok : styles.failed) : ''}`} tabIndex={0} aria-label="Response body">
          {result ? result.body : 'Run an operation to see the response here.'}
        </pre>
      </section>
    </div>
  );
}
