import { describe, expect, it, vi } from 'vitest';
import { isSteppeError, NotFoundError, ValidationError } from '@/graph/core/errors';

describe('errors', () => {
  it('carry stable codes and list every problem', () => {
    expect(new NotFoundError('Actor', 'x').code).toBe('NOT_FOUND');
    const v = new ValidationError('Invalid actor', [{ path: 'kind', message: 'is wrong' }]);
    expect(v.code).toBe('BAD_USER_INPUT');
    expect(v.summary).toBe('Invalid actor');
    expect(v.message).toBe('Invalid actor: kind is wrong');
  });

  it('are recognised when thrown by another copy of the module (as Next.js bundles can load it twice)', async () => {
    vi.resetModules();
    // A query string makes the module loader evaluate a second, separate copy.
    const specifier = '@/graph/core/errors?copy=2';
    const other = (await import(/* @vite-ignore */ specifier)) as typeof import('@/graph/core/errors');
    const foreign = new other.NotFoundError('Actor', 'x');
    expect(foreign).not.toBeInstanceOf(NotFoundError);
    expect(isSteppeError(foreign)).toBe(true);
    expect(isSteppeError(new Error('plain'))).toBe(false);
    expect(isSteppeError({ code: 'NOT_FOUND' })).toBe(false);
  });
});
