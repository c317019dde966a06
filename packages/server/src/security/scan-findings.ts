import { CLI_ACTOR } from "../audit/index.js";
import { keyHint, parseKeyEnvironment } from "../keys/index.js";
import type { KeyFinding } from "./file-scanner.js";
import type { LeakResponder } from "./leak-response.js";

/** `unchecked`: the scan could not reach Keyward's data, so the key may well be live. */
export type FindingStatus = "active" | "revoked" | "expired" | "unknown" | "unchecked";

/** A finding as reported: the key by its hint only. */
export interface ReportedFinding {
  file: string;
  line: number;
  commit: string | null;
  hint: string;
  environment: string;
  status: FindingStatus;
  keyId: string | null;
  workspaceId: string | null;
  /** True when this scan revoked the key (`--revoke`). */
  revokedNow: boolean;
}

/** Where a finding is, as `file:line` or `commit:file:line` (short commit). */
export function findingLocation(finding: { file: string; line: number; commit?: string | null | undefined }): string {
  const place = `${finding.file}:${finding.line}`;
  return finding.commit ? `${finding.commit.slice(0, 12)}:${place}` : place;
}

/**
 * Judges each finding against storage (each distinct key once) and, with `revoke`, revokes
 * every live one, recording the first place it was found. Without a responder every
 * finding is `unchecked`.
 */
export async function judgeFindings(
  findings: readonly KeyFinding[],
  leaks: LeakResponder | null,
  options: { revoke: boolean },
): Promise<ReportedFinding[]> {
  const judged = new Map<string, Pick<ReportedFinding, "status" | "keyId" | "workspaceId" | "revokedNow">>();
  const reported: ReportedFinding[] = [];
  for (const finding of findings) {
    let verdict = judged.get(finding.key);
    if (verdict === undefined) {
      verdict = { status: "unchecked", keyId: null, workspaceId: null, revokedNow: false };
      if (leaks !== null) {
        const found = await leaks.lookup(finding.key);
        verdict = { status: found.status, keyId: found.record?.id ?? null, workspaceId: found.record?.workspaceId ?? null, revokedNow: false };
        if (options.revoke && found.status === "active") {
          await leaks.revokeLeaked(
            found.record,
            { source: finding.commit ? "git" : "file", url: findingLocation(finding), commit: finding.commit },
            CLI_ACTOR,
          );
          verdict.revokedNow = true;
        }
      }
      judged.set(finding.key, verdict);
    }
    reported.push({
      file: finding.file,
      line: finding.line,
      commit: finding.commit ?? null,
      hint: keyHint(finding.key),
      environment: parseKeyEnvironment(finding.key) ?? "unknown",
      ...verdict,
    });
  }
  return reported;
}

/** True when a finding may still open the API: live, or not checkable (fail safe). */
export function isDangerous(finding: Pick<ReportedFinding, "status">): boolean {
  return finding.status === "active" || finding.status === "unchecked";
}
