// Runs once in each fresh script context, before any schema code. It makes scripts deterministic
// (no clock, no randomness, no state surviving from one call to the next), removes what a JSON
// merge never needs but a memory bomb would, and returns the function the host calls.
// Evaluated as an expression: a function of the limits, returning invoke(factory, b, o, t, c).
(function (maxOutputChars, maxBuiltChars, maxBuiltElements) {
  'use strict';
  const g = globalThis;
  const nondeterministic = (what) => function () {
    throw new TypeError(what + ' is not available in merge scripts: every replica must compute the same merge');
  };

  // No clock and no randomness: replicas would compute different merges.
  Math.random = nondeterministic('Math.random');
  const RealDate = Date;
  function SafeDate(...args) {
    if (new.target === undefined) nondeterministic('Date()')();
    if (args.length === 0) nondeterministic('new Date() without arguments')();
    return Reflect.construct(RealDate, args, new.target);
  }
  SafeDate.prototype = RealDate.prototype;
  SafeDate.now = nondeterministic('Date.now');
  SafeDate.parse = RealDate.parse;
  SafeDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: SafeDate, writable: true, configurable: true });
  g.Date = SafeDate;

  // Binary buffers allocate their full size in one step, faster than any limit can react; GC-observing
  // and locale/clock-reading globals are not deterministic. None is needed to merge JSON.
  for (const name of ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'WebAssembly',
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
    'WeakRef', 'FinalizationRegistry', 'Intl', 'performance', 'console', 'print', 'load', 'Graal',
    'Java', 'Polyglot', 'Packages', 'java', 'javax', 'com', 'org', 'edu', 'javafx', 'quit', 'read', 'readbuffer']) {
    delete g[name];
  }

  // Built-ins that build a string or array of a size given as a number allocate it in one step:
  // check the size first. Loops that grow values step by step are stopped by the statement, CPU
  // and allocation limits instead.
  const guard = (proto, name, size, limit) => {
    const original = proto[name];
    Object.defineProperty(proto, name, {
      value: {
        [name](...args) {
          if (size(this, args) > limit) throw new RangeError(name + ': result too large for a merge script');
          return Reflect.apply(original, this, args);
        }
      }[name],
      writable: true, configurable: true
    });
  };
  const len = (x) => (x === null || x === undefined) ? 0 : Number(x.length) || 0;
  guard(String.prototype, 'repeat', (s, a) => String(s).length * Number(a[0]), maxBuiltChars);
  guard(String.prototype, 'padStart', (s, a) => Number(a[0]), maxBuiltChars);
  guard(String.prototype, 'padEnd', (s, a) => Number(a[0]), maxBuiltChars);
  guard(Array.prototype, 'fill', (s) => len(s), maxBuiltElements);
  guard(Array.prototype, 'join', (s) => len(s), maxBuiltElements);
  guard(Array.prototype, 'concat', (s, a) => a.reduce((n, x) => n + (Array.isArray(x) ? len(x) : 1), len(s)), maxBuiltElements);
  guard(Array, 'from', (s, a) => len(a[0]), maxBuiltElements);

  const parse = JSON.parse;
  const stringify = JSON.stringify;
  function invoke(factory, base, ours, theirs, context) {
    const merge = factory();
    if (typeof merge !== 'function') throw new TypeError('the script does not define function merge(base, ours, theirs, context)');
    const text = stringify(merge(parse(base), parse(ours), parse(theirs), parse(context)));
    if (typeof text !== 'string') return undefined;
    return text.length > maxOutputChars ? text.length : text;
  }

  // Freeze every object reachable from the global object and the hidden intrinsics, so a call
  // cannot leave state behind for the next one (each call also re-runs the script's top level).
  const seen = new Set();
  const freeze = (o) => {
    if (o === null || (typeof o !== 'object' && typeof o !== 'function') || seen.has(o)) return;
    seen.add(o);
    Object.freeze(o);
    for (const key of Reflect.ownKeys(o)) {
      const d = Reflect.getOwnPropertyDescriptor(o, key);
      if (d === undefined) continue;
      if ('value' in d) freeze(d.value); else { freeze(d.get); freeze(d.set); }
    }
    freeze(Reflect.getPrototypeOf(o));
  };
  const hidden = [
    [][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator](),
    /a/[Symbol.matchAll](''), (function* () {}), (function* () {})(), (async function () {}),
    (async function* () {}), (async function* () {})(), Promise.resolve()
  ];
  for (const o of hidden) freeze(o);
  freeze(g);
  freeze(invoke);
  return invoke;
})
