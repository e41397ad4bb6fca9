/**
 * Schema migrations: uniqueness constraints, the relationship-id index or
 * constraint, and the full-text index over names and aliases. Every step is
 * idempotent (IF NOT EXISTS, or a guard), so running them again changes
 * nothing. The server version decides between the 4.4 and 5.x statements.
 */
import { RELATIONSHIP_TYPES } from '../core/model';
import * as cypher from './cypher';
import { supportsRelationshipUniqueness, type Neo4jExecutor, type ServerVersion } from './executor';

export interface MigrationReport {
  server: ServerVersion;
  /** Statement names run, in order (guards included). */
  steps: string[];
}

/** The statements to run for this server, in order. Exported so tests can check the choice per version. */
export function migrationPlan(server: Pick<ServerVersion, 'major' | 'minor'>): { name: string; cypher: string }[] {
  const steps = [
    { name: 'CREATE_ACTOR_ID_CONSTRAINT', cypher: cypher.CREATE_ACTOR_ID_CONSTRAINT },
    { name: 'CREATE_SOURCE_ID_CONSTRAINT', cypher: cypher.CREATE_SOURCE_ID_CONSTRAINT },
    { name: 'CREATE_SOURCE_TEXT_ID_CONSTRAINT', cypher: cypher.CREATE_SOURCE_TEXT_ID_CONSTRAINT },
    { name: 'CREATE_CHANGE_SEQ_CONSTRAINT', cypher: cypher.CREATE_CHANGE_SEQ_CONSTRAINT },
    { name: 'CREATE_CHANGE_COUNTER_CONSTRAINT', cypher: cypher.CREATE_CHANGE_COUNTER_CONSTRAINT },
    { name: 'CREATE_ACTOR_COUNTRY_INDEX', cypher: cypher.CREATE_ACTOR_COUNTRY_INDEX },
    { name: 'CREATE_ACTOR_SEARCH_TEXT_INDEX', cypher: cypher.CREATE_ACTOR_SEARCH_TEXT_INDEX },
    { name: 'CREATE_MAP_ID_CONSTRAINT', cypher: cypher.CREATE_MAP_ID_CONSTRAINT },
  ];
  for (const type of RELATIONSHIP_TYPES) {
    if (supportsRelationshipUniqueness(server)) {
      // A database migrated before 5.7 has a plain index on the same property; the constraint replaces it.
      steps.push({ name: `dropRelationshipIdIndexStatement(${type})`, cypher: cypher.dropRelationshipIdIndexStatement(type) });
      steps.push({ name: `relationshipIdConstraintStatement(${type})`, cypher: cypher.relationshipIdConstraintStatement(type) });
    } else {
      steps.push({ name: `relationshipIdIndexStatement(${type})`, cypher: cypher.relationshipIdIndexStatement(type) });
    }
  }
  if (server.major >= 5) steps.push({ name: 'CREATE_ACTOR_NAMES_FULLTEXT', cypher: cypher.CREATE_ACTOR_NAMES_FULLTEXT });
  return steps;
}

/** Applies every migration; on 4.x the full-text index goes through the guarded legacy procedure. */
export async function runMigrations(exec: Neo4jExecutor, server?: ServerVersion): Promise<MigrationReport> {
  const version = server ?? (await exec.connect());
  const steps: string[] = [];
  for (const step of migrationPlan(version)) {
    await exec.runAutoCommit(step.cypher);
    steps.push(step.name);
  }
  if (version.major < 5) {
    const names = (await exec.runAutoCommit(cypher.LIST_INDEX_NAMES_LEGACY)).map((r) => r.name);
    steps.push('LIST_INDEX_NAMES_LEGACY');
    if (!names.includes(cypher.ACTOR_NAMES_INDEX)) {
      await exec.runAutoCommit(cypher.CREATE_ACTOR_NAMES_FULLTEXT_LEGACY, { name: cypher.ACTOR_NAMES_INDEX });
      steps.push('CREATE_ACTOR_NAMES_FULLTEXT_LEGACY');
    }
  }
  return { server: version, steps };
}
