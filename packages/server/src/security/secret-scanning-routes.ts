import type { FastifyInstance, FastifyRequest } from "fastify";
import { Type, type Static } from "typebox";
import type { Actor } from "../audit/index.js";
import { ApiError } from "../errors/index.js";
import { RegistryErrorResponses } from "../http/error-schemas.js";
import { hashApiKey, isWellFormedKey } from "../keys/index.js";
import type { LeakResponder } from "./leak-response.js";
import { verifyScanningSignature, type ScanningPublicKeys } from "./scanning-public-keys.js";

export interface SecretScanningDependencies {
  publicKeys: ScanningPublicKeys;
  leaks: LeakResponder;
}

/** At most this many matches per report: GitHub batches, but never by the thousand. */
export const MAX_REPORTED_TOKENS = 1_000;

const ReportSchema = Type.Array(
  Type.Object({
    token: Type.String({ maxLength: 1_000 }),
    type: Type.String({ maxLength: 200 }),
    url: Type.Optional(Type.String({ maxLength: 4_000 })),
    source: Type.Optional(Type.String({ maxLength: 200 })),
  }),
  { maxItems: MAX_REPORTED_TOKENS, description: "Matches found by GitHub secret scanning" },
);

const VerdictSchema = Type.Array(
  Type.Object({
    token_hash: Type.String({ description: "Hex SHA-256 of the reported token (the raw token is never echoed)" }),
    token_type: Type.String(),
    label: Type.Union([Type.Literal("true_positive"), Type.Literal("false_positive")]),
  }),
);

type Report = Static<typeof ReportSchema>;
type Verdicts = Static<typeof VerdictSchema>;

/**
 * The signature covers the exact bytes GitHub sent, so this route reads its body as a
 * buffer, checks the signature first (an unsigned report gets 401 whatever its content),
 * and only then parses the JSON. The parser is added inside this plugin only: every other
 * route keeps the app's JSON parser.
 */
function installSignedJsonParser(scope: FastifyInstance, publicKeys: ScanningPublicKeys): void {
  scope.removeContentTypeParser("application/json");
  scope.addContentTypeParser("application/json", { parseAs: "buffer" }, function parseSignedReport(request: FastifyRequest, body: Buffer, done) {
    const identifier = request.headers["github-public-key-identifier"];
    const signature = request.headers["github-public-key-signature"];
    if (!verifyScanningSignature(publicKeys, typeof identifier === "string" ? identifier : undefined, typeof signature === "string" ? signature : undefined, body)) {
      done(new ApiError("unauthorized", { message: "Invalid or missing secret-scanning signature" }), undefined);
      return;
    }
    try {
      done(null, JSON.parse(body.toString("utf8")));
    } catch {
      done(new ApiError("validation_error", { message: "Request body is not valid JSON" }), undefined);
    }
  });
}

/**
 * Judges each reported token once: a key Keyward issued is a true positive (a live one is
 * revoked; every one gets a `key.leaked` audit entry with the URL and source); anything else
 * is a false positive.
 */
async function judgeReport(report: Report, leaks: LeakResponder, actor: Actor): Promise<Verdicts> {
  const labels = new Map<string, "true_positive" | "false_positive">();
  for (const match of report) {
    if (labels.has(match.token)) continue;
    let label: "true_positive" | "false_positive" = "false_positive";
    if (isWellFormedKey(match.token)) {
      const found = await leaks.lookup(match.token);
      if (found.record !== null) {
        label = "true_positive";
        const where = { source: match.source ?? "unknown", url: match.url ?? "" };
        if (found.status === "active") await leaks.revokeLeaked(found.record, where, actor);
        else await leaks.recordLeak(found.record, where, actor);
      }
    }
    labels.set(match.token, label);
  }
  return report.map((match) => ({ token_hash: hashApiKey(match.token), token_type: match.type, label: labels.get(match.token)! }));
}

/**
 * `POST /v1/secret-scanning/report`: GitHub's secret-scanning partner program calls it when
 * a Keyward key shows up in a public repository, gist or package. Authenticated by GitHub's
 * ECDSA signature, not by an API key.
 *
 * @example
 * await registerSecretScanning(app, { publicKeys: loadScanningPublicKeys(setting), leaks });
 */
export async function registerSecretScanning(app: FastifyInstance, deps: SecretScanningDependencies): Promise<void> {
  await app.register(async function secretScanningScope(scope) {
    installSignedJsonParser(scope, deps.publicKeys);
    scope.post(
      "/v1/secret-scanning/report",
      {
        schema: {
          tags: ["Security"],
          summary: "Report leaked keys (GitHub secret scanning partner program)",
          description:
            "Signed by GitHub (Github-Public-Key-Identifier, Github-Public-Key-Signature: ECDSA P-256 over the raw body). " +
            "Live keys among the reported tokens are revoked at once.",
          headers: Type.Object({
            "github-public-key-identifier": Type.Optional(Type.String()),
            "github-public-key-signature": Type.Optional(Type.String()),
          }),
          body: ReportSchema,
          response: { 200: VerdictSchema, ...RegistryErrorResponses },
        },
      },
      async function reportLeakedKeys(request) {
        const actor: Actor = { type: "system", id: null, ip: request.ip };
        return judgeReport(request.body as Report, deps.leaks, actor);
      },
    );
  });
}
