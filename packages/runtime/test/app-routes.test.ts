import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../src/app/router/routes.js';

describe('matchRoute', () => {
  it('finds each page from its path, and round-trips record ids', () => {
    expect(matchRoute('/')).toEqual({ name: 'home' });
    expect(matchRoute('/login/')).toEqual({ name: 'login' });
    expect(matchRoute(paths.fill('a b/c'))).toEqual({ name: 'fill', recordId: 'a b/c' });
    expect(matchRoute(paths.record('r1'))).toEqual({ name: 'record', recordId: 'r1' });
  });

  it('says "not found" for anything else, including a badly encoded id', () => {
    expect(matchRoute('/records')).toEqual({ name: 'not-found' });
    expect(matchRoute('/records/r1/edit')).toEqual({ name: 'not-found' });
    expect(matchRoute('/records/%E0%A4%A')).toEqual({ name: 'record', recordId: '%E0%A4%A' });
  });
});
