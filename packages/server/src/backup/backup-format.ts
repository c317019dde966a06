/** The first line of a backup. */
export interface BackupHeader {
  type: "header";
  format: "keyward-backup";
  version: 1;
  /** The database the backup was read from. */
  dialect: "sqlite" | "postgres";
  /** The last migration applied to the source: an import needs the same level. */
  migration: string | null;
  createdAt: number;
  tables: string[];
}

/** One row of one table. */
export interface BackupRow {
  type: "row";
  table: string;
  row: Record<string, unknown>;
}

/** The last line: its absence tells a truncated backup. */
export interface BackupEnd {
  type: "end";
  rows: number;
}

export type BackupLine = BackupHeader | BackupRow | BackupEnd;

export const BACKUP_FORMAT_VERSION = 1;

/** Binary columns (prompt files) travel as `{"$base64": "…"}`; JSON has no bytes. */
function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64") };
  if (typeof value === "bigint") return Number(value);
  return value;
}

function decodeValue(value: unknown): unknown {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const encoded = (value as { $base64?: unknown }).$base64;
    if (typeof encoded === "string" && Object.keys(value).length === 1) return Buffer.from(encoded, "base64");
  }
  return value;
}

/** A row as one line of JSON. */
export function encodeRowLine(table: string, row: Record<string, unknown>): string {
  const encoded: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) encoded[column] = encodeValue(value);
  return JSON.stringify({ type: "row", table, row: encoded } satisfies BackupRow);
}

export class BackupFormatError extends Error {
  override name = "BackupFormatError";
}

/** Parses one line of a backup; `lineNumber` is for the error message. */
export function parseBackupLine(text: string, lineNumber: number): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFormatError(`line ${lineNumber} is not JSON`);
  }
  if (value === null || typeof value !== "object") throw new BackupFormatError(`line ${lineNumber} is not a backup record`);
  const line = value as { type?: unknown; table?: unknown; row?: unknown; format?: unknown; version?: unknown; rows?: unknown };
  if (line.type === "row") {
    if (typeof line.table !== "string" || line.row === null || typeof line.row !== "object") {
      throw new BackupFormatError(`line ${lineNumber} is a row without a table or values`);
    }
    const row: Record<string, unknown> = {};
    for (const [column, cell] of Object.entries(line.row as Record<string, unknown>)) row[column] = decodeValue(cell);
    return { type: "row", table: line.table, row };
  }
  if (line.type === "header") {
    if (line.format !== "keyward-backup") throw new BackupFormatError("this is not a Keyward backup (bad header)");
    if (line.version !== BACKUP_FORMAT_VERSION) {
      throw new BackupFormatError(`backup format version ${String(line.version)} is not supported (expected ${BACKUP_FORMAT_VERSION})`);
    }
    return line as unknown as BackupHeader;
  }
  if (line.type === "end" && typeof line.rows === "number") return { type: "end", rows: line.rows };
  throw new BackupFormatError(`line ${lineNumber} has an unknown record type`);
}
