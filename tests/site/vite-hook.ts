/**
 * A Vite plugin's `transform` hook as the bundler calls it: with a filter on
 * ids (`{ filter: { id }, handler }`), the handler runs only for the ids the
 * filter lets through, and the bundler never hands it the others. Tests call
 * hooks through this, so a filter that leaves out a page fails them.
 */
type Handler<Result> = (this: object, code: string, id: string, options?: { ssr?: boolean }) => Result;

export type TransformHook<Result> = { filter: { id: RegExp }; handler: Handler<Result> };

/** The hook as a function of the bundler's arguments: `undefined` for an id its filter keeps from it. */
export function asCalled<Result>(hook: TransformHook<Result>): Handler<Result | undefined> {
  return function (this: object, code, id, options) {
    return hook.filter.id.test(id) ? hook.handler.call(this, code, id, options) : undefined;
  };
}
