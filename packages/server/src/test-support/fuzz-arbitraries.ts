import fc from "fast-check";
import { BASE62_ALPHABET, computeChecksum, KEY_PREFIXES, RANDOM_PART_LENGTH, type KeyEnvironment } from "../keys/index.js";

/**
 * What an HTTP server can actually receive in a header value: bytes read as latin1, without
 * CR, LF, NUL or other control characters (Node's parser refuses those before any route).
 */
export function asHeaderValue(text: string): string {
  // eslint-disable-next-line no-control-regex
  return Buffer.from(text, "utf8").toString("latin1").replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, "");
}

const base62Char = fc.constantFrom(...BASE62_ALPHABET.split(""));

/** A key with the right shape and checksum that Keyward never issued. */
export function wellFormedKeyArbitrary(environment?: KeyEnvironment): fc.Arbitrary<string> {
  const prefix = environment ? fc.constant(KEY_PREFIXES[environment]) : fc.constantFrom(KEY_PREFIXES.live, KEY_PREFIXES.test);
  return fc
    .tuple(prefix, fc.array(base62Char, { minLength: RANDOM_PART_LENGTH, maxLength: RANDOM_PART_LENGTH }))
    .map(([start, chars]) => {
      const body = start + chars.join("");
      return body + computeChecksum(body);
    });
}

/** Variants of a real key: one character changed, truncated, extended, the other environment's prefix. */
export function mangledKeyArbitrary(secret: string): fc.Arbitrary<string> {
  const otherPrefix = secret.startsWith(KEY_PREFIXES.live) ? KEY_PREFIXES.test : KEY_PREFIXES.live;
  return fc.oneof(
    fc
      .tuple(fc.nat({ max: secret.length - 1 }), fc.constantFrom(...`${BASE62_ALPHABET}_-. é€`.split("")))
      .map(([at, char]) => secret.slice(0, at) + char + secret.slice(at + 1))
      .filter((changed) => changed !== secret),
    fc.nat({ max: secret.length - 1 }).map((length) => secret.slice(0, length)),
    fc.string({ minLength: 1, maxLength: 8 }).map((extra) => secret + extra),
    fc.constant(otherPrefix + secret.slice(otherPrefix.length)),
    fc.constant(secret.toUpperCase()),
  );
}

const spaces = fc.string({ unit: fc.constantFrom(" ", "\t"), minLength: 0, maxLength: 4 });

/** `Bearer` in any casing, spacing and with neighbours, around a token. */
export function schemeVariantArbitrary(token: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(
      spaces,
      fc.oneof(fc.mixedCase(fc.constant("bearer")), fc.constantFrom("Basic", "Token", "Bearer:", "Bearer=", "Bear", "Bearerx", "")),
      spaces,
      token,
      spaces,
    )
    .map((parts) => parts.join(""));
}

/** Every kind of Authorization value the fuzz tests send, for a route whose valid key is `secret`. */
export function authorizationArbitrary(secret: string): fc.Arbitrary<string> {
  const token = fc.oneof(
    { weight: 3, arbitrary: mangledKeyArbitrary(secret) },
    { weight: 2, arbitrary: wellFormedKeyArbitrary() },
    { weight: 1, arbitrary: fc.constant(secret) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  );
  return fc
    .oneof(
      { weight: 5, arbitrary: schemeVariantArbitrary(token) },
      // Random bytes, as a latin1 header value.
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString("latin1")) },
      // Unicode of every plane, UTF-8 encoded on the wire.
      { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }).map((text) => `Bearer ${text}`) },
      // Huge values, up to 64 KiB (Node's default header limit is 16 KiB; inject has none).
      { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 65_536 }), fc.constantFrom("a", "sk_live_", "€", " ")).map(([n, unit]) => `Bearer ${unit.repeat(Math.ceil(n / unit.length))}`) },
    )
    .map(asHeaderValue);
}

const queryChar = fc.constantFrom(..."abcxyz019_-.~!$&'()*+,;=:@/?%[] éü€".split(""));

/** A query string: known parameter names and random ones, values encoded or raw, bad percent escapes, repeats. */
export function queryStringArbitrary(fields: readonly string[], secret: string): fc.Arbitrary<string> {
  const name = fc.oneof(fc.constantFrom(...fields, "limit", "cursor", "__proto__", "constructor"), fc.string({ maxLength: 12 }));
  const value = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constantFrom("", "0", "-1", "1e309", "NaN", "true", "null", "[]", "{}", "9".repeat(40), secret),
    fc.integer().map(String),
  );
  const encoded = fc
    .array(fc.tuple(name, value), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"));
  const raw = fc
    .string({ unit: queryChar, maxLength: 120 })
    .map((text) => encodeURI(text).replace(/%25/g, "%"));
  const long = fc.nat({ max: 6_000 }).map((n) => `limit=${"9".repeat(n)}`);
  return fc.oneof({ weight: 5, arbitrary: encoded }, { weight: 3, arbitrary: raw }, { weight: 1, arbitrary: long });
}

/** A request body: JSON of every shape, objects with the route's own fields, broken JSON, deep nesting, huge. */
export function bodyArbitrary(fields: readonly string[], secret: string): fc.Arbitrary<string> {
  const fieldValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(secret), wellFormedKeyArbitrary(), fc.string({ unit: "binary", maxLength: 300 }));
  const fieldName = fc.oneof(fc.constantFrom(...fields, "__proto__", "constructor", "prototype"), fc.string({ maxLength: 12 }));
  const objects = fc.dictionary(fieldName, fieldValue, { maxKeys: 8 }).map((object) => JSON.stringify(object));
  const deep = fc.tuple(fc.nat({ max: 5_000 }), fc.constantFrom("[", '{"a":')).map(([depth, open]) => open.repeat(depth) + "1" + (open === "[" ? "]" : "}").repeat(depth));
  const huge = fc.nat({ max: 1_200_000 }).map((n) => JSON.stringify({ name: "x".repeat(n) }));
  return fc.oneof(
    { weight: 6, arbitrary: objects },
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
  );
}

/** Content types a client may send with a body, right and wrong. */
export const contentTypeArbitrary: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "application/json; charset=utf-16",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "APPLICATION/JSON",
      "",
      undefined,
    ),
  },
);

/** A concrete URL for an OpenAPI path: each `{param}` filled from real ids and names or random text. */
export function routeUrlArbitrary(path: string, knownValues: readonly string[]): fc.Arbitrary<string> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const value = fc.oneof(fc.constantFrom(...knownValues), fc.string({ unit: "binary", minLength: 1, maxLength: 60 }), fc.constantFrom("..", "%2e%2e", "a%2Fb"));
  return fc.array(value, { minLength: names.length, maxLength: names.length }).map((values) => {
    let url = path;
    values.forEach((raw, index) => {
      const encoded = raw.startsWith("%") || raw === ".." ? raw : encodeURIComponent(raw);
      url = url.replace(`{${names[index]}}`, encoded);
    });
    return url;
  });
}
