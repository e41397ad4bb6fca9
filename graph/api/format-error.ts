/**
 * How errors reach clients. Steppe's named errors keep their stable code
 * (`extensions.code`) and message; a ValidationError also lists its field
 * problems. Anything unexpected becomes INTERNAL_SERVER_ERROR, and in
 * production its message is replaced by a generic one. Stack traces are sent
 * only outside production and only for unexpected errors; the server log
 * always gets the details.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ValidationError, isSteppeError, type SteppeError, type VersionConflictError } from '../core/errors';

export const GENERIC_INTERNAL_MESSAGE = 'Internal server error';

/** The Steppe error behind a (possibly wrapped, e.g. by Apollo's validation errors) GraphQL error, if any. */
export function findSteppeError(error: unknown): SteppeError | undefined {
  let e: unknown = error;
  for (let i = 0; i < 5 && e; i++) {
    if (isSteppeError(e)) return e;
    e = e instanceof GraphQLError ? e.originalError : undefined;
  }
  return undefined;
}

/**
 * Limits enforced by graphql-js and Apollo rather than by our own rules
 * (parser token limit and recursion, introspection depth, the overlapping-fields
 * check's work limit, recursive selections): reported with QUERY_TOO_COMPLEX like
 * ours, with a message saying what to change. graphql-js gives them no code,
 * so they are recognised by their message (limits.test.ts and hostile.test.ts pin each).
 */
function builtInLimitMessage(formatted: GraphQLFormattedError): string | undefined {
  const m = formatted.message;
  if (formatted.extensions?.validationErrorCode === 'MAX_RECURSIVE_SELECTIONS_EXCEEDED') return 'Query is too complex: its fragments expand to too many selections.';
  // The parser is recursive; thousands of nested braces exhaust the stack before the token limit (a clean, caught RangeError).
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && m === 'Maximum call stack size exceeded') return 'Query is nested too deeply to parse.';
  if (/Document contains more th(?:an|at) \d+ tokens/.test(m)) return 'Query is too long: it has more than 10000 tokens.';
  if (/Maximum introspection depth exceeded/.test(m)) return 'Introspection query is nested too deeply.';
  if (m === 'Validation aborted.') return 'Query is too complex to validate: too many fields to compare. Remove repeated fields.';
  return undefined;
}

export function createFormatError(production: boolean) {
  return function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const steppe = findSteppeError(error);
    const extensions: Record<string, unknown> = { ...formatted.extensions };
    if (production) delete extensions.stacktrace;
    if (steppe) {
      // Expected errors (bad input, unknown ids, limits, outages) carry no stack even in development.
      delete extensions.stacktrace;
      extensions.code = steppe.code;
      // By code, not class: the error may come from another copy of errors.ts (see isSteppeError).
      const problems = steppe.code === 'BAD_USER_INPUT' ? (steppe as ValidationError).problems : undefined;
      if (problems?.length) extensions.problems = problems;
      // A version conflict (VersionConflictError) carries the stored record, so the client can show what changed.
      if (steppe.code === 'CONFLICT' && 'currentVersion' in steppe) {
        const conflict = steppe as VersionConflictError;
        extensions.currentVersion = conflict.currentVersion;
        extensions.current = conflict.current;
      }
      return { ...formatted, message: steppe.message, extensions };
    }
    const limitMessage = builtInLimitMessage(formatted);
    if (limitMessage) {
      delete extensions.stacktrace;
      return { ...formatted, message: limitMessage, extensions: { ...extensions, code: 'QUERY_TOO_COMPLEX' } };
    }
    if (extensions.code === undefined || extensions.code === 'INTERNAL_SERVER_ERROR') {
      console.error('graphql: internal error:', (error as { originalError?: unknown }).originalError ?? error);
      extensions.code = 'INTERNAL_SERVER_ERROR';
      if (production) return { message: GENERIC_INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions };
    } else {
      // Apollo's own expected errors (parse, validation, variable types) carry no stack either.
      delete extensions.stacktrace;
    }
    return { ...formatted, extensions };
  };
}

/** A GraphQLError for a Steppe error raised before execution, with the HTTP status the response should carry. */
export function httpError(error: SteppeError, status: number, headers: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { code: error.code, http: { status, headers: new HeaderMap(Object.entries(headers)) } },
  });
}
