import { describe, expect, test } from 'vitest';
import { h } from 'fact-boxes';

describe('h', () => {
  test('should write a data-* flag as "true", so HTML and MDX output agree', () => {
    expect(h('li', { dataApproximate: true, hidden: true }).properties).toEqual({ dataApproximate: 'true', hidden: true });
  });

  test('should leave out properties that are false or undefined', () => {
    expect(h('li', { dataApproximate: false, id: undefined }).properties).toEqual({});
  });
});
