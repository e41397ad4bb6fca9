/**
 * /playground: run GraphQL against this server's /api/graphql, with example
 * operations and a reference of every type and field read from schema.graphql.
 * Self-contained: works offline (the hosted Apollo Sandbox cannot load here).
 */
import type { Metadata } from 'next';
import { EXAMPLES } from './examples';
import { Playground } from './Playground';
import styles from './playground.module.css';
import { schemaReference, type ReferenceType } from './schema-reference';

export const metadata: Metadata = {
  title: 'API playground',
  description: 'Run GraphQL queries against the Steppe API and browse its schema.',
};

const KIND_LABEL: Record<ReferenceType['kind'], string> = {
  operations: 'operations',
  object: 'type',
  input: 'input',
  enum: 'enum',
  scalar: 'scalar',
};

export default function PlaygroundPage() {
  const reference = schemaReference();
  return (
    <div className={`page page-wide ${styles.page}`}>
      <header className="page-header">
        <h1>API playground</h1>
        <p className="lede">
          Run GraphQL against <code>/api/graphql</code>. Queries need nothing; mutations need the admin token. Errors carry a stable{' '}
          <code>extensions.code</code> such as <code>NOT_FOUND</code> or <code>BAD_USER_INPUT</code>.
        </p>
      </header>

      <Playground examples={EXAMPLES} />

      <section className={styles.reference} aria-labelledby="schema-reference">
        <h2 id="schema-reference">Schema reference</h2>
        <p className="muted">Every type and field of schema.graphql, the API’s source of truth.</p>
        <div className={styles.types}>
          {reference.map((type) => (
            <details key={type.name} id={`type-${type.name}`} className={styles.type} open={type.kind === 'operations'}>
              <summary>
                <span className={styles.typeName}>{type.name}</span> <span className={styles.typeKind}>{KIND_LABEL[type.kind]}</span>
              </summary>
              {type.description && <p className={styles.typeDescription}>{type.description}</p>}
              {type.fields.length > 0 && (
                <dl className={styles.fields}>
                  {type.fields.map((f) => (
                    <div key={f.name} className={styles.field}>
                      <dt>
                        <code>{f.signature}</code>
                      </dt>
                      {f.description && <dd>{f.description}</dd>}
                    </div>
                  ))}
                </dl>
              )}
            </details>
          ))}
        </div>
      </section>
    </div>
  );
}
