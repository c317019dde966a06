/**
 * Applies `next` to a value that may still be on its way, without a promise when it is
 * already here: the request path's stores answer synchronously from memory and only
 * remote ones (or a cache miss) make it wait.
 *
 * @example thenMaybe(cache.get(id), (limits) => limits.plan.name)
 */
export function thenMaybe<T, R>(value: T | Promise<T>, next: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
