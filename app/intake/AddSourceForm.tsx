'use client';

/**
 * Adds a document with its full text: pasted, or uploaded as .txt, .md or
 * .html (the server decodes and checks the bytes; HTML is reduced to text).
 * On success the review page opens; errors are shown with the server's reason.
 */
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { AdminTokenForm } from '@/app/_components/AdminTokenForm';
import { useAdminToken } from '@/app/_lib/admin-token';
import { describeError } from '@/app/_lib/graphql-client';
import { addSource, fileToUpload, slugify, type SourceInput, type SourceTextInput } from '@/app/_lib/intake';
import { SOURCE_TEXT_KINDS, SOURCE_TEXT_KIND_INFO, type SourceTextKind } from '@/graph/core/model';
import styles from './intake.module.css';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
/** The server's limit (graph/intake/text.ts MAX_UPLOAD_BYTES), checked here too so a huge file is refused before upload. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export function AddSourceForm({ headingId }: { headingId: string }) {
  const { token } = useAdminToken();
  const router = useRouter();
  const ids = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<'paste' | 'upload'>('paste');
  const [title, setTitle] = useState('');
  const [idText, setIdText] = useState('');
  const [publisher, setPublisher] = useState('');
  const [authors, setAuthors] = useState('');
  const [textKind, setTextKind] = useState<SourceTextKind | ''>('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');

  const id = idText || slugify(title);
  const field = (name: string) => `${ids}-${name}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setDone('');
    if (!token) {
      setError('Enter the admin token above first: adding a document writes to the graph.');
      return;
    }
    if (!title.trim() || !id) {
      setError('Give the document a title.');
      return;
    }
    let body: SourceTextInput;
    if (mode === 'paste') {
      if (!text.trim()) {
        setError('Paste the document’s text, or switch to uploading a file.');
        return;
      }
      body = { text };
    } else {
      const file = fileRef.current?.files?.[0];
      if (!file) {
        setError('Choose a .txt, .md or .html file to upload.');
        return;
      }
      if (file.size > MAX_UPLOAD_BYTES) {
        setError(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB.`);
        return;
      }
      body = await fileToUpload(file);
    }
    const input: SourceInput = { id, title: title.trim() };
    if (publisher.trim()) input.publisher = publisher.trim();
    const names = authors.split(';').map((a) => a.trim()).filter(Boolean);
    if (names.length) input.authors = names;
    if (textKind) input.textKind = textKind;
    if (published.trim()) input.published = published.trim();
    if (url.trim()) input.url = url.trim();
    setBusy(true);
    try {
      const result = await addSource(input, body, token);
      setDone(`Added “${result.source.title}” (${result.length.toLocaleString('en')} characters). Opening its review…`);
      router.push(`/intake/${encodeURIComponent(result.source.id)}`);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`card ${styles.panel}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.panelTitle}>
        Add a document
      </h2>
      <AdminTokenForm purpose="to add documents and accept proposals" />
      <form className={styles.form} onSubmit={submit} noValidate data-testid="add-source-form">
        <div className={styles.field}>
          <label className={styles.label} htmlFor={field('title')}>
            Title
          </label>
          <input id={field('title')} className={styles.input} value={title} onChange={(e) => setTitle(e.target.value)} required autoComplete="off" />
        </div>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={field('id')}>
            Id <span className={styles.optional}>(from the title unless you set one)</span>
          </label>
          <input
            id={field('id')}
            className={styles.input}
            value={id}
            onChange={(e) => setIdText(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={field('id-hint')}
          />
          <p id={field('id-hint')} className={styles.hint}>
            Lower-case letters, digits and hyphens; used in links.
          </p>
        </div>
        <div className={styles.fieldRow}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('publisher')}>
              Publisher <span className={styles.optional}>(optional)</span>
            </label>
            <input id={field('publisher')} className={styles.input} value={publisher} onChange={(e) => setPublisher(e.target.value)} />
          </div>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('authors')}>
              Authors <span className={styles.optional}>(optional)</span>
            </label>
            <input
              id={field('authors')}
              className={styles.input}
              value={authors}
              onChange={(e) => setAuthors(e.target.value)}
              aria-describedby={field('authors-hint')}
            />
            <p id={field('authors-hint')} className={styles.hint}>
              Separate names with semicolons
            </p>
          </div>
        </div>
        <div className={styles.fieldRow}>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('published')}>
              Published <span className={styles.optional}>(optional)</span>
            </label>
            <input
              id={field('published')}
              className={styles.input}
              value={published}
              onChange={(e) => setPublished(e.target.value)}
              placeholder="2022-01-11"
              aria-describedby={field('published-hint')}
            />
            <p id={field('published-hint')} className={styles.hint}>
              YYYY, YYYY-MM or YYYY-MM-DD
            </p>
          </div>
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('url')}>
              URL <span className={styles.optional}>(optional)</span>
            </label>
            <input id={field('url')} className={styles.input} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
          </div>
        </div>
        <div className={styles.field}>
          <label className={styles.label} htmlFor={field('text-kind')}>
            The text is <span className={styles.optional}>(optional)</span>
          </label>
          <select id={field('text-kind')} className={styles.select} value={textKind} onChange={(e) => setTextKind(e.target.value as SourceTextKind | '')}>
            <option value="">Not recorded</option>
            {SOURCE_TEXT_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_TEXT_KIND_INFO[k].label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className={styles.field} style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className={styles.label}>Text</legend>
          <div className={styles.segmented}>
            <label>
              <input type="radio" name={field('mode')} value="paste" checked={mode === 'paste'} onChange={() => setMode('paste')} /> Paste
            </label>
            <label>
              <input type="radio" name={field('mode')} value="upload" checked={mode === 'upload'} onChange={() => setMode('upload')} /> Upload a file
            </label>
          </div>
        </fieldset>
        {mode === 'paste' ? (
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('text')}>
              Full text
            </label>
            <textarea id={field('text')} className={styles.textarea} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={field('text-hint')} />
            <p id={field('text-hint')} className={styles.hint}>
              Plain text or Markdown, up to 1,000,000 characters. Quotes are taken from it word for word.
            </p>
          </div>
        ) : (
          <div className={styles.field}>
            <label className={styles.label} htmlFor={field('file')}>
              File
            </label>
            <input id={field('file')} ref={fileRef} className={styles.input} type="file" accept={ACCEPT} aria-describedby={field('file-hint')} />
            <p id={field('file-hint')} className={styles.hint}>
              .txt, .md or .html, up to 5 MB, UTF-8 or UTF-16. HTML is reduced to its readable text.
            </p>
          </div>
        )}
        <div role="status" aria-live="polite" data-testid="add-source-status">
          {error && <p className={styles.error}>{error}</p>}
          {done && <p className={styles.notice}>{done}</p>}
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add and review'}
          </button>
        </div>
      </form>
    </section>
  );
}
