export { scanPaths, findKeysByLine, DEFAULT_MAX_FILE_BYTES, type KeyFinding, type FileScanOptions } from "./file-scanner.js";
export { scanGitHistory, GitPatchReader, GitHistoryError } from "./git-history-scanner.js";
export { LeakResponder, type LeakLocation, type LeakedKeyLookup, type LeakResponseDependencies } from "./leak-response.js";
export { judgeFindings, findingLocation, isDangerous, type FindingStatus, type ReportedFinding } from "./scan-findings.js";
export { loadScanningPublicKeys, verifyScanningSignature, type ScanningPublicKeys } from "./scanning-public-keys.js";
export { registerSecretScanning, MAX_REPORTED_TOKENS, type SecretScanningDependencies } from "./secret-scanning-routes.js";
